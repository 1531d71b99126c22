import { describe, expect, it } from 'vitest';
import type { Project } from '../../../lib/domain/project';
import { evaluateRules } from '../../../lib/rules/engine';
import { type Rule, type RuleInput, ruleSchema } from '../../../lib/rules/model';
import { RULE_TEMPLATES } from '../../../lib/rules/templates';
import { member, rec, series, task } from './helpers';

const TODAY = '2026-11-20';
const YESTERDAY = '2026-11-19';
const members = [member('m-op', 'operator'), member('m-dir', 'ops_director'), member('m-cs', 'cs_lead'), member('m-own', 'owner')];

function rule(input: Partial<RuleInput> & Pick<RuleInput, 'condition'>): Rule {
  return ruleSchema.parse({ version: 1, id: 'r1', name: 'test', trigger: 'daily', actions: { notify: [{ role: 'operator' }] }, ...input });
}

function tpl(key: string): Rule {
  return RULE_TEMPLATES.find((t) => t.key === key)!.build(key);
}

const salesTarget = [{ metric: 'payAmt', itemId: null, value: 10_000, from: null, to: null }];

describe('evaluateRules: sales below target', () => {
  const r = tpl('salesBelowTarget');

  it('fires after 3 days below target, with evidence, key, recipients and a task proposal', () => {
    const records = series('payAmt', null, YESTERDAY, [12_000, 9_000, 8_000, 7_500]);
    const { firings } = evaluateRules({ rules: [r], records, targets: salesTarget, members, today: TODAY });
    expect(firings).toHaveLength(1);
    const f = firings[0]!;
    expect(f.key).toBe(`salesBelowTarget|shop|${YESTERDAY}`);
    expect(f.provisional).toBe(false);
    expect(f.evidence.kind === 'metric' && f.evidence.points.map((p) => p.value)).toEqual([9_000, 8_000, 7_500]);
    expect(f.evidence.kind === 'metric' && f.evidence.line).toBe(10_000);
    expect(f.notify).toEqual(['m-dir', 'm-own']);
    expect(f.task).toMatchObject({ assigneeId: 'm-op', dueDate: '2026-11-22', priority: 'P1', stage: '投流测试', metric: 'payAmt' });
    expect(f.task!.title).toBe('全店支付金额连续未达目标，排查原因');
    expect(f.messageZh).toContain('连续3天');
    expect(f.messageEn).toContain('3 days in a row');
  });

  it('does not fire when one day met the target, or when a day is missing (a gap is not a bad day)', () => {
    const met = series('payAmt', null, YESTERDAY, [9_000, 10_500, 7_500]);
    expect(evaluateRules({ rules: [r], records: met, targets: salesTarget, today: TODAY }).firings).toHaveLength(0);
    const gap = series('payAmt', null, YESTERDAY, [9_000, null, 7_500]);
    const res = evaluateRules({ rules: [r], records: gap, targets: salesTarget, today: TODAY });
    expect(res.firings).toHaveLength(0);
    expect(res.skipped).toEqual([{ ruleId: 'salesBelowTarget', count: 1, reasonZh: '窗口内数据不足', reasonEn: 'not enough figures in the window' }]);
  });

  it('skips with a reason when no target is given', () => {
    const records = series('payAmt', null, YESTERDAY, [9_000, 8_000, 7_500]);
    const res = evaluateRules({ rules: [r], records, today: TODAY });
    expect(res.firings).toHaveLength(0);
    expect(res.skipped[0]!.reasonEn).toBe('no target set');
  });

  it('uses the dated target over an open-ended one', () => {
    const records = series('payAmt', null, YESTERDAY, [9_000, 8_000, 7_500]);
    const targets = [...salesTarget, { metric: 'payAmt', itemId: null, value: 5_000, from: '2026-11-01', to: '2026-11-30' }];
    expect(evaluateRules({ rules: [r], records, targets, today: TODAY }).firings).toHaveLength(0);
  });

  it('gives the same keys and firings whatever the record order and on repeat', () => {
    const records = [
      ...series('payAmt', null, YESTERDAY, [9_000, 8_000, 7_500]),
      ...series('payAmt', '10001', YESTERDAY, [1, 2, 3]),
    ];
    const a = evaluateRules({ rules: [r], records, targets: salesTarget, members, today: TODAY });
    const b = evaluateRules({ rules: [r], records: [...records].reverse(), targets: salesTarget, members, today: TODAY });
    expect(b).toEqual(a);
    expect(a.firings.map((f) => f.key)).toEqual(['salesBelowTarget|shop|2026-11-19']);
  });

  it('takes the last capture of a day', () => {
    const records = [...series('payAmt', null, YESTERDAY, [9_000, 8_000, 7_500]), rec('payAmt', null, YESTERDAY, 12_000, false, 5)];
    expect(evaluateRules({ rules: [r], records, targets: salesTarget, today: TODAY }).firings).toHaveLength(0);
  });
});

