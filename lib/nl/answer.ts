import { itemLabel, labelFrom, type ItemNames } from '../items/label';
import type { MetricRecord } from '../metrics/record';
import { dayIndex } from '../rules/dates';
import { formatValue, metricInfo, metricLabel } from '../rules/metrics';
import type { DateRange, QuerySpec } from './types';

export interface Aggregate {
  value: number | null;
  /** Days with a figure in the range. */
  days: number;
}

export type QueryAnswer =
  | {
      kind: 'top';
      metric: string;
      range: DateRange;
      /** `title`: the item's title from the item catalog, null when no page showed one. */
      rows: Array<{ itemId: string; title: string | null; value: number; days: number }>;
      textZh: string;
      textEn: string;
    }
  | {
      kind: 'change';
      metric: string;
      current: Aggregate;
      previous: Aggregate;
      delta: number | null;
      /** current / previous − 1; null when the previous value is 0 or missing. */
      ratio: number | null;
      textZh: string;
      textEn: string;
    }
  | { kind: 'value'; metric: string; range: DateRange; result: Aggregate; textZh: string; textEn: string };

/** Rates, averages and durations are averaged over days; money and counts add up. */
function averaged(metric: string): boolean {
  const unit = metricInfo(metric)?.unit;
  return unit === 'rate' || unit === 'seconds' || metric === 'payPct' || metric === 'uvAvgValue';
}

/** Sums of daily figures per item for the metrics needed, in one pass over the records. */
function collect(records: readonly MetricRecord[], metrics: readonly string[], range: DateRange, itemKey: string | null): Map<string, Map<string, { sum: number; days: number }>> {
  const out = new Map<string, Map<string, { sum: number; days: number }>>();
  for (const m of metrics) out.set(m, new Map());
  // Last capture wins for a day stored twice.
  const seen = new Map<string, MetricRecord>();
  for (const r of records) {
    if (r.period !== 'day' || r.date < range.from || r.date > range.to || !out.has(r.metric)) continue;
    if (itemKey !== null && r.itemKey !== itemKey) continue;
    const k = `${r.metric}|${r.itemKey}|${r.date}`;
    const prev = seen.get(k);
    if (!prev || r.capturedAt >= prev.capturedAt) seen.set(k, r);
  }
  for (const r of seen.values()) {
    const byItem = out.get(r.metric)!;
    const acc = byItem.get(r.itemKey) ?? { sum: 0, days: 0 };
    acc.sum += r.value;
    acc.days++;
    byItem.set(r.itemKey, acc);
  }
  return out;
}

/** One number per item key ('' = shop) for a metric over a range, in one pass (derived 加购率 = Σ加购人数 / Σ访客数: a weighted rate). */
export function aggregateAll(records: readonly MetricRecord[], metric: string, range: DateRange, itemKey: string | null): Map<string, Aggregate> {
  const d = metricInfo(metric)?.derived;
  const res = new Map<string, Aggregate>();
  if (d) {
    const c = collect(records, [d.numerator, d.denominator], range, itemKey);
    const nums = c.get(d.numerator)!;
    for (const [k, den] of c.get(d.denominator)!) {
      const num = nums.get(k);
      if (num && den.sum > 0) res.set(k, { value: num.sum / den.sum, days: Math.min(num.days, den.days) });
    }
    return res;
  }
  const c = collect(records, [metric], range, itemKey).get(metric)!;
  for (const [k, acc] of c) res.set(k, { value: averaged(metric) ? acc.sum / acc.days : acc.sum, days: acc.days });
  return res;
}

export function aggregate(records: readonly MetricRecord[], metric: string, range: DateRange, itemKey: string): Aggregate {
  return aggregateAll(records, metric, range, itemKey).get(itemKey) ?? { value: null, days: 0 };
}

function span(r: DateRange): number {
  return dayIndex(r.to) - dayIndex(r.from) + 1;
}

function rangeText(r: DateRange): string {
  return r.from === r.to ? r.from : `${r.from}~${r.to}`;
}

function gapNote(a: Aggregate, r: DateRange): { zh: string; en: string } {
  return a.days > 0 && a.days < span(r) ? { zh: `（仅 ${a.days} 天有数据）`, en: ` (figures for ${a.days} of ${span(r)} days)` } : { zh: '', en: '' };
}

