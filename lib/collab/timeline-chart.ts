import type { ChartConfiguration } from 'chart.js';
import { METRIC_LABELS, type MarkerKind, type Timeline } from './timeline';

/**
 * The chart.js configuration for an item timeline, as data (unit-tested
 * without a canvas): KPI lines on a shared day axis, counts on the left,
 * conversion rate (%) and sales (¥) on the right, and the item's tasks,
 * image versions and price changes as marker points on a hidden lane each.
 * Sales are left out for roles that may not see money (canSeeFinance).
 */
export const MARKER_STYLE: Record<MarkerKind, { label: string; color: string; point: 'circle' | 'triangle' | 'rectRot'; lane: number }> = {
  task: { label: '任务 Tasks', color: '#86909c', point: 'circle', lane: 1 },
  image: { label: '主图版本 Image versions', color: '#ff5000', point: 'triangle', lane: 2 },
  price: { label: '价格变更 Price changes', color: '#165dff', point: 'rectRot', lane: 3 },
};
const LINE_COLORS: Record<string, string> = { itmUv: '#14c9c9', payRate: '#722ed1', itemCartCnt: '#f7ba1e', payAmt: '#00b42a' };
const AXIS: Record<string, string> = { itmUv: 'y', itemCartCnt: 'y', payRate: 'yRate', payAmt: 'yAmt' };

type MarkerPoint = { x: string; y: number; label: string };

export function timelineChartConfig(t: Timeline, opts: { showMoney: boolean }): ChartConfiguration<'line', (number | null)[] | MarkerPoint[], string> {
  const lines = t.series
    .filter((s) => opts.showMoney || s.metric !== 'payAmt')
    .filter((s) => s.values.some((v) => v !== null))
    .map((s) => ({
      type: 'line' as const,
      label: METRIC_LABELS[s.metric] ?? s.metric,
      data: s.metric === 'payRate' ? s.values.map((v) => (v === null ? null : Math.round(v * 10000) / 100)) : s.values,
      yAxisID: AXIS[s.metric] ?? 'y',
      borderColor: LINE_COLORS[s.metric] ?? '#4e5969',
      backgroundColor: LINE_COLORS[s.metric] ?? '#4e5969',
      spanGaps: false,
      pointRadius: 2,
      tension: 0.2,
    }));
  const markers = (Object.keys(MARKER_STYLE) as MarkerKind[])
    .map((kind) => {
      const style = MARKER_STYLE[kind];
      const data: MarkerPoint[] = t.markers.filter((m) => m.kind === kind).map((m) => ({ x: m.date, y: style.lane, label: m.label }));
      return {
        type: 'line' as const,
        label: style.label,
        data,
        yAxisID: 'yMarker',
        showLine: false,
        pointStyle: style.point,
        pointRadius: 7,
        pointHoverRadius: 9,
        borderColor: style.color,
        backgroundColor: style.color,
      };
    })
    .filter((d) => d.data.length > 0);
  return {
    type: 'line',
    data: { labels: t.dates, datasets: [...lines, ...markers] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: { type: 'category', ticks: { maxTicksLimit: 8 } },
        y: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: '访客/加购' } },
        yRate: { type: 'linear', position: 'right', beginAtZero: true, display: lines.some((l) => l.yAxisID === 'yRate'), grid: { drawOnChartArea: false }, title: { display: true, text: '转化率 %' } },
        yAmt: { type: 'linear', position: 'right', beginAtZero: true, display: lines.some((l) => l.yAxisID === 'yAmt'), grid: { drawOnChartArea: false }, title: { display: true, text: '支付金额 ¥' } },
        yMarker: { type: 'linear', display: false, min: 0, max: 4 },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 10, font: { size: 10 } } },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const raw = ctx.raw as MarkerPoint | number | null;
              if (raw !== null && typeof raw === 'object' && 'label' in raw) return raw.label;
              return `${ctx.dataset.label ?? ''}: ${raw ?? '—'}`;
            },
          },
        },
      },
    },
  };
}
