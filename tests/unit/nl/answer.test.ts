import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../../lib/nl/answer';
import { draftBudgetPlan } from '../../../lib/nl/budget';
import { parseCommand } from '../../../lib/nl/parse';
import type { BudgetSpec, QuerySpec } from '../../../lib/nl/types';
import { rec, series } from '../rules/helpers';

const TODAY = '2026-10-21';

function spec(text: string): QuerySpec {
  const p = parseCommand(text, { today: TODAY, members: [] });
  if (p.kind !== 'query') throw new Error(`not a query: ${text}`);
  return p.params;
}

describe('answerQuery', () => {
  const records = [
    // Shop payAmt: week 10-05..10-11 = 7 × 1000, week 10-12..10-18 = 7 × 1200.
    ...series('payAmt', null, '2026-10-18', [...Array<number>(7).fill(1000), ...Array<number>(7).fill(1200)]),
    ...series('uv', null, '2026-10-20', [500, 600]),
    rec('uv', null, '2026-10-20', 650, false, 9), // a later capture of the same day wins
    ...series('payAmtRfdRate', '10001', TODAY, [0.02, 0.04, 0.03]),
    ...series('payAmtRfdRate', '10002', TODAY, [0.1, 0.08, 0.09]),
    ...series('payAmtRfdRate', '10003', TODAY, [0.05, null, 0.07]),
    ...series('payAmtRfdRate', '10004', TODAY, [0.01, 0.01, 0.01]),
    ...series('payAmtRfdRate', null, TODAY, [0.5, 0.5, 0.5]), // shop level: not an item
  ];

  it('top items by refund rate this week (rates are averaged over the days with figures)', () => {
    const a = answerQuery(spec('本周退款率最高的三个商品'), records);
    expect(a.kind).toBe('top');
    if (a.kind !== 'top') return;
    expect(a.rows.map((r) => r.itemId)).toEqual(['10002', '10003', '10001']);
    expect(a.rows[0]!.value).toBeCloseTo(0.09, 10);
    expect(a.rows[1]!).toMatchObject({ days: 2 });
    expect(a.textZh).toContain('1. 10002 9.00%');
  });

  it('week-over-week change in sales', () => {
    const a = answerQuery(spec('上周支付金额比前一周涨了多少'), records);
    if (a.kind !== 'change') throw new Error('change expected');
    expect([a.current.value, a.previous.value, a.delta]).toEqual([8400, 7000, 1400]);
    expect(a.ratio).toBeCloseTo(0.2, 10);
    expect(a.textZh).toBe('支付金额 2026-10-12~2026-10-18 为 ¥8,400，2026-10-05~2026-10-11 为 ¥7,000，变化 +¥1,400（+20.0%）');
    expect(a.textEn).toContain('+¥1,400 (+20.0%)');
  });

  it("yesterday's visitors, last capture wins", () => {
    const a = answerQuery(spec('昨天访客数多少'), records);
    expect(a.kind === 'value' && a.result).toEqual({ value: 650, days: 1 });
    expect(a.kind === 'value' && a.textZh).toBe('2026-10-20 访客数：650');
  });

  it('says when figures are missing or partial, never reads a gap as 0', () => {
    const none = answerQuery(spec('上个月退款金额多少'), records);
    expect(none.kind === 'value' && none.result).toEqual({ value: null, days: 0 });
    expect(none.kind === 'value' && none.textZh).toBe('2026-09-01~2026-09-30 没有退款金额数据');
    const partial = answerQuery(spec('最近7天访客数是多少'), records);
    expect(partial.kind === 'value' && partial.textZh).toContain('仅 2 天有数据');
    const change = answerQuery(spec('本周访客数比上周怎么样'), records);
    expect(change.kind === 'change' && change.delta).toBeNull();
  });

  it('derives 加购率 as Σ加购人数 / Σ访客数', () => {
    const rs = [...series('uv', '10001', '2026-10-20', [100, 300]), ...series('cartByrCnt', '10001', '2026-10-20', [10, 10])];
    const a = answerQuery({ kind: 'value', metric: 'cartRate', itemId: '10001', range: { from: '2026-10-19', to: '2026-10-20' } }, rs);
    expect(a.kind === 'value' && a.result.value).toBeCloseTo(0.05, 10);
  });
});

