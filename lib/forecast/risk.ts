import { WEEKDAY_EN, WEEKDAY_ZH } from '../rules/dates';
import { formatValue, isRateMetric, metricLabel } from '../rules/metrics';
import { scoreDay } from './anomaly';
import { forecastDense, type ForecastPoint } from './forecast';
import { fromDense, type SeriesPoint, toDense } from './series';

/** A line the shop does not want a metric to cross (e.g. 退款率 above 5%). */
export interface WarningLine {
  metric: string;
  direction: 'above' | 'below';
  value: number;
}

/** The shop's refund warning line from the rule templates (5%). */
export const DEFAULT_LINES: readonly WarningLine[] = [{ metric: 'payAmtRfdRate', direction: 'above', value: 0.05 }];

/** Plain data a chart draws: observed history, the forecast with its band, the line, the day to mark. */
export interface RiskChart {
  history: SeriesPoint[];
  forecast: ForecastPoint[];
  line: number | null;
  /** The judged day and its usual range (anomaly cards). */
  expected: ForecastPoint | null;
}

export interface RiskCard {
  /** `kind|metric|item|date`: stable, so the UI can dismiss a card once. */
  id: string;
  kind: 'crossing' | 'anomaly';
  metric: string;
  itemId: string | null;
  /** warning: the forecast itself crosses / the day is anomalous; watch: only the band crosses. */
  severity: 'warning' | 'watch';
  titleZh: string;
  titleEn: string;
  detailZh: string;
  detailEn: string;
  /** Recent figures are not final (refunds settle over ~14 days). */
  provisional: boolean;
  chart: RiskChart;
}

export interface RiskSeries {
  metric: string;
  itemId: string | null;
  points: ReadonlyArray<SeriesPoint & { provisional?: boolean }>;
}

export interface RiskOptions {
  /** Days ahead a crossing is looked for. Default 3. */
  horizon?: number;
  /** Days of history on the chart. Default 28. */
  historyDays?: number;
  /** Days the crossing forecast fits its trend on. Default 21: a warning should follow a rise of the last weeks, not the quarter. */
  trendWindow?: number;
  /** Robust z-score cut-off for the anomaly card. Default 4 (see anomaly.ts). */
  anomalyThreshold?: number;
}

function names(metric: string): { zh: string; en: string } {
  const l = metricLabel(metric);
  return { zh: l.zh, en: l.zh === l.en ? l.en : `${l.en[0]!.toUpperCase()}${l.en.slice(1)} (${l.zh})` };
}

function isProvisional(points: RiskSeries['points'], days: number): boolean {
  return points.slice(-days).some((p) => p.provisional === true);
}

/** "退款率 可能在 3 天内超过 5%": the forecast (or, weaker, its band) crosses the line within the horizon. */
export function crossingCard(series: RiskSeries, line: WarningLine, opts: RiskOptions = {}): RiskCard | null {
  const horizon = opts.horizon ?? 3;
  const s = toDense([...series.points]);
  const bounds = isRateMetric(series.metric) ? { min: 0, max: 1 } : undefined;
  const f = forecastDense(s, { horizon, trendWindow: opts.trendWindow ?? 21, ...(bounds ? { bounds } : {}) });
  if (!f) return null;
  const history = fromDense(s).slice(-(opts.historyDays ?? 28));
  const lastPoint = history[history.length - 1]!;
  const past = (x: number): boolean => (line.direction === 'above' ? x > line.value : x < line.value);
  // Already past the line is the rules engine's job (it fires on what happened); cards look ahead.
  if (past(lastPoint.value)) return null;
  const firm = f.points.findIndex((p) => past(p.value));
  const loose = f.points.findIndex((p) => past(line.direction === 'above' ? p.upper : p.lower));
  const k = firm >= 0 ? firm : loose;
  if (k < 0) return null;
  const n = names(series.metric);
  const lineText = formatValue(series.metric, line.value);
  const days = k + 1;
  const up = line.direction === 'above';
  const severity = firm >= 0 ? 'warning' : 'watch';
  const provisional = isProvisional(series.points, 14);
  const titleZh = severity === 'warning' ? `${n.zh} 可能在 ${days} 天内${up ? '超过' : '低于'} ${lineText}` : `${n.zh} 有可能在 ${days} 天内${up ? '超过' : '低于'} ${lineText}`;
  const titleEn =
    severity === 'warning'
      ? `${n.en} is likely to ${up ? 'cross' : 'fall below'} ${lineText} within ${days} day${days > 1 ? 's' : ''}`
      : `${n.en} could ${up ? 'cross' : 'fall below'} ${lineText} within ${days} day${days > 1 ? 's' : ''}`;
  const p = f.points[k]!;
  const range = `${formatValue(series.metric, p.lower)}–${formatValue(series.metric, p.upper)}`;
  return {
    id: `crossing|${series.metric}|${series.itemId ?? ''}|${p.date}`,
    kind: 'crossing',
    metric: series.metric,
    itemId: series.itemId,
    severity,
    titleZh,
    titleEn,
    detailZh: `最近 ${formatValue(series.metric, lastPoint.value)}（${lastPoint.date}）；预计 ${p.date} 为 ${formatValue(series.metric, p.value)}，95% 区间 ${range}${provisional ? '。近期数据未定，可能还会变化' : ''}`,
    detailEn: `Last ${formatValue(series.metric, lastPoint.value)} (${lastPoint.date}); forecast for ${p.date} is ${formatValue(series.metric, p.value)}, 95% range ${range}${provisional ? '. Recent figures are provisional and may still change' : ''}`,
    provisional,
    chart: { history, forecast: f.points, line: line.value, expected: null },
  };
}

