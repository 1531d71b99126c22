/**
 * Items named "title (ID)" in what the background writes and answers, with the titles taken
 * from the item catalog: rule firings (message, task, inbox alert, notification), target breach
 * alerts, KPI badges and the badge popover's detail, the rule preview, risk cards, command-bar
 * answers, the dashboard and the in-page panel.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSeenItems } from '@/lib/items/catalog';
import { handleMessage } from '@/lib/messaging/handler';
import type { BadgeInfo, MetricDetail } from '@/lib/metrics/messages';
import type { MetricRecord } from '@/lib/metrics/record';
import { putRecords } from '@/lib/metrics/store';
import { addDays } from '@/lib/rules/dates';
import type { RiskReport } from '@/lib/rules/insights';
import type { PreviewReply } from '@/lib/rules/messages';
import { fig, setupEnv, type TestEnv } from '../metrics/helpers';

const ITEM = '700000000001';
const OTHER = '700000000002';
const TITLE = '北欧实木餐桌 家用小户型';
const LABEL = `${TITLE} (${ITEM})`;
const SYCM = 'https://sycm.taobao.com/cc/item_rank?dateType=day';

let env: TestEnv;
let shopId: string;
beforeEach(async () => {
  env = await setupEnv(); // today 2026-11-24, me = 阿强 (operator)
  shopId = (await env.workspace.state()).shop!.id;
  await recordSeenItems(env.db, shopId, [{ itemId: ITEM, title: TITLE }], 1);
});
afterEach(async () => {
  await env.close();
});

const ok = async <T>(msg: Record<string, unknown>): Promise<T> => {
  const r = await handleMessage(msg, env);
  if (!r.ok) throw new Error(`${String(msg.type)}: ${r.error}`);
  return r.data as T;
};
const rec = (metric: string, itemId: string | null, date: string, value: number): MetricRecord => ({ metric, itemId, itemKey: itemId ?? '', date, value, period: 'day', source: 'response', shopId, capturedAt: 1, provisional: false });
const days = (n: number, to = '2026-11-23'): string[] => Array.from({ length: n }, (_, i) => addDays(to, i - n + 1));

const salesRule = (itemId: string) => ({
  version: 1,
  id: `r-${itemId}`,
  name: '商品支付金额连续3天低于800',
  trigger: 'daily',
  condition: { kind: 'metric', metric: 'payAmt', scope: { kind: 'item', itemId }, comparator: 'lt', threshold: { kind: 'value', value: 800 }, window: { kind: 'consecutiveDays', days: 3 } },
  actions: { notify: [{ role: 'operator' }], createTask: { title: '调整关键词/价格：{item}', assignee: { role: 'operator' }, dueInDays: 2 }, suggestion: true },
});

describe('rule firings', () => {
  it('name the item in the firing, its task, the inbox alert and the notification; an item without a title by its ID', async () => {
    await putRecords(env.db, [...days(3).map((d) => rec('payAmt', ITEM, d, 500)), ...days(3).map((d) => rec('payAmt', OTHER, d, 500))]);
    await ok({ type: 'rules.save', rule: salesRule(ITEM) });
    await ok({ type: 'rules.save', rule: salesRule(OTHER) });
    const { firings } = await ok<{ firings: Array<{ ruleId: string; messageZh: string }> }>({ type: 'rules.list' });
    expect(firings.find((f) => f.ruleId === `r-${ITEM}`)!.messageZh).toContain(`商品「${LABEL}」的支付金额连续3天`);
    expect(firings.find((f) => f.ruleId === `r-${OTHER}`)!.messageZh).toContain(`商品「${OTHER}」的`);
    const tasks = (await env.workspace.state()).tasks.map((t) => t.title).sort();
    expect(tasks).toEqual([`调整关键词/价格：${OTHER}`, `调整关键词/价格：${LABEL}`]);
    const alerts = await env.db.table('alerts').toArray();
    expect(alerts.some((a: { message: string }) => a.message.includes(`商品「${LABEL}」：`))).toBe(true); // the suggestion
    expect(env.notified.some((n) => n.message.includes(LABEL))).toBe(true);
  });
});

describe('targets, badges and the badge popover', () => {
  it('a breach alert names the item; badges and the detail carry its title', async () => {
    await ok({ type: 'metrics.target.set', target: { metric: 'payAmtRfdRate', itemId: ITEM, monthly: null, line: { direction: 'max', value: 0.05 } } });
    await ok({ type: 'metrics.ingest', url: SYCM, identity: { shopId: null, shopTitle: '木语家居旗舰店', loginUserName: null }, figures: [fig('payAmtRfdRate', 0.08, '2026-11-23', { itemId: ITEM })] });
    const alerts = await env.db.table('alerts').toArray();
    expect(alerts.map((a: { title: string }) => a.title)).toEqual([`金额退款率越过警戒线（商品 ${LABEL}，2026-11-23）`]);
    const cell = { metric: 'payAmtRfdRate', value: 0.08, date: '2026-11-23', period: 'day' };
    const infos = await ok<BadgeInfo[]>({ type: 'metrics.badges', cells: [{ ...cell, itemId: ITEM }, { ...cell, itemId: OTHER }, { ...cell, itemId: null }] });
    expect(infos.map((i) => i.itemTitle)).toEqual([TITLE, null, null]);
    expect((await ok<MetricDetail>({ type: 'metrics.detail', metric: 'uv', itemId: ITEM, to: '2026-11-23' })).itemTitle).toBe(TITLE);
    expect((await ok<MetricDetail>({ type: 'metrics.detail', metric: 'uv', itemId: null, to: '2026-11-23' })).itemTitle).toBeNull();
  });
});

describe('the rule preview, risk cards, answers, the dashboard and the panel', () => {
  it('rules.preview gives the names of the items it hit', async () => {
    await putRecords(env.db, days(5).map((d) => rec('payAmt', ITEM, d, 500)));
    const r = await ok<PreviewReply>({ type: 'rules.preview', rule: salesRule(ITEM), days: 30 });
    expect(r.preview!.items).toEqual([ITEM]);
    expect(r.itemNames).toEqual({ [ITEM]: TITLE });
  });

  it('rules.risks gives the names of the cards’ items', async () => {
    // Six weeks of steady visitors, then a collapse yesterday: an anomaly card on the item.
    const values = days(42, '2026-11-23').map((d, i) => rec('uv', ITEM, d, i === 41 ? 40 : 1000 + (i % 7) * 20));
    await putRecords(env.db, values);
    const r = await ok<RiskReport>({ type: 'rules.risks' });
    expect(r.cards.some((c) => c.itemId === ITEM)).toBe(true);
    expect(r.itemNames).toEqual({ [ITEM]: TITLE });
  });

  it('nl.answer: 本周退款率最高的三个商品 by title and ID', async () => {
    await putRecords(env.db, [rec('payAmtRfdRate', ITEM, '2026-11-23', 0.09), rec('payAmtRfdRate', OTHER, '2026-11-23', 0.03)]);
    const a = await ok<{ textZh: string }>({ type: 'nl.answer', spec: { kind: 'top', metric: 'payAmtRfdRate', n: 3, order: 'desc', range: { from: '2026-11-23', to: '2026-11-23' } } });
    expect(a.textZh).toContain(`1. ${LABEL} 9.00%；2. ${OTHER} 3.00%`);
  });

  it('dashboard.data and panel.get carry the names of their items', async () => {
    await putRecords(env.db, [rec('uv', ITEM, '2026-11-23', 80), rec('uv', OTHER, '2026-11-23', 60)]);
    const d = await ok<{ itemNames: Record<string, string> }>({ type: 'dashboard.data', from: '2026-11-01', to: '2026-11-23' });
    expect(d.itemNames).toEqual({ [ITEM]: TITLE });
    const p = await ok<{ itemId: string; itemNames: Record<string, string> }>({ type: 'panel.get', url: `https://item.upload.taobao.com/sell/v2/publish.htm?itemId=${ITEM}` });
    expect(p.itemId).toBe(ITEM);
    expect(p.itemNames).toEqual({ [ITEM]: TITLE });
  });
});
