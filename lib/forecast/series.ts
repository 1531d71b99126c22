import { dateOf, dayIndex } from '../rules/dates';

export interface SeriesPoint {
  date: string;
  value: number;
}

/** A daily series on consecutive days; NaN marks a day with no figure (a gap, never a 0). */
export interface DenseSeries {
  /** Day index of values[0]. */
  start: number;
  values: Float64Array;
}

/** Lays points on consecutive days; a later duplicate of a date wins. */
export function toDense(points: readonly SeriesPoint[]): DenseSeries {
  if (points.length === 0) return { start: 0, values: new Float64Array(0) };
  let lo = Infinity;
  let hi = -Infinity;
  const idx = points.map((p) => {
    const d = dayIndex(p.date);
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
    return d;
  });
  const values = new Float64Array(hi - lo + 1).fill(Number.NaN);
  points.forEach((p, i) => {
    if (Number.isFinite(p.value)) values[idx[i]! - lo] = p.value;
  });
  return { start: lo, values };
}

export function fromDense(s: DenseSeries): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  s.values.forEach((v, i) => {
    if (!Number.isNaN(v)) out.push({ date: dateOf(s.start + i), value: v });
  });
  return out;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median absolute deviation around the median (unscaled). */
export function mad(xs: readonly number[]): number {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}