/**
 * Answers a parsed data question over one shop's stored daily figures. Pure. Items are named
 * "title (ID)" from `names` (the item catalog), by their ID when it has no title for them.
 */
export function answerQuery(spec: QuerySpec, records: readonly MetricRecord[], names?: ItemNames): QueryAnswer {
  const label = metricLabel(spec.metric);
  const fmt = (x: number): string => formatValue(spec.metric, x);
  if (spec.kind === 'top') {
    const rows = [...aggregateAll(records, spec.metric, spec.range, null)]
      .filter(([k, a]) => k !== '' && a.value !== null)
      .map(([itemId, a]) => ({ itemId, title: names?.[itemId] ?? null, value: a.value!, days: a.days }))
      .sort((a, b) => (spec.order === 'desc' ? b.value - a.value : a.value - b.value) || (a.itemId < b.itemId ? -1 : 1))
      .slice(0, spec.n);
    const list = rows.map((r, i) => `${i + 1}. ${itemLabel(r.itemId, r.title)} ${fmt(r.value)}`).join('；');
    return {
      kind: 'top',
      metric: spec.metric,
      range: spec.range,
      rows,
      textZh: rows.length ? `${rangeText(spec.range)} ${label.zh}${spec.order === 'desc' ? '最高' : '最低'}：${list}` : `${rangeText(spec.range)} 没有商品的${label.zh}数据`,
      textEn: rows.length
        ? `${spec.order === 'desc' ? 'Highest' : 'Lowest'} ${label.en}, ${rangeText(spec.range)}: ${list.replaceAll('；', '; ')}`
        : `No item figures for ${label.en} in ${rangeText(spec.range)}`,
    };
  }
  const itemKey = spec.itemId ?? '';
  const whoZh = spec.itemId ? `商品 ${labelFrom(names, spec.itemId)} ` : '';
  const whoEn = spec.itemId ? ` of item ${labelFrom(names, spec.itemId)}` : '';
  if (spec.kind === 'value') {
    const result = aggregate(records, spec.metric, spec.range, itemKey);
    const note = gapNote(result, spec.range);
    return {
      kind: 'value',
      metric: spec.metric,
      range: spec.range,
      result,
      textZh: result.value === null ? `${whoZh}${rangeText(spec.range)} 没有${label.zh}数据` : `${whoZh}${rangeText(spec.range)} ${label.zh}：${fmt(result.value)}${note.zh}`,
      textEn: result.value === null ? `No ${label.en}${whoEn} figures for ${rangeText(spec.range)}` : `${label.en}${whoEn}, ${rangeText(spec.range)}: ${fmt(result.value)}${note.en}`,
    };
  }
  const current = aggregate(records, spec.metric, spec.current, itemKey);
  const previous = aggregate(records, spec.metric, spec.previous, itemKey);
  const delta = current.value !== null && previous.value !== null ? current.value - previous.value : null;
  const ratio = delta !== null && previous.value ? delta / previous.value : null;
  const signed = (x: number): string => `${x >= 0 ? '+' : '-'}${fmt(Math.abs(x))}`;
  const pct = ratio !== null ? `（${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%）` : '';
  const pctEn = ratio !== null ? ` (${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%)` : '';
  return {
    kind: 'change',
    metric: spec.metric,
    current,
    previous,
    delta,
    ratio,
    textZh:
      delta === null
        ? `${whoZh}缺少${current.value === null ? rangeText(spec.current) : rangeText(spec.previous)}的${label.zh}数据，无法比较`
        : `${whoZh}${label.zh} ${rangeText(spec.current)} 为 ${fmt(current.value!)}，${rangeText(spec.previous)} 为 ${fmt(previous.value!)}，变化 ${signed(delta)}${pct}`,
    textEn:
      delta === null
        ? `No ${label.en}${whoEn} figures for ${current.value === null ? rangeText(spec.current) : rangeText(spec.previous)}, so no comparison`
        : `${label.en}${whoEn}: ${fmt(current.value!)} in ${rangeText(spec.current)} vs ${fmt(previous.value!)} in ${rangeText(spec.previous)}, ${signed(delta)}${pctEn}`,
  };
}
