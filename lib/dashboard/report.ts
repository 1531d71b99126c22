/**
 * The daily and weekly report: KPI cards with the comparison period, trends with period
 * comparison, the visitor → add-to-cart → payment funnel, the item leaderboard and the
 * refund watch. Everything here is pure: the dashboard page and the CSV/print exports
 * render the same numbers.
 */
import { addDays } from '../domain/dates';
import { isMature, metricByCode } from '../metrics/dictionary';
import { aggregate, change } from './aggregate';
import { type DayIndex, SHOP } from './day-index';
import { dayList, periodPair, type ComparePeriod, type DayRange } from './days';

/** The headline figures of a report, in display order. */
export const REPORT_METRICS = ['payAmt', 'uv', 'payByrCnt', 'payRate', 'payPct', 'cartByrCnt', 'payItmCnt', 'rfdSucAmt', 'payAmtRfdRate'] as const;

export interface KpiCard {
  metric: string;
  value: number | null;
  previous: number | null;
  change: number | null;
  provisional: boolean;
}

/** Metrics the viewer may see: finance figures are left out for roles without finance access. */
export function visibleMetrics(codes: readonly string[], canSeeFinance: boolean): string[] {
  return codes.filter((c) => canSeeFinance || !metricByCode(c)?.finance);
}

export function kpiCards(index: DayIndex, itemKey: string, current: readonly string[], previous: readonly string[], metrics: readonly string[]): KpiCard[] {
  return metrics.map((metric) => {
    const cur = aggregate(index, metric, itemKey, current);
    const prev = aggregate(index, metric, itemKey, previous);
    return { metric, value: cur.value, previous: prev.value, change: change(cur.value, prev.value), provisional: cur.provisional };
  });
}

export interface Report {
  kind: 'daily' | 'weekly';
  current: DayRange;
  previous: DayRange;
  cards: KpiCard[];
}

/** 日报: one day against the day before. */
export function dailyReport(index: DayIndex, day: string, itemKey: string, metrics: readonly string[]): Report {
  const prev = addDays(day, -1);
  return { kind: 'daily', current: { from: day, to: day }, previous: { from: prev, to: prev }, cards: kpiCards(index, itemKey, [day], [prev], metrics) };
}

/** 周报: this week to date against the same days of last week. */
export function weeklyReport(index: DayIndex, anchor: string, itemKey: string, metrics: readonly string[]): Report {
  const p = periodPair('week', anchor);
  return { kind: 'weekly', current: p.current, previous: p.previousToDate, cards: kpiCards(index, itemKey, dayList(p.current), dayList(p.previousToDate), metrics) };
}

export interface TrendComparison {
  metric: string;
  kind: ComparePeriod;
  /** Position labels: 周一…周日, or 1日…31日. */
  labels: string[];
  current: (number | null)[];
  previous: (number | null)[];
  currentRange: DayRange;
  previousRange: DayRange;
  /** Like-for-like totals (the first N days of each period) and their change. */
  currentTotal: number | null;
  previousTotal: number | null;
  change: number | null;
}

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** 本周 vs 上周 / 本月 vs 上月 for one metric, aligned by weekday or day of month. */
export function trendComparison(index: DayIndex, metric: string, itemKey: string, kind: ComparePeriod, anchor: string): TrendComparison {
  const p = periodPair(kind, anchor);
  const prevDays = dayList(p.previous);
  const curDays = dayList(p.current);
  const len = kind === 'week' ? 7 : Math.max(31, prevDays.length);
  const labels = kind === 'week' ? WEEKDAYS : Array.from({ length: len }, (_, i) => `${i + 1}日`);
  const pad = (xs: (number | null)[]): (number | null)[] => [...xs, ...Array<null>(Math.max(0, len - xs.length)).fill(null)].slice(0, len);
  const cur = aggregate(index, metric, itemKey, curDays);
  const prev = aggregate(index, metric, itemKey, dayList(p.previousToDate));
  return {
    metric,
    kind,
    labels,
    current: pad(index.series(metric, itemKey, curDays)),
    previous: pad(index.series(metric, itemKey, prevDays)),
    currentRange: p.current,
    previousRange: p.previous,
    currentTotal: cur.value,
    previousTotal: prev.value,
    change: change(cur.value, prev.value),
  };
}

