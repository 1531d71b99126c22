import type { Comparator, RuleWindow } from './model';
import type { DailySeries } from './series-index';

/** What a window judged, whether or not it fired: the evidence of a firing. */
export interface WindowResult {
  fired: boolean;
  /** The number compared: the last value, the window mean, or the last value for dropVsAvg. */
  observed: number;
  /** The line it was compared with (threshold, or baseline × (1 ± fraction) for dropVsAvg). */
  line: number;
  /** Mean of the days before the last one (dropVsAvg only). */
  baseline: number | null;
  /** Slots (offsets into the series) the verdict rests on, oldest first. */
  firstSlot: number;
  lastSlot: number;
  /** Any judged day not final yet. */
  provisional: boolean;
  /** How far past the line, relative to it: orders firings in a storm summary. */
  severity: number;
}

export function compare(c: Comparator, a: number, b: number): boolean {
  switch (c) {
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
  }
}

function severityOf(observed: number, line: number): number {
  return Math.abs(observed - line) / Math.max(Math.abs(line), 1e-9);
}

/**
 * Judges one window that ends at `end` (a slot in the series).
 * Returns null when there are too few figures to judge: a gap is never read as a bad day.
 * `immatureFrom`: slots at or after it are not final yet, whatever the record said.
 */
export function judgeWindow(
  window: RuleWindow,
  comparator: Comparator,
  threshold: number | null,
  s: DailySeries,
  end: number,
  immatureFrom: number,
): WindowResult | null {
  const v = s.values;
  const p = s.provisional;
  if (window.kind === 'consecutiveDays') {
    const first = end - window.days + 1;
    if (first < 0 || end >= v.length || threshold === null) return null;
    let fired = true;
    let prov = false;
    for (let i = first; i <= end; i++) {
      const x = v[i]!;
      if (Number.isNaN(x)) return null;
      if (!compare(comparator, x, threshold)) fired = false;
      if (p[i] === 1 || i >= immatureFrom) prov = true;
    }
    const last = v[end]!;
    return { fired, observed: last, line: threshold, baseline: null, firstSlot: first, lastSlot: end, provisional: prov, severity: severityOf(last, threshold) };
  }
  if (window.kind === 'avg') {
    const first = end - window.days + 1;
    if (first < 0 || end >= v.length || threshold === null) return null;
    let sum = 0;
    let n = 0;
    let prov = false;
    for (let i = first; i <= end; i++) {
      const x = v[i]!;
      if (Number.isNaN(x)) continue;
      sum += x;
      n++;
      if (p[i] === 1 || i >= immatureFrom) prov = true;
    }
    // At least half the days must be known for a mean to speak for the window.
    if (n < Math.ceil(window.days / 2)) return null;
    const mean = sum / n;
    return { fired: compare(comparator, mean, threshold), observed: mean, line: threshold, baseline: null, firstSlot: first, lastSlot: end, provisional: prov, severity: severityOf(mean, threshold) };
  }
  // dropVsAvg: last day against the mean of the `days` days before it.
  const first = end - window.days;
  if (first < 0 || end >= v.length) return null;
  const last = v[end]!;
  if (Number.isNaN(last)) return null;
  let sum = 0;
  let n = 0;
  let prov = p[end] === 1 || end >= immatureFrom;
  for (let i = first; i < end; i++) {
    const x = v[i]!;
    if (Number.isNaN(x)) continue;
    sum += x;
    n++;
    if (p[i] === 1 || i >= immatureFrom) prov = true;
  }
  if (n < Math.ceil(window.days / 2)) return null;
  const baseline = sum / n;
  if (!(baseline > 0)) return null;
  const falling = comparator === 'lt' || comparator === 'lte';
  const line = falling ? baseline * (1 - window.fraction) : baseline * (1 + window.fraction);
  return {
    fired: compare(comparator, last, line),
    observed: last,
    line,
    baseline,
    firstSlot: first,
    lastSlot: end,
    provisional: prov,
    severity: Math.abs(last - baseline) / baseline,
  };
}
