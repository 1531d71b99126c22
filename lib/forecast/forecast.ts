import { dateOf, weekdayOfIndex } from '../rules/dates';
import { chooseMode, deseasonalize, reseasonalize, type SeasonMode, weekdayFactors } from './seasonal';
import { type DenseSeries, median, type SeriesPoint, toDense } from './series';
import { theilSen } from './trend';

export interface ForecastPoint {
  date: string;
  value: number;
  lower: number;
  upper: number;
}

export interface Forecast {
  method: 'robust-seasonal';
  mode: SeasonMode;
  /** Weekday factors, Monday first. */
  weekday: number[];
  level: number;
  slope: number;
  /** Robust spread of one-day residuals (deseasonalised units). */
  sigma: number;
  points: ForecastPoint[];
}

export interface ForecastOptions {
  /** Days to forecast after the last observed day. Default 14. */
  horizon?: number;
  /** Days the trend line is fitted on. Default 42 (six weeks; tuned on generated series, see tests/unit/forecast). */
  trendWindow?: number;
  /** Trend damping per day after `straightDays` (1 = straight line). Default 0.9: long trends fade rather than run away. */
  damping?: number;
  /** Days the trend runs undamped. Default 14. */
  straightDays?: number;
  /** Normal quantile of the band. Default 1.96 (95%). */
  z?: number;
  /** Clamp forecasts and bands, e.g. {min: 0, max: 1} for a rate. Default min 0 when history is non-negative. */
  bounds?: { min?: number; max?: number };
}

/**
 * How far the trend has travelled after h days: straight for the first `straight` days (the
 * horizon the backtest vouches for), then damped by φ per day (Σ φ^i), so long forecasts level off.
 */
function trendSteps(phi: number, h: number, straight: number): number {
  if (h <= straight || phi >= 1) return h;
  const k = h - straight;
  return straight + (phi * (1 - phi ** k)) / (1 - phi);
}

/**
 * Forecast with weekly seasonality: weekday factors from medians (seasonal.ts), a Theil–Sen
 * trend on the deseasonalised recent weeks (trend.ts), damped beyond two weeks, and a band from
 * the robust spread of the fit's residuals that widens with the horizon. Robust by design:
 * an outlier day moves a median by one rank, not the forecast by its size.
 * Returns null for an empty series.
 */
export function forecastDense(s: DenseSeries, opts: ForecastOptions = {}): Forecast | null {
  const horizon = opts.horizon ?? 14;
  const window = opts.trendWindow ?? 42;
  const phi = opts.damping ?? 0.9;
  const straight = opts.straightDays ?? 14;
  const z = opts.z ?? 1.96;
  const xs: number[] = [];
  const raw: number[] = [];
  let nonNegative = true;
  s.values.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    xs.push(i);
    raw.push(v);
    if (v < 0) nonNegative = false;
  });
  if (xs.length === 0) return null;
  const mode = chooseMode(s);
  const weekday = xs.length >= 14 ? weekdayFactors(s, mode) : mode === 'multiplicative' ? Array<number>(7).fill(1) : Array<number>(7).fill(0);
  const factorAt = (i: number): number => weekday[weekdayOfIndex(s.start + i)]!;
  const ds = xs.map((x, k) => deseasonalize(raw[k]!, factorAt(x), mode));
  const { level, slope } = xs.length >= 7 ? theilSen(xs, ds, window) : { level: median(ds), slope: 0 };
  const last = xs[xs.length - 1]!;
  const from = Math.max(0, xs.length - window);
  const resid: number[] = [];
  for (let k = from; k < xs.length; k++) resid.push(Math.abs(ds[k]! - (level + slope * (xs[k]! - last))));
  // 1.4826 × median |residual| estimates a normal σ and ignores the outliers.
  let sigma = 1.4826 * median(resid);
  if (!Number.isFinite(sigma)) sigma = 0;
  const min = opts.bounds?.min ?? (nonNegative ? 0 : -Infinity);
  const max = opts.bounds?.max ?? Infinity;
  const clamp = (x: number): number => Math.min(max, Math.max(min, x));
  const points: ForecastPoint[] = [];
  for (let h = 1; h <= horizon; h++) {
    const i = last + h;
    const f = factorAt(i);
    const lv = level + slope * trendSteps(phi, h, straight);
    // Spread grows with the horizon: level error plus the trend's own uncertainty.
    const spread = z * sigma * Math.sqrt(1 + h / 7);
    const scale = mode === 'multiplicative' ? f : 1;
    points.push({
      date: dateOf(s.start + i),
      value: clamp(reseasonalize(lv, f, mode)),
      lower: clamp(reseasonalize(lv, f, mode) - spread * scale),
      upper: clamp(reseasonalize(lv, f, mode) + spread * scale),
    });
  }
  return { method: 'robust-seasonal', mode, weekday, level, slope, sigma, points };
}

export function forecastSeries(points: readonly SeriesPoint[], opts: ForecastOptions = {}): Forecast | null {
  return forecastDense(toDense(points), opts);
}