export interface FunnelStage {
  metric: 'uv' | 'cartByrCnt' | 'payByrCnt';
  label: string;
  value: number | null;
  /** Share of the stage before (null for the first stage or when either is missing/0). */
  stepRate: number | null;
  /** Share of the first stage. */
  overallRate: number | null;
}

const FUNNEL: readonly { metric: FunnelStage['metric']; label: string }[] = [
  { metric: 'uv', label: '访客 Visitors' },
  { metric: 'cartByrCnt', label: '加购 Add to cart' },
  { metric: 'payByrCnt', label: '支付 Paid' },
];

const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : a / b);

/** uv → 加购 → 支付 over the days, for the shop or one item (items count visitors as itmUv when uv is absent). */
export function funnel(index: DayIndex, itemKey: string, days: readonly string[]): FunnelStage[] {
  const values = FUNNEL.map(({ metric }) => {
    const v = aggregate(index, metric, itemKey, days).value;
    if (v === null && metric === 'uv' && itemKey !== SHOP) return aggregate(index, 'itmUv', itemKey, days).value;
    return v;
  });
  return FUNNEL.map((s, i) => ({
    ...s,
    value: values[i] ?? null,
    stepRate: i === 0 ? null : ratio(values[i] ?? null, values[i - 1] ?? null),
    overallRate: i === 0 ? null : ratio(values[i] ?? null, values[0] ?? null),
  }));
}

export const LEADERBOARD_METRICS = ['payAmt', 'itmUv', 'payByrCnt', 'payRate', 'cartByrCnt', 'payItmCnt', 'payAmtRfdRate'] as const;

export interface LeaderRow {
  itemId: string;
  values: Record<string, number | null>;
}

/**
 * Items ranked by `sortBy` over the days (descending; items without the figure last, then by
 * ID so the order is stable). `metrics` are the columns shown.
 */
export function leaderboard(index: DayIndex, days: readonly string[], sortBy: string, metrics: readonly string[], limit = 20): LeaderRow[] {
  const rows = index.items().map((itemId) => ({
    itemId,
    values: Object.fromEntries(metrics.map((m) => [m, aggregate(index, m, itemId, days).value])) as Record<string, number | null>,
  }));
  const key = (r: LeaderRow): number | null => r.values[sortBy] ?? (metrics.includes(sortBy) ? null : aggregate(index, sortBy, r.itemId, days).value);
  return rows
    .map((r) => ({ r, k: key(r) }))
    .sort((a, b) => (a.k === null ? (b.k === null ? (a.r.itemId < b.r.itemId ? -1 : 1) : 1) : b.k === null ? -1 : b.k - a.k || (a.r.itemId < b.r.itemId ? -1 : 1)))
    .slice(0, limit)
    .map((x) => x.r);
}

export interface RefundDay {
  date: string;
  rate: number | null;
  amount: number | null;
  /** The day's refund figures are not final yet (refunds settle over ~14 days). */
  provisional: boolean;
}

/** 退款监控: daily refund rate and amount with the days still settling marked. */
export function refundWatch(index: DayIndex, itemKey: string, days: readonly string[], showAmount: boolean, today: string): RefundDay[] {
  return days.map((date) => {
    const rate = index.get('payAmtRfdRate', itemKey, date);
    const amount = showAmount ? index.get('rfdSucAmt', itemKey, date) : undefined;
    return {
      date,
      rate: rate?.value ?? null,
      amount: amount?.value ?? null,
      provisional: rate?.provisional === true || amount?.provisional === true || !isMature('payAmtRfdRate', date, today),
    };
  });
}
