import { type DenseSeries } from './series';
import { forecastDense, type ForecastOptions } from './forecast';

export interface ErrorFigures {
  /** Mean absolute percentage error over actuals ≠ 0. */
  mape: number;
  /** Symmetric MAPE (0..2), defined when actual or forecast is non-zero. */
  smape: number;
  n: number;
}

export interface BacktestResult {
  ours: ErrorFigures;
  seasonalNaive: ErrorFigures;
  /** Share of actuals inside our band. */
  coverage: number;
  origins: number;
}

/** The baseline every forecast must beat: "same weekday last week" (the last observed one). */
export function seasonalNaive(values: Float64Array, origin: number, h: number): number {
  for (let k = origin + h - 7 * Math.ceil(h / 7); k >= 0; k -= 7) {
    const v = values[k]!;
    if (!Number.isNaN(v)) return v;
  }
  return Number.NaN;
}

class Acc {
  ape = 0;
  nApe = 0;
  sape = 0;
  nS = 0;
  add(actual: number, f: number): void {
    if (actual !== 0) {
      this.ape += Math.abs((actual - f) / actual);
      this.nApe++;
    }
    const d = Math.abs(actual) + Math.abs(f);
    if (d > 0) {
      this.sape += (2 * Math.abs(actual - f)) / d;
      this.nS++;
    }
  }
  result(): ErrorFigures {
    return { mape: this.nApe ? this.ape / this.nApe : Number.NaN, smape: this.nS ? this.sape / this.nS : Number.NaN, n: this.nS };
  }
}

/**
 * Rolling-origin backtest: from each origin (every `step` days after `minTrain`), forecast the
 * next `horizon` days from the past only and score against what happened, for our method and
 * the seasonal-naive baseline on exactly the same days.
 */
export function backtest(s: DenseSeries, opts: ForecastOptions & { minTrain?: number; step?: number } = {}): BacktestResult {
  const horizon = opts.horizon ?? 14;
  const minTrain = opts.minTrain ?? 56;
  const step = opts.step ?? 7;
  const ours = new Acc();
  const naive = new Acc();
  let inBand = 0;
  let total = 0;
  let origins = 0;
  for (let origin = minTrain - 1; origin + horizon < s.values.length; origin += step) {
    const train: DenseSeries = { start: s.start, values: s.values.subarray(0, origin + 1) };
    const f = forecastDense(train, { ...opts, horizon });
    if (!f) continue;
    origins++;
    for (let h = 1; h <= horizon; h++) {
      const actual = s.values[origin + h]!;
      const base = seasonalNaive(s.values, origin, h);
      if (Number.isNaN(actual) || Number.isNaN(base)) continue;
      const p = f.points[h - 1]!;
      ours.add(actual, p.value);
      naive.add(actual, base);
      total++;
      if (actual >= p.lower && actual <= p.upper) inBand++;
    }
  }
  return { ours: ours.result(), seasonalNaive: naive.result(), coverage: total ? inBand / total : Number.NaN, origins };
}
