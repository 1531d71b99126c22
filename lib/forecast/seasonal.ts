import { weekdayOfIndex } from '../rules/dates';
import { type DenseSeries, median } from './series';

export type SeasonMode = 'multiplicative' | 'additive';

/** How many recent weeks the weekday factors are read from: long enough to shrug off a holiday, short enough to follow a shift. */
const SEASON_WEEKS = 12;

/**
 * Weekday factors (index 0 = Monday) from medians of "value against its centred 7-day mean":
 * the centred mean removes the weekly pattern and keeps a linear trend; the median per weekday
 * ignores the odd outlier day. Multiplicative (factors average 1) for positive series, additive
 * (factors average 0) otherwise. Weekdays with no evidence get a neutral factor.
 */
export function weekdayFactors(s: DenseSeries, mode: SeasonMode): number[] {
  const v = s.values;
  const byDay: number[][] = [[], [], [], [], [], [], []];
  const from = Math.max(3, v.length - 3 - SEASON_WEEKS * 7);
  for (let t = from; t < v.length - 3; t++) {
    const y = v[t]!;
    if (Number.isNaN(y)) continue;
    let sum = 0;
    let ok = true;
    for (let k = t - 3; k <= t + 3; k++) {
      const x = v[k]!;
      if (Number.isNaN(x)) {
        ok = false;
        break;
      }
      sum += x;
    }
    if (!ok) continue;
    const ma = sum / 7;
    if (mode === 'multiplicative') {
      if (ma > 0) byDay[weekdayOfIndex(s.start + t)]!.push(y / ma);
    } else byDay[weekdayOfIndex(s.start + t)]!.push(y - ma);
  }
  const neutral = mode === 'multiplicative' ? 1 : 0;
  const raw = byDay.map((xs) => (xs.length > 0 ? median(xs) : neutral));
  if (mode === 'multiplicative') {
    const mean = raw.reduce((a, b) => a + b, 0) / 7;
    return mean > 0 ? raw.map((f) => f / mean) : raw.map(() => 1);
  }
  const mean = raw.reduce((a, b) => a + b, 0) / 7;
  return raw.map((f) => f - mean);
}

/** Multiplicative only when every figure is positive (a factor of a zero says nothing). */
export function chooseMode(s: DenseSeries): SeasonMode {
  let n = 0;
  for (const x of s.values) {
    if (Number.isNaN(x)) continue;
    if (x <= 0) return 'additive';
    n++;
  }
  return n >= 14 ? 'multiplicative' : 'additive';
}

export function deseasonalize(y: number, factor: number, mode: SeasonMode): number {
  return mode === 'multiplicative' ? y / factor : y - factor;
}

export function reseasonalize(level: number, factor: number, mode: SeasonMode): number {
  return mode === 'multiplicative' ? level * factor : level + factor;
}