describe('evaluateRules: refund rate and maturity', () => {
  const refund = tpl('refundOverWarning');

  it('fires provisional when the window touches unsettled refund days, and says so', () => {
    const records = series('payAmtRfdRate', '10001', YESTERDAY, [0.06, 0.07, 0.08, 0.06, 0.05, 0.07, 0.09]);
    const { firings } = evaluateRules({ rules: [refund], records, members, today: TODAY, itemNames: { '10001': '羽绒服' } });
    expect(firings).toHaveLength(1);
    expect(firings[0]!.provisional).toBe(true);
    expect(firings[0]!.messageZh).toContain('数据未定');
    expect(firings[0]!.messageEn).toContain('provisional');
    // Items are named "title (ID)" (lib/items/label.ts) in messages and task titles.
    expect(firings[0]!.task!.title).toBe('羽绒服 (10001)退款率偏高（6.86%），查看退款原因');
    expect(firings[0]!.messageZh).toContain('商品「羽绒服 (10001)」的');
    expect(firings[0]!.key).toBe('refundOverWarning|item:10001|2026-11-19');
  });

  it("with policy 'wait' never fires on unsettled days but judges the last settled window", () => {
    const wait = { ...refund, condition: { ...refund.condition, maturity: 'wait' as const } } as Rule;
    // High only in the last week: the settled window (ending today-14) is fine.
    const values = [...Array<number>(20).fill(0.02), ...Array<number>(13).fill(0.2)];
    const records = series('payAmtRfdRate', '10001', YESTERDAY, values);
    expect(evaluateRules({ rules: [wait], records, today: TODAY }).firings).toHaveLength(0);
    expect(evaluateRules({ rules: [refund], records, today: TODAY }).firings).toHaveLength(1);
    // High 3 weeks ago: the settled window fires, not provisional, keyed on the settled day.
    const old = series('payAmtRfdRate', '10001', YESTERDAY, [...Array<number>(20).fill(0.2), ...Array<number>(13).fill(0.02)]);
    const f = evaluateRules({ rules: [wait], records: old, today: TODAY }).firings;
    expect(f).toHaveLength(1);
    expect(f[0]!.provisional).toBe(false);
    expect(f[0]!.period).toBe('2026-11-06');
  });

  it("with policy 'wait' refuses a settled-looking window whose records are still flagged provisional", () => {
    const wait = { ...refund, condition: { ...refund.condition, maturity: 'wait' as const } } as Rule;
    const records = series('payAmtRfdRate', '10001', '2026-11-06', Array<number>(10).fill(0.2), true);
    const res = evaluateRules({ rules: [wait], records, today: TODAY });
    expect(res.firings).toHaveLength(0);
    expect(res.skipped[0]!.reasonEn).toMatch(/waiting/);
  });
});

describe('evaluateRules: derived add-to-cart rate, storm, suggestions', () => {
  const cart = tpl('cartRateFalling');

  function itemDays(itemId: string, cartLast: number): ReturnType<typeof series> {
    return [
      ...series('uv', itemId, YESTERDAY, Array<number>(8).fill(100)),
      ...series('cartByrCnt', itemId, YESTERDAY, [10, 10, 10, 10, 10, 10, 10, cartLast]),
    ];
  }

  it('derives 加购率 = cartByrCnt / uv and fires on a 30% drop vs the 7-day mean', () => {
    const records = [...itemDays('20001', 5), ...itemDays('20002', 9)];
    const { firings } = evaluateRules({ rules: [cart], records, today: TODAY });
    expect(firings.map((f) => f.scope)).toEqual(['item:20001']);
    const e = firings[0]!.evidence;
    if (e.kind !== 'metric') throw new Error('metric evidence expected');
    expect(e.observed).toBeCloseTo(0.05, 12);
    expect(e.baseline).toBeCloseTo(0.1, 12);
  });

  it('folds more than 20 firings of one rule into one summary, worst first', () => {
    const records = Array.from({ length: 25 }, (_, i) => itemDays(String(30000 + i), i === 7 ? 1 : 5)).flat();
    const { firings } = evaluateRules({ rules: [cart], records, members, today: TODAY });
    expect(firings).toHaveLength(1);
    const f = firings[0]!;
    expect(f.key).toBe(`cartRateFalling|storm|${YESTERDAY}`);
    expect(f.evidence.kind === 'storm' && f.evidence.count).toBe(25);
    expect(f.evidence.kind === 'storm' && f.evidence.top[0]!.scope).toBe('item:30007');
    expect(f.notify).toEqual(['m-op']);
    // A lower limit from the rule itself.
    const tight = { ...cart, stormLimit: 30 };
    expect(evaluateRules({ rules: [tight], records, today: TODAY }).firings).toHaveLength(25);
  });

  it('writes a suggestion from the item figures and its recent price change', () => {
    const records = [
      ...series('uv', '20001', YESTERDAY, [...Array<number>(7).fill(100), ...Array<number>(7).fill(90)]),
      ...series('cartByrCnt', '20001', YESTERDAY, [...Array<number>(13).fill(10), 4]),
      ...series('payRate', '20001', YESTERDAY, [...Array<number>(7).fill(0.04), ...Array<number>(7).fill(0.02)]),
    ];
    const changes = [{ itemId: '20001', kind: 'price' as const, date: '2026-11-13', from: '¥99', to: '¥129' }];
    const { firings } = evaluateRules({ rules: [cart], records, today: TODAY, changes });
    const s = firings[0]!.suggestion!;
    expect(s.zh).toContain('支付转化率近7天均值 2.00%（较前7天 -50%）');
    expect(s.zh).toContain('11-13 改价 ¥99 → ¥129');
    expect(s.zh).toContain('支付转化率降幅最大');
    expect(s.en).toContain('price change on 2026-11-13 ¥99 → ¥129');
  });

  it('runs only the rules of the given trigger', () => {
    const records = itemDays('20001', 5);
    expect(evaluateRules({ rules: [cart], records, today: TODAY, trigger: 'daily' }).firings).toHaveLength(0);
    expect(evaluateRules({ rules: [cart], records, today: TODAY, trigger: 'capture' }).firings).toHaveLength(1);
    expect(evaluateRules({ rules: [{ ...cart, enabled: false }], records, today: TODAY }).firings).toHaveLength(0);
  });
});

