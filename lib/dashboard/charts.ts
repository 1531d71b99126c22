/**
 * Chart.js configurations built as data (unit-tested without a canvas; rendering is checked in
 * Chromium). Every chart is set up to draw fast: no animation, data pre-parsed into chart.js's
 * internal {x, y} shape (`parsing: false`, `normalized: true` — x is the day index, already
 * sorted and unique), LTTB decimation on long series, no point markers on lines.
 * Missing days are `y: null`: a gap in the line, never a drop to 0.
 */
import type { ChartConfiguration } from 'chart.js';
import { metricByCode, type MetricUnit } from '../metrics/dictionary';
import { formatValue, metricZh } from './format';
import { shortDay } from './days';
import type { FunnelStage, LeaderRow, RefundDay, TrendComparison } from './report';

export type XY = { x: number; y: number | null };
export type LineConfig = ChartConfiguration<'line', XY[]>;
export type BarConfig = ChartConfiguration<'bar', XY[]>;
export type MixedConfig = ChartConfiguration<'bar' | 'line', XY[]>;

export const COLORS = ['#1f6feb', '#f0883e', '#2da44e', '#a371f7', '#cf222e', '#6e7781'] as const;
/** Days still settling are drawn in a lighter, hatched-looking tone. */
export const PROVISIONAL_COLOR = 'rgba(207, 34, 46, 0.35)';

export interface SeriesSpec {
  label: string;
  values: readonly (number | null)[];
  /** The comparison period: dashed and grey-ish. */
  dashed?: boolean;
  /** A reference line (target, warning): no point markers. */
  flat?: boolean;
  color?: string;
}

/** Pre-parsed points: x is the position, y the value or null (a gap). */
export function toPoints(values: readonly (number | null)[]): XY[] {
  const out = new Array<XY>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = { x: i, y: v === null || v === undefined || !Number.isFinite(v) ? null : v };
  }
  return out;
}

function unitOf(metric: string | null): MetricUnit | 'number' {
  return (metric && metricByCode(metric)?.unit) || 'number';
}

/** Shared options that keep many charts cheap to draw. */
function fastOptions(): { animation: false; parsing: false; normalized: true; responsive: true; maintainAspectRatio: false } {
  return { animation: false, parsing: false, normalized: true, responsive: true, maintainAspectRatio: false };
}

/**
 * A line chart of aligned series over `labels` (days or weekday/day-of-month positions).
 * `metric` picks the y-axis format (¥, %, counts).
 */
export function seriesChart(labels: readonly string[], series: readonly SeriesSpec[], metric: string | null, title?: string): LineConfig {
  const unit = unitOf(metric);
  return {
    type: 'line',
    data: {
      datasets: series.map((s, i) => {
        const color = s.color ?? (s.dashed ? '#8c959f' : COLORS[i % COLORS.length]!);
        return {
          label: s.label,
          data: toPoints(s.values),
          borderColor: color,
          backgroundColor: color,
          borderWidth: s.dashed ? 1.5 : 2,
          borderDash: s.dashed ? [6, 4] : [],
          pointRadius: s.flat || labels.length > 62 ? 0 : 2,
          pointHoverRadius: s.flat ? 0 : 4,
          tension: 0,
          spanGaps: false,
          indexAxis: 'x' as const,
        };
      }),
    },
    options: {
      ...fastOptions(),
      interaction: { mode: 'index', intersect: false },
      plugins: {
        decimation: { enabled: labels.length > 200, algorithm: 'lttb', samples: 200, threshold: 200 },
        legend: { position: 'bottom', labels: { boxWidth: 12 } },
        title: { display: title !== undefined, text: title ?? '' },
        tooltip: {
          callbacks: {
            title: (items) => labels[items[0]?.parsed.x ?? -1] ?? '',
            label: (item) => `${item.dataset.label ?? ''}: ${formatValue(item.parsed.y, unit)}`,
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: Math.max(0, labels.length - 1),
          ticks: { precision: 0, maxTicksLimit: 8, autoSkip: true, callback: (v) => labels[Number(v)] ?? '' },
          grid: { display: false },
        },
        y: { type: 'linear', beginAtZero: true, ticks: { maxTicksLimit: 6, callback: (v) => formatValue(Number(v), unit) } },
      },
    },
  };
}

/** 本周 vs 上周 / 本月 vs 上月: current period solid, previous dashed. */
export function trendChart(t: TrendComparison): LineConfig {
  const [cur, prev] = t.kind === 'week' ? ['本周 This week', '上周 Last week'] : ['本月 This month', '上月 Last month'];
  return seriesChart(t.labels, [{ label: cur, values: t.current }, { label: prev, values: t.previous, dashed: true }], t.metric, metricZh(t.metric));
}

/** A metric per day over a date range (the daily trend under the filters). */
export function dailyChart(days: readonly string[], series: readonly SeriesSpec[], metric: string | null, title?: string): LineConfig {
  return seriesChart(days.map(shortDay), series, metric, title);
}

/** uv → 加购 → 支付 as horizontal bars; the tooltip gives the step conversion. */
export function funnelChart(stages: readonly FunnelStage[]): BarConfig {
  const labels = stages.map((s) => s.label);
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: '人数 Buyers',
          data: stages.map((s, i) => ({ x: s.value ?? null, y: i }) as unknown as XY),
          backgroundColor: [COLORS[0], COLORS[1], COLORS[2]],
          indexAxis: 'y' as const,
        },
      ],
    },
    options: {
      ...fastOptions(),
      indexAxis: 'y',
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const s = stages[item.dataIndex];
              if (!s) return '';
              const step = s.stepRate === null ? '' : ` · 转化 ${formatValue(s.stepRate, 'rate')}`;
              return `${formatValue(s.value, 'count')}${step}`;
            },
          },
        },
      },
      scales: { x: { type: 'linear', beginAtZero: true }, y: { type: 'category', labels } },
    },
  };
}

