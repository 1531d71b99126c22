import { describe, expect, it } from 'vitest';
import { dailyChart, funnelChart, leaderboardChart, refundChart, toPoints, trendChart } from '@/lib/dashboard/charts';
import type { TrendComparison } from '@/lib/dashboard/report';

type Callback = (...a: unknown[]) => unknown;

describe('chart configurations (as data)', () => {
  it('pre-parses points so chart.js skips parsing; missing days are gaps, not zeros', () => {
    expect(toPoints([1, null, 3, Number.NaN])).toEqual([
      { x: 0, y: 1 },
      { x: 1, y: null },
      { x: 2, y: 3 },
      { x: 3, y: null },
    ]);
  });

  it('trend chart: this week solid, last week dashed, fast options', () => {
    const t: TrendComparison = {
      metric: 'payRate',
      kind: 'week',
      labels: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
      current: [0.03, 0.04, null, null, null, null, null],
      previous: [0.02, 0.02, 0.03, 0.03, 0.02, 0.02, 0.02],
      currentRange: { from: '2026-11-23', to: '2026-11-24' },
      previousRange: { from: '2026-11-16', to: '2026-11-22' },
      currentTotal: 0.035,
      previousTotal: 0.02,
      change: 0.75,
    };
    const c = trendChart(t);
    expect(c.type).toBe('line');
    expect(c.data.datasets.map((d) => d.label)).toEqual(['本周 This week', '上周 Last week']);
    expect(c.data.datasets[0]!.borderDash).toEqual([]);
    expect(c.data.datasets[1]!.borderDash).toEqual([6, 4]);
    expect(c.data.datasets[0]!.data[2]).toEqual({ x: 2, y: null });
    expect(c.options).toMatchObject({ animation: false, parsing: false, normalized: true });
    expect(c.options?.plugins?.title).toMatchObject({ display: true, text: '支付转化率' });
    // Axis labels and values in the metric's unit.
    const x = c.options!.scales!.x as { ticks: { callback: Callback }; max: number };
    const y = c.options!.scales!.y as { ticks: { callback: Callback } };
    expect(x.max).toBe(6);
    expect(x.ticks.callback(3)).toBe('周四');
    expect(y.ticks.callback(0.0321)).toBe('3.21%');
  });

  it('a year of days turns decimation on and point markers off', () => {
    const days = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    const c = dailyChart(days, [{ label: 'a', values: days.map((_, i) => i) }, { label: 'b', values: days.map(() => 1) }, { label: 'c', values: days.map(() => 2) }], 'payAmt');
    expect(c.data.datasets).toHaveLength(3);
    expect(c.data.datasets[0]!.data).toHaveLength(365);
    expect(c.data.datasets[0]!.pointRadius).toBe(0);
    expect(c.options?.plugins?.decimation).toMatchObject({ enabled: true, algorithm: 'lttb' });
    const x = c.options!.scales!.x as { ticks: { callback: Callback } };
    expect(x.ticks.callback(0)).toBe('01-01');
    const y = c.options!.scales!.y as { ticks: { callback: Callback } };
    expect(y.ticks.callback(1234.5)).toBe('¥1,234.50');
    const short = dailyChart(days.slice(0, 7), [{ label: 'a', values: [1, 2, 3, 4, 5, 6, 7] }], 'uv');
    expect(short.options?.plugins?.decimation).toMatchObject({ enabled: false });
    expect(short.data.datasets[0]!.pointRadius).toBe(2);
  });

  it('funnel and leaderboard are horizontal bars with index positions', () => {
    const f = funnelChart([
      { metric: 'uv', label: '访客 Visitors', value: 100, stepRate: null, overallRate: null },
      { metric: 'cartByrCnt', label: '加购 Add to cart', value: 20, stepRate: 0.2, overallRate: 0.2 },
      { metric: 'payByrCnt', label: '支付 Paid', value: null, stepRate: null, overallRate: null },
    ]);
    expect(f.type).toBe('bar');
    expect(f.options?.indexAxis).toBe('y');
    expect(f.data.datasets[0]!.data).toEqual([
      { x: 100, y: 0 },
      { x: 20, y: 1 },
      { x: null, y: 2 },
    ]);
    const label = (f.options!.plugins!.tooltip!.callbacks as { label: Callback }).label;
    expect(label({ dataIndex: 1 })).toBe('20 · 转化 20.00%');

    const l = leaderboardChart([{ itemId: '700000000002', values: { payAmt: 9000 } }, { itemId: '700000000001', values: { payAmt: null } }], 'payAmt', (id) => `#${id.slice(-1)}`);
    expect(l.data.labels).toEqual(['#2', '#1']);
    expect(l.data.datasets[0]!.data).toEqual([
      { x: 9000, y: 0 },
      { x: null, y: 1 },
    ]);
  });

  it('refund chart splits final and provisional days and drops the amount when finance is hidden', () => {
    const days = [
      { date: '2026-11-10', rate: 0.02, amount: 50, provisional: false },
      { date: '2026-11-11', rate: 0.03, amount: 60, provisional: false },
      { date: '2026-11-20', rate: 0.05, amount: 90, provisional: true },
    ];
    const c = refundChart(days, true);
    const [final, prov, amount] = c.data.datasets;
    expect(final!.data.map((p) => p.y)).toEqual([0.02, 0.03, null]);
    // The provisional line starts at the last final day so the two join.
    expect(prov!.data.map((p) => p.y)).toEqual([null, 0.03, 0.05]);
    expect(prov!.label).toBe('未定 Provisional');
    expect(amount!.label).toBe('退款金额 Refund amount');
    expect((amount as unknown as { backgroundColor: string[] }).backgroundColor[2]).toContain('0.35');
    const hidden = refundChart(days, false);
    expect(hidden.data.datasets).toHaveLength(2);
    expect(hidden.options?.scales).not.toHaveProperty('y1');
  });
});