describe('evaluateRules: shop and item scopes with plain thresholds', () => {
  it('judges a single item with an average window', () => {
    const r = rule({
      condition: { kind: 'metric', metric: 'uv', scope: { kind: 'item', itemId: '40001' }, comparator: 'lte', threshold: { kind: 'value', value: 50 }, window: { kind: 'avg', days: 4 } },
    });
    const records = [...series('uv', '40001', YESTERDAY, [40, 60, null, 50]), ...series('uv', '40002', YESTERDAY, [1, 1, 1, 1])];
    const f = evaluateRules({ rules: [r], records, today: TODAY }).firings;
    expect(f.map((x) => x.key)).toEqual(['r1|item:40001|2026-11-19']);
    expect(f[0]!.evidence.kind === 'metric' && f[0]!.evidence.observed).toBe(50);
  });
});

describe('evaluateRules: tasks and milestones', () => {
  const overdue = tpl('taskOverdue');
  it('fires once per overdue open task, notifying its assignee and the director', () => {
    const tasks = [
      task('t1', '核对库存', { dueDate: '2026-11-18', assigneeId: 'm-op' }),
      task('t2', '做主图', { dueDate: '2026-11-20' }),
      task('t3', '已完成的', { dueDate: '2026-11-01', status: 'done' }),
      task('t4', '删掉的', { dueDate: '2026-11-01', deletedAt: 5 }),
    ];
    const f = evaluateRules({ rules: [overdue], records: [], tasks, members, today: TODAY }).firings;
    expect(f.map((x) => x.key)).toEqual(['taskOverdue|task:t1|2026-11-18']);
    expect(f[0]!.notify).toEqual(['m-dir', 'm-op']);
    expect(f[0]!.evidence).toMatchObject({ kind: 'task', daysLate: 2 });
  });

  it('fires for tasks in a given status', () => {
    const r = rule({ id: 'blocked', trigger: 'task.status', condition: { kind: 'taskStatus', status: 'blocked' } });
    const tasks = [task('t1', 'a', { status: 'blocked' }), task('t2', 'b')];
    expect(evaluateRules({ rules: [r], records: [], tasks, today: TODAY }).firings.map((x) => x.key)).toEqual(['blocked|task:t1|blocked']);
  });

  it('warns about promotion milestones within 3 days', () => {
    const project = (id: string, kind: Project['kind'], date: string, status: Project['status'] = 'active'): Project => ({
      id,
      shopId: 's1',
      name: `双11-${id}`,
      kind,
      startDate: '2026-10-20',
      endDate: '2026-11-30',
      keyDate: '2026-11-11',
      status,
      milestones: [{ name: '预热', date }],
      templateId: null,
      createdAt: 0,
      updatedAt: 0,
      deletedAt: null,
    });
    const projects = [project('p1', '大促', '2026-11-23'), project('p2', '大促', '2026-11-24'), project('p3', '日常', '2026-11-21'), project('p4', '大促', '2026-11-21', 'closed')];
    const f = evaluateRules({ rules: [tpl('milestoneApproaching')], records: [], projects, members, today: TODAY }).firings;
    expect(f.map((x) => x.key)).toEqual(['milestoneApproaching|project:p1|2026-11-23:预热']);
    expect(f[0]!.messageZh).toContain('还有3天');
  });
});
