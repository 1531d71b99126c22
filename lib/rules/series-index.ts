import type { MetricRecord } from '../metrics/record';
import { dateOf, dayIndex } from './dates';
import { metricInfo } from './metrics';

/**
 * Daily figures laid out as dense arrays per (metric, item), built ONCE per evaluation,
 * so each rule reads a window by array offset instead of scanning records
 * (100 rules × 1,000 items must stay within the 200 ms budget).
 */
export interface DailySeries {
  /** NaN where no figure was captured (missing is never 0: taobao-pages.md). */
  values: Float64Array;
  /** 1 where the record said the day is not final yet. */
  provisional: Uint8Array;
}

export interface SeriesIndex {
  /** Day index (days since epoch) of slot 0. */
  start: number;
  length: number;
  /** metric → itemKey ('' = shop) → series */
  byMetric: Map<string, Map<string, DailySeries>>;
}

function emptySeries(length: number): DailySeries {
  return { values: new Float64Array(length).fill(Number.NaN), provisional: new Uint8Array(length) };
}

/**
 * @param metrics only these codes are kept (derived codes pull in their parts).
 * @param from,to inclusive `YYYY-MM-DD` range; records outside are skipped by a string compare.
 */
export function buildSeriesIndex(records: readonly MetricRecord[], metrics: Iterable<string>, from: string, to: string): SeriesIndex {
  const wanted = new Set<string>();
  for (const m of metrics) {
    const d = metricInfo(m)?.derived;
    if (d) {
      wanted.add(d.numerator);
      wanted.add(d.denominator);
    } else wanted.add(m);
  }
  const start = dayIndex(from);
  const length = Math.max(0, dayIndex(to) - start + 1);
  const byMetric = new Map<string, Map<string, DailySeries>>();
  const capturedAt = new Map<DailySeries, Float64Array>();
  // Records usually arrive grouped by metric and item: remember the last series to skip map lookups.
  let lastMetric = '';
  let lastItem = '\u0000';
  let last: DailySeries | undefined;
  let lastCaptured: Float64Array | undefined;
  const dayCache = new Map<string, number>();
  // Within one series days usually come in order: try "the slot after the last one" before the map.
  const slotDates = Array.from({ length }, (_, i) => dateOf(start + i));
  let lastSlot = -1;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.period !== 'day' || r.date < from || r.date > to || !wanted.has(r.metric)) continue;
    if (r.metric !== lastMetric || r.itemKey !== lastItem || !last) {
      let items = byMetric.get(r.metric);
      if (!items) byMetric.set(r.metric, (items = new Map()));
      last = items.get(r.itemKey);
      if (!last) {
        last = emptySeries(length);
        items.set(r.itemKey, last);
        capturedAt.set(last, new Float64Array(length));
      }
      lastCaptured = capturedAt.get(last);
      lastMetric = r.metric;
      lastItem = r.itemKey;
    }
    let day = lastSlot + 1;
    if (slotDates[day] !== r.date) {
      const cached = dayCache.get(r.date);
      if (cached === undefined) dayCache.set(r.date, (day = dayIndex(r.date) - start));
      else day = cached;
    }
    lastSlot = day;
    // Last capture wins when the same day was stored twice.
    if (Number.isNaN(last.values[day]!) || r.capturedAt >= lastCaptured![day]!) {
      last.values[day] = r.value;
      last.provisional[day] = r.provisional ? 1 : 0;
      lastCaptured![day] = r.capturedAt;
    }
  }
  const index: SeriesIndex = { start, length, byMetric };
  for (const m of wanted) if (!byMetric.has(m)) byMetric.set(m, new Map());
  for (const m of metrics) if (metricInfo(m)?.derived) deriveMetric(index, m);
  return index;
}

/** Per-day ratio of two stored metrics (e.g. 加购率 = cartByrCnt / uv); a day with uv 0 has no rate. */
function deriveMetric(index: SeriesIndex, code: string): void {
  const d = metricInfo(code)!.derived!;
  const nums = index.byMetric.get(d.numerator)!;
  const dens = index.byMetric.get(d.denominator)!;
  const out = new Map<string, DailySeries>();
  for (const [itemKey, num] of nums) {
    const den = dens.get(itemKey);
    if (!den) continue;
    const s = emptySeries(index.length);
    for (let i = 0; i < index.length; i++) {
      const dv = den.values[i]!;
      if (dv > 0) s.values[i] = num.values[i]! / dv;
      s.provisional[i] = num.provisional[i]! | den.provisional[i]!;
    }
    out.set(itemKey, s);
  }
  index.byMetric.set(code, out);
}

export function getSeries(index: SeriesIndex, metric: string, itemKey: string): DailySeries | undefined {
  return index.byMetric.get(metric)?.get(itemKey);
}

/** Item keys with figures for a metric, sorted so every browser walks them in the same order. */
export function itemKeysOf(index: SeriesIndex, metric: string): string[] {
  const items = index.byMetric.get(metric);
  if (!items) return [];
  return [...items.keys()].filter((k) => k !== '').sort();
}
