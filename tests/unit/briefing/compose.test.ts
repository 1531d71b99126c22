import { describe, expect, it } from 'vitest';
import { briefingSeenKey, composeBriefing, shouldShowBriefing, type BriefingFiring, type BriefingInput, type BriefingRisk } from '@/lib/briefing/compose';
import { member, task } from '../rules/helpers';

const TODAY = '2026-11-20';
const NOW = Date.UTC(2026, 10, 20, 9);
const qiang = member('qiang', 'operator', '阿强');
const chen = member('chen', 'cs', '小陈');
const boss = member('boss', 'owner', '王店长');

const tasks = [
  task('late', '北欧餐桌 SKU 价格核对', { assigneeId: 'qiang', dueDate: '2026-11-18', priority: 'P0', itemIds: ['700000000001'], stage: '定价策略' }),
  task('today', '回复差评', { assigneeId: 'chen', dueDate: TODAY, stage: null }),
  task('blocked', '补货', { assigneeId: 'qiang', status: 'blocked', dueDate: '2026-11-25', stage: '定价策略' }),
  task('soon', '报名活动', { assigneeId: 'qiang', dueDate: '2026-11-22', stage: '活动报名' }),
  task('later', '复盘', { assigneeId: 'qiang', dueDate: '2026-12-20' }),
  task('done', '已完成', { assigneeId: 'qiang', dueDate: '2026-11-10', status: 'done' }),
  task('other', '别人的', { assigneeId: 'boss', dueDate: '2026-11-01', itemIds: ['700000000009'] }),
];

const firing = (key: string, metric: string | null, notify: string[], extra: Partial<BriefingFiring> = {}): BriefingFiring => ({
  key,
  ruleName: key,
  messageZh: `${key} 消息`,
  messageEn: `${key} message`,
  notify,
  at: NOW - 3_600_000,
  provisional: false,
  metric,
  taskId: null,
  ...extra,
});

const firings = [
  firing('sales', 'payAmt', ['qiang', 'chen', 'boss']),
  firing('refund', 'payAmtRfdRate', ['qiang', 'chen'], { provisional: true }),
  firing('old', 'uv', ['qiang'], { at: NOW - 5 * 86_400_000 }),
  firing('notMine', 'uv', ['boss']),
];

const risk = (id: string, metric: string, itemId: string | null, severity: BriefingRisk['severity'] = 'warning'): BriefingRisk => ({ id, metric, itemId, severity, titleZh: id, titleEn: id, detailZh: '', detailEn: '' });
const risks = [risk('r-item-sales', 'payAmt', '700000000001'), risk('r-item-uv', 'uv', '700000000001', 'watch'), risk('r-shop-refund', 'payAmtRfdRate', null), risk('r-other-item', 'uv', '700000000009')];

const input = (me = qiang, extra: Partial<BriefingInput> = {}): BriefingInput => ({ today: TODAY, now: NOW, me, tasks, firings, risks, ...extra });

describe('daily briefing', () => {
  it('lists what needs me today, most urgent first: overdue, blocked, fired rules, my items\' risks, due soon, the stage tip', () => {
    const b = composeBriefing(input());
    expect(b.items.map((i) => `${i.kind}:${i.ref}`)).toEqual([
      'overdue:late',
      'blocked:blocked',
      'firing:sales',
      'risk:r-item-sales',
      'firing:refund',
      'risk:r-item-uv',
      'dueSoon:soon',
      'tip:tip|定价策略',
    ]);
    expect(b.items.find((i) => i.kind === 'overdue')!.detailZh).toBe('逾期2天（截止 2026-11-18）');
    expect(b.items.find((i) => i.ref === 'refund')!.titleZh).toContain('数据未定');
    expect(b.items.at(-1)!.detailZh).toContain('券后价');
    expect(b.hiddenFinance).toBe(0);
  });

  it('never shows finance figures to customer service: sales firings and sales cards are left out', () => {
    const b = composeBriefing(input(chen));
    expect(b.items.map((i) => `${i.kind}:${i.ref}`)).toEqual(['dueToday:today', 'firing:refund']);
    expect(b.hiddenFinance).toBe(1);
    expect(JSON.stringify(b)).not.toContain('sales');
  });

  it('shows shop-wide cards to the owner, and the team SOP for the stage when there is one', () => {
    const b = composeBriefing(input(boss));
    expect(b.items.map((i) => i.ref)).toContain('r-shop-refund');
    expect(b.items.map((i) => i.ref)).toContain('r-other-item'); // the item of his own task
    expect(b.items.map((i) => i.ref)).not.toContain('r-item-uv'); // 阿强's item
    const withSop = composeBriefing(input(qiang, { sops: [{ stage: '定价策略', zh: '改价SOP：先算券后价' }] }));
    expect(withSop.items.at(-1)).toMatchObject({ kind: 'tip', detailZh: '改价SOP：先算券后价' });
  });

  it('is shown once per member and day', () => {
    expect(briefingSeenKey('qiang')).toBe('zg:briefing:qiang');
    expect(shouldShowBriefing(undefined, TODAY)).toBe(true);
    expect(shouldShowBriefing('2026-11-19', TODAY)).toBe(true);
    expect(shouldShowBriefing(TODAY, TODAY)).toBe(false);
  });
});
