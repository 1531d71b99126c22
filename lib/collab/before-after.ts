import { addDays } from '../domain/dates';

/**
 * Before/after comparison of an item's daily KPIs around a change (an image
 * going live, a price change). Pure: callers pass the item's daily records.
 *
 * Windows: before = the N days ending the day before the change; after = the
 * N days starting the day after it. The change day itself is left out (half
 * of it ran on the old image or price). Each side reports how many days of
 * data it has; a side with fewer than `minDays` makes the metric
 * "数据不足 not enough data" instead of a delta computed from one lucky day.
 * Values are daily means over the days that have data (rates included:
 * every day counts once).
 */
export const BEFORE_AFTER_METRICS = ['itmUv', 'payRate', 'itemCartCnt', 'payAmt'] as const;
export type BeforeAfterMetric = (typeof BEFORE_AFTER_METRICS)[number];

export interface DailyValue {
  metric: string;
  date: string;
  value: number;
}

export interface SideStats {
  from: string;
  to: string;
  days: number;
  mean: number | null;
}

export type MetricComparison =
  | { metric: string; status: 'ok'; before: SideStats; after: SideStats; delta: number; deltaRatio: number | null }
  | { metric: string; status: 'insufficient'; before: SideStats; after: SideStats };

export interface BeforeAfterOptions {
  changeDate: string;
  days: number;
  /** Fewest days of data each side needs; default half the window, at least 2. */
  minDays?: number;
  metrics?: readonly string[];
}

export function beforeAfter(records: readonly DailyValue[], opts: BeforeAfterOptions): MetricComparison[] {
  const days = Math.max(1, Math.floor(opts.days));
  const minDays = Math.max(1, opts.minDays ?? Math.max(2, Math.ceil(days / 2)));
  const before = { from: addDays(opts.changeDate, -days), to: addDays(opts.changeDate, -1) };
  const after = { from: addDays(opts.changeDate, 1), to: addDays(opts.changeDate, days) };
  return (opts.metrics ?? BEFORE_AFTER_METRICS).map((metric) => {
    const rows = records.filter((r) => r.metric === metric && Number.isFinite(r.value));
    const b = side(rows, before.from, before.to);
    const a = side(rows, after.from, after.to);
    if (b.days < minDays || a.days < minDays || b.mean === null || a.mean === null) return { metric, status: 'insufficient', before: b, after: a };
    const delta = a.mean - b.mean;
    return { metric, status: 'ok', before: b, after: a, delta, deltaRatio: b.mean === 0 ? null : delta / b.mean };
  });
}

function side(rows: readonly DailyValue[], from: string, to: string): SideStats {
  // One value per day: the last record given for a date wins (records are keyed by date already).
  const byDate = new Map<string, number>();
  for (const r of rows) if (r.date >= from && r.date <= to) byDate.set(r.date, r.value);
  const values = [...byDate.values()];
  return { from, to, days: values.length, mean: values.length ? values.reduce((s, v) => s + v, 0) / values.length : null };
}