/** "访客数 远低于通常的周二": the latest day against the same weekday in earlier weeks (anomaly.ts). */
export function anomalyCard(series: RiskSeries, opts: RiskOptions = {}): RiskCard | null {
  const s = toDense([...series.points]);
  const t = s.values.length - 1;
  if (t < 0) return null;
  const threshold = opts.anomalyThreshold ?? 4;
  const a = scoreDay(s, t, { threshold });
  if (!a || Math.abs(a.score) < threshold) return null;
  const n = names(series.metric);
  const low = a.direction === 'low';
  const wdZh = WEEKDAY_ZH[a.weekday]!;
  const wdEn = WEEKDAY_EN[a.weekday]!;
  const history = fromDense(s).slice(-(opts.historyDays ?? 28));
  const f = forecastDense(s, { horizon: opts.horizon ?? 3 });
  const fmt = (x: number): string => formatValue(series.metric, x);
  const provisional = isProvisional(series.points, 1);
  return {
    id: `anomaly|${series.metric}|${series.itemId ?? ''}|${a.date}`,
    kind: 'anomaly',
    metric: series.metric,
    itemId: series.itemId,
    severity: 'warning',
    titleZh: `${n.zh} ${low ? '远低于' : '远高于'}通常的${wdZh}`,
    titleEn: `${n.en} ${low ? 'dropped far below' : 'rose far above'} its usual ${wdEn}`,
    detailZh: `${a.date}（${wdZh}）为 ${fmt(a.value)}，通常约 ${fmt(a.expected)}（正常范围 ${fmt(a.lower)}–${fmt(a.upper)}）`,
    detailEn: `${a.date} (${wdEn}) was ${fmt(a.value)}; usually about ${fmt(a.expected)} (normal range ${fmt(a.lower)}–${fmt(a.upper)})`,
    provisional,
    chart: { history, forecast: f?.points ?? [], line: null, expected: { date: a.date, value: a.expected, lower: a.lower, upper: a.upper } },
  };
}

/**
 * All risk cards for the given series: an anomaly card for the latest day of each, and a
 * crossing card for each warning line of its metric. Sorted warnings first, then by id.
 */
export function riskCards(series: readonly RiskSeries[], lines: readonly WarningLine[] = DEFAULT_LINES, opts: RiskOptions = {}): RiskCard[] {
  const out: RiskCard[] = [];
  for (const s of series) {
    if (s.points.length === 0) continue;
    const a = anomalyCard(s, opts);
    if (a) out.push(a);
    for (const l of lines) {
      if (l.metric !== s.metric) continue;
      const c = crossingCard(s, l, opts);
      if (c) out.push(c);
    }
  }
  return out.sort((a, b) => (a.severity === b.severity ? (a.id < b.id ? -1 : 1) : a.severity === 'warning' ? -1 : 1));
}