describe('draftBudgetPlan', () => {
  const p = parseCommand('下月推广预算', { today: TODAY, members: [] });
  if (p.kind !== 'draftPlan') throw new Error('plan expected');
  const basisEnd = p.params.basis.to;
  // 28 days: item A spends 100/day, sells 500 (ROI 5); B 100/day sells 200 (ROI 2); C 50/day sells 25 (ROI 0.5); D spends almost nothing.
  const rs = [
    ...series('p4pExpendAmt', '10001', basisEnd, Array<number>(28).fill(100)),
    ...series('payAmt', '10001', basisEnd, Array<number>(28).fill(500)),
    ...series('p4pExpendAmt', '10002', basisEnd, Array<number>(28).fill(100)),
    ...series('payAmt', '10002', basisEnd, Array<number>(28).fill(200)),
    ...series('p4pExpendAmt', '10003', basisEnd, Array<number>(28).fill(50)),
    ...series('payAmt', '10003', basisEnd, Array<number>(28).fill(25)),
    ...series('p4pExpendAmt', '10004', basisEnd, Array<number>(28).fill(0.5)),
    ...series('payAmt', '10004', basisEnd, Array<number>(28).fill(100)),
    // Old spend outside the basis window must not count.
    rec('p4pExpendAmt', '10002', '2026-08-01', 1e6),
  ];

  it('keeps the run rate as total and spreads it by ROI, capped at 2× each item’s rate', () => {
    const plan = draftBudgetPlan(p.params, rs);
    expect(plan.month).toBe('2026-11');
    expect(plan.days).toBe(30);
    // Shop spend unknown → sum of items: 250.5 a day × 30 days.
    expect(plan.total).toBe(7515);
    expect(plan.roi).toBeCloseTo((700 + 25 + 100) / 250.5, 2);
    const byItem = Object.fromEntries(plan.lines.map((l) => [l.itemId, l]));
    expect(Object.keys(byItem).sort()).toEqual(['10001', '10002', '10003']); // 10004 spends < 1%
    // A wants 7515 × 5/7.5 = 5010 but is capped at 2 × 3000 = 6000 → not capped; B 2004; C 501.
    expect(byItem['10001']!.planned).toBeCloseTo(5010, 2);
    expect(byItem['10002']!.planned).toBeCloseTo(2004, 2);
    expect(byItem['10003']!.planned).toBeCloseTo(501, 2);
    expect(plan.lines.reduce((a, l) => a + l.planned, 0)).toBeCloseTo(plan.total, 1);
    expect(plan.review).toEqual(['10003']);
    expect(plan.unallocated).toBe(0);
  });

  it('caps a high-ROI item and re-spreads the rest; leaves the excess unallocated when all are capped', () => {
    const big: BudgetSpec = { ...p.params, total: 20_000 };
    const plan = draftBudgetPlan(big, rs);
    const a = plan.lines.find((l) => l.itemId === '10001')!;
    expect(a.planned).toBeCloseTo(6000, 2); // 2 × 100/day × 30
    const b = plan.lines.find((l) => l.itemId === '10002')!;
    expect(b.planned).toBeCloseTo(6000, 2);
    const c = plan.lines.find((l) => l.itemId === '10003')!;
    expect(c.planned).toBeCloseTo(3000, 2);
    expect(plan.unallocated).toBeCloseTo(5000, 2);
    expect(plan.notesZh.join()).toContain('未分配');
  });

  it('gives only a total without item figures', () => {
    const shop = series('p4pExpendAmt', null, basisEnd, Array<number>(28).fill(300));
    const plan = draftBudgetPlan(p.params, shop);
    expect(plan.total).toBe(9000);
    expect(plan.lines).toEqual([]);
    expect(plan.notesEn[0]).toMatch(/only the total/);
  });
});
