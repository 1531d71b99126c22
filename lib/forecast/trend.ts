import { median } from './series';

export interface RobustTrend {
  /** Deseasonalised level at the last index. */
  level: number;
  /** Change per day. */
  slope: number;
}

/**
 * Theil–Sen line over the last `window` points: the median of pairwise slopes, which a few
 * outliers cannot tilt (ordinary least squares would follow a 双11 spike). The level is the
 * median of the points moved along that slope to the last day, so it does not lag a trend.
 * `xs` are day offsets (gaps allowed), `ys` the deseasonalised values.
 */
export function theilSen(xs: readonly number[], ys: readonly number[], window: number): RobustTrend {
  const n = xs.length;
  if (n === 0) return { level: Number.NaN, slope: 0 };
  const from = Math.max(0, n - window);
  const last = xs[n - 1]!;
  const slopes: number[] = [];
  for (let i = from; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = xs[j]! - xs[i]!;
      if (dx > 0) slopes.push((ys[j]! - ys[i]!) / dx);
    }
  }
  const slope = slopes.length > 0 ? median(slopes) : 0;
  // Level from the most recent week: recent enough to follow a level shift.
  const levelFrom = Math.max(from, n - 7);
  const anchored: number[] = [];
  for (let i = levelFrom; i < n; i++) anchored.push(ys[i]! - slope * (xs[i]! - last));
  return { level: median(anchored), slope };
}