/** The leaderboard's top items by one metric, as horizontal bars. */
export function leaderboardChart(rows: readonly LeaderRow[], metric: string, itemName: (id: string) => string = (id) => id): BarConfig {
  const labels = rows.map((r) => itemName(r.itemId));
  const unit = unitOf(metric);
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: metricZh(metric),
          data: rows.map((r, i) => ({ x: r.values[metric] ?? null, y: i }) as unknown as XY),
          backgroundColor: COLORS[0],
          indexAxis: 'y' as const,
        },
      ],
    },
    options: {
      ...fastOptions(),
      indexAxis: 'y',
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => formatValue(item.parsed.x, unit) } } },
      scales: { x: { type: 'linear', beginAtZero: true, ticks: { callback: (v) => formatValue(Number(v), unit) } }, y: { type: 'category', labels } },
    },
  };
}

/**
 * 退款监控: refund rate per day, split into a final line and a provisional one (days younger
 * than the refund maturity), plus refund amount bars when finance figures are visible.
 */
export function refundChart(days: readonly RefundDay[], showAmount: boolean): MixedConfig {
  const labels = days.map((d) => shortDay(d.date));
  const finalRate = days.map((d) => (d.provisional ? null : d.rate));
  // The provisional line starts at the last final day so the two lines join.
  const firstProv = days.findIndex((d) => d.provisional);
  const provRate = days.map((d, i) => (d.provisional || (firstProv > 0 && i === firstProv - 1) ? d.rate : null));
  const datasets: MixedConfig['data']['datasets'] = [
    { type: 'line', label: '退款率 Refund rate', data: toPoints(finalRate), borderColor: COLORS[4], backgroundColor: COLORS[4], pointRadius: labels.length > 62 ? 0 : 2, yAxisID: 'y', spanGaps: false },
    { type: 'line', label: '未定 Provisional', data: toPoints(provRate), borderColor: PROVISIONAL_COLOR, backgroundColor: PROVISIONAL_COLOR, borderDash: [4, 4], pointRadius: labels.length > 62 ? 0 : 2, yAxisID: 'y', spanGaps: false },
  ];
  if (showAmount) {
    datasets.push({
      type: 'bar',
      label: '退款金额 Refund amount',
      data: toPoints(days.map((d) => d.amount)),
      backgroundColor: days.map((d) => (d.provisional ? 'rgba(240, 136, 62, 0.35)' : 'rgba(240, 136, 62, 0.8)')),
      yAxisID: 'y1',
    });
  }
  return {
    type: 'bar',
    data: { datasets },
    options: {
      ...fastOptions(),
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: {
          callbacks: {
            title: (items) => {
              const d = days[items[0]?.dataIndex ?? -1];
              return d ? `${d.date}${d.provisional ? ' · 未定 provisional' : ''}` : '';
            },
          },
        },
      },
      scales: {
        x: { type: 'linear', min: -0.5, max: days.length - 0.5, offset: false, ticks: { precision: 0, maxTicksLimit: 8, callback: (v) => labels[Number(v)] ?? '' }, grid: { display: false } },
        y: { type: 'linear', beginAtZero: true, position: 'left', ticks: { callback: (v) => formatValue(Number(v), 'rate') } },
        ...(showAmount ? { y1: { type: 'linear' as const, beginAtZero: true, position: 'right' as const, grid: { drawOnChartArea: false }, ticks: { callback: (v: string | number) => formatValue(Number(v), 'CNY') } } } : {}),
      },
    },
  };
}
