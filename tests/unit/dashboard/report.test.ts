import { describe, expect, it } from 'vitest';
import { aggregate, change, isAdditive } from '@/lib/dashboard/aggregate';
import { DayIndex } from '@/lib/dashboard/day-index';
import { dayList, periodPair, previousRange, weekStart } from '@/lib/dashboard/days';
import { dailyReport, funnel, leaderboard, refundWatch, trendComparison, visibleMetrics, weeklyReport } from '@/lib/dashboard/report';
import { rec } from './helpers';

const TODAY = '2026-11-29';

describe('day ranges', () => {
  it('lists days inclusively and compares like with like', () => {
    expect(dayList({ from: '2026-02-27', to: '2026-03-02' })).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(dayList({ from: '2026-03-02', to: '2026-03-01' })).toEqual([]);
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // a Sunday belongs to the week from Monday
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(previousRange({ from: '2026-11-23', to: '2026-11-29' })).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    // Wednesday: this week Mon–Wed against last week Mon–Wed.
    expect(periodPair('week', '2026-11-25')).toEqual({
      kind: 'week',
      current: { from: '2026-11-23', to: '2026-11-25' },
      previous: { from: '2026-11-16', to: '2026-11-22' },
      previousToDate: { from: '2026-11-16', to: '2026-11-18' },
    });
    // 31 March against February: the like-for-like part stops at February's last day.
    expect(periodPair('month', '2026-03-31').previousToDate).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
});

describe('aggregates', () => {
  const index = new DayIndex(
    [
      rec('payAmt', '2026-11-20', 100),
      rec('payAmt', '2026-11-21', 300),
      rec('uv', '2026-11-20', 100),
      rec('uv', '2026-11-21', 300),
      rec('payByrCnt', '2026-11-20', 10),
      rec('payByrCnt', '2026-11-21', 3),
      rec('payRate', '2026-11-20', 0.1),
      rec('payRate', '2026-11-21', 0.01),
      rec('stayTime', '2026-11-20', 30),
      rec('stayTime', '2026-11-21', 50),
      // Stored twice: the later capture wins.
      rec('payAmt', '2026-11-21', 250, '', { capturedAt: 0 }),
    ],
    TODAY,
  );
  const days = ['2026-11-20', '2026-11-21', '2026-11-22'];
  it('sums counts and money, recomputes ratios from their parts, averages the rest', () => {
    expect(isAdditive('payAmt')).toBe(true);
    expect(isAdditive('payRate')).toBe(false);
    expect(aggregate(index, 'payAmt', '', days)).toEqual({ value: 400, days: 2, provisional: false });
    // 13 buyers / 400 visitors, not (10% + 1%) / 2.
    expect(aggregate(index, 'payRate', '', days).value).toBeCloseTo(13 / 400, 10);
    expect(aggregate(index, 'payPct', '', days).value).toBeCloseTo(400 / 13, 10);
    expect(aggregate(index, 'stayTime', '', days).value).toBe(40);
    expect(aggregate(index, 'pv', '', days)).toEqual({ value: null, days: 0, provisional: false });
  });
  it('gives no change when a side is missing or zero', () => {
    expect(change(110, 100)).toBeCloseTo(0.1);
    expect(change(null, 100)).toBeNull();
    expect(change(5, 0)).toBeNull();
  });
});

describe('reports', () => {
  const records = [
    ...dayList({ from: '2026-11-09', to: '2026-11-28' }).flatMap((d, i) => [rec('payAmt', d, 1000 + i * 10), rec('uv', d, 500 + i), rec('cartByrCnt', d, 50), rec('payByrCnt', d, 20)]),
    rec('uv', '2026-11-27', 80, '700000000001'),
    rec('cartByrCnt', '2026-11-27', 16, '700000000001'),
    rec('payByrCnt', '2026-11-27', 4, '700000000001'),
    rec('payAmt', '2026-11-27', 4000, '700000000001'),
    rec('itmUv', '2026-11-27', 200, '700000000002'),
    rec('payAmt', '2026-11-27', 9000, '700000000002'),
    rec('payByrCnt', '2026-11-27', 9, '700000000002'),
    rec('itmUv', '2026-11-27', 10, '700000000003'),
  ];
  const index = new DayIndex(records, TODAY);

  it('daily report: a day against the day before', () => {
    const r = dailyReport(index, '2026-11-28', '', ['payAmt', 'uv']);
    expect(r.current).toEqual({ from: '2026-11-28', to: '2026-11-28' });
    expect(r.cards[0]).toMatchObject({ metric: 'payAmt', value: 1190, previous: 1180 });
    expect(r.cards[0]!.change).toBeCloseTo(10 / 1180);
  });

  it('weekly report: week to date against the same days of last week', () => {
    const r = weeklyReport(index, '2026-11-28', '', ['uv']);
    expect(r.current).toEqual({ from: '2026-11-23', to: '2026-11-28' });
    expect(r.previous).toEqual({ from: '2026-11-16', to: '2026-11-21' });
    // uv = 500 + i with i = days since 11-09; this week i = 14..19, last week i = 7..12.
    expect(r.cards[0]!.value).toBe(6 * 500 + (14 + 15 + 16 + 17 + 18 + 19));
    expect(r.cards[0]!.previous).toBe(6 * 500 + (7 + 8 + 9 + 10 + 11 + 12));
  });

  it('trend comparison aligns weekdays and leaves missing days as gaps', () => {
    const t = trendComparison(index, 'uv', '', 'week', '2026-11-28');
    expect(t.labels).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    expect(t.current).toEqual([514, 515, 516, 517, 518, 519, null]);
    expect(t.previous).toEqual([507, 508, 509, 510, 511, 512, 513]);
    const m = trendComparison(index, 'uv', '', 'month', '2026-11-28');
    expect(m.labels).toHaveLength(31);
    expect(m.previous.every((v) => v === null)).toBe(true); // no October data
    expect(m.change).toBeNull();
  });

  it('funnel: visitors → add to cart → paid, with step and overall rates', () => {
    const f = funnel(index, '700000000001', ['2026-11-27']);
    expect(f.map((s) => s.value)).toEqual([80, 16, 4]);
    expect(f[1]!.stepRate).toBeCloseTo(0.2);
    expect(f[2]!.stepRate).toBeCloseTo(0.25);
    expect(f[2]!.overallRate).toBeCloseTo(0.05);
    // An item with only 商品访客数 uses it as the first stage; missing stages are null, not 0.
    const g = funnel(index, '700000000002', ['2026-11-27']);
    expect(g.map((s) => s.value)).toEqual([200, null, 9]);
    expect(g[1]!.stepRate).toBeNull();
    expect(g[2]!.stepRate).toBeNull();
  });

  it('leaderboard ranks items by the chosen metric, items without it last', () => {
    const rows = leaderboard(index, ['2026-11-27'], 'payAmt', ['payAmt', 'itmUv']);
    expect(rows.map((r) => r.itemId)).toEqual(['700000000002', '700000000001', '700000000003']);
    expect(rows[2]!.values.payAmt).toBeNull();
    expect(leaderboard(index, ['2026-11-27'], 'itmUv', ['itmUv']).map((r) => r.itemId)).toEqual(['700000000002', '700000000003', '700000000001']);
  });

  it('hides finance metrics for roles without finance access', () => {
    expect(visibleMetrics(['payAmt', 'uv', 'rfdSucAmt', 'payAmtRfdRate'], false)).toEqual(['uv', 'payAmtRfdRate']);
    expect(visibleMetrics(['payAmt', 'uv'], true)).toEqual(['payAmt', 'uv']);
  });
});

describe('refund watch', () => {
  it('marks days younger than the refund maturity as provisional', () => {
    const index = new DayIndex([rec('payAmtRfdRate', '2026-11-01', 0.05), rec('payAmtRfdRate', '2026-11-20', 0.03), rec('rfdSucAmt', '2026-11-20', 120)], TODAY);
    const w = refundWatch(index, '', ['2026-11-01', '2026-11-20', '2026-11-21'], true, TODAY);
    expect(w).toEqual([
      { date: '2026-11-01', rate: 0.05, amount: null, provisional: false },
      { date: '2026-11-20', rate: 0.03, amount: 120, provisional: true },
      { date: '2026-11-21', rate: null, amount: null, provisional: true },
    ]);
    expect(refundWatch(index, '', ['2026-11-20'], false, TODAY)[0]!.amount).toBeNull();
  });
});

describe('formatting', () => {
  it('formats values in their unit, missing as a dash', async () => {
    const { formatValue, formatChange, formatMetric } = await import('@/lib/dashboard/format');
    expect(formatValue(1234567.891, 'CNY')).toBe('¥1,234,567.89');
    expect(formatValue(-1234.5, 'CNY')).toBe('-¥1,234.50');
    expect(formatValue(-0.001, 'CNY')).toBe('¥0.00');
    expect(formatValue(999, 'count')).toBe('999');
    expect(formatValue(1000, 'count')).toBe('1,000');
    expect(formatValue(12.5, 'count')).toBe('12.5');
    expect(formatValue(0.0321, 'rate')).toBe('3.21%');
    expect(formatValue(null, 'rate')).toBe('—');
    expect(formatValue(Number.NaN, 'count')).toBe('—');
    expect(formatMetric('stayTime', 38.46)).toBe('38.5秒');
    expect(formatChange(0.1234)).toBe('+12.3%');
    expect(formatChange(-0.04)).toBe('-4.0%');
    expect(formatChange(null)).toBe('—');
  });
});
