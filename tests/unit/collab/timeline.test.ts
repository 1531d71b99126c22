import { describe, expect, it } from 'vitest';
import type { ImageVersion, PriceChange } from '@/lib/collab/model';
import { buildTimeline } from '@/lib/collab/timeline';
import { timelineChartConfig } from '@/lib/collab/timeline-chart';
import type { Task } from '@/lib/domain';

const dayOf = (at: number): string => new Date(at).toISOString().slice(0, 10);
const at = (d: string): number => Date.parse(`${d}T06:00:00Z`);
const task = { id: 't1', title: '换主图', status: 'doing', dueDate: '2026-11-12', createdAt: at('2026-11-01') } as Task;
const version = { id: 'v1', itemId: '700000000001', slot: 0, version: 2, note: '场景图', at: at('2026-11-09'), liveSince: at('2026-11-10'), liveUntil: null } as ImageVersion;
const price = { id: 'p1', itemId: '700000000001', skuId: '1', skuLabel: '原木色', oldPrice: 1299, newPrice: 1199, at: at('2026-11-11') } as PriceChange;
const metrics = [
  { metric: 'itmUv', date: '2026-11-08', value: 100 },
  { metric: 'itmUv', date: '2026-11-10', value: 120 },
  { metric: 'payRate', date: '2026-11-10', value: 0.0321 },
  { metric: 'payAmt', date: '2026-11-10', value: 5000 },
];

describe('item timeline', () => {
  const t = buildTimeline({ tasks: [task], imageVersions: [version], priceChanges: [price], metrics, dayOf });
  it('puts KPIs and changes on one continuous day axis', () => {
    expect(t.dates[0]).toBe('2026-11-08');
    expect(t.dates.at(-1)).toBe('2026-11-12');
    expect(t.dates).toHaveLength(5);
    expect(t.series.find((s) => s.metric === 'itmUv')?.values).toEqual([100, null, 120, null, null]);
    expect(t.markers.map((m) => [m.kind, m.date])).toEqual([
      ['task', '2026-11-12'],
      ['image', '2026-11-10'],
      ['price', '2026-11-11'],
    ]);
    expect(t.markers[1]?.label).toContain('v2 上线');
  });
  it('builds a chart with KPI lines and one marker lane per kind; money only for finance roles', () => {
    const c = timelineChartConfig(t, { showMoney: true });
    const labels = c.data.datasets.map((d) => d.label);
    expect(labels).toEqual(['访客数', '支付转化率', '支付金额', '任务 Tasks', '主图版本 Image versions', '价格变更 Price changes']);
    expect(c.data.datasets.find((d) => d.label === '支付转化率')?.data).toEqual([null, null, 3.21, null, null]);
    expect(c.data.datasets.find((d) => d.label === '价格变更 Price changes')?.data).toEqual([{ x: '2026-11-11', y: 3, label: expect.stringContaining('1299 → 1199') }]);
    expect(timelineChartConfig(t, { showMoney: false }).data.datasets.map((d) => d.label)).not.toContain('支付金额');
  });
});
