import { prng } from '../../../lib/forecast/prng';
import type { DenseSeries } from '../../../lib/forecast/series';
import { dayIndex } from '../../../lib/rules/dates';

export interface GeneratedSeries {
  series: DenseSeries;
  /** The noise-free value each day (for anomaly and band checks). */
  truth: Float64Array;
  /** Days where an outlier was planted. */
  outliers: number[];
}

/**
 * A shop-like daily series: weekly pattern, a trend that changes slope 1–3 times, multiplicative
 * noise, ~2% outlier days (spikes and collapses) and ~3% missing days. Seeded: same seed, same data.
 */
export function generateSeries(seed: number, days = 280, start = '2026-01-05'): GeneratedSeries {
  const r = prng(seed);
  const level0 = Math.exp(Math.log(50) + r.next() * Math.log(100)); // 50 … 5,000
  const amp = r.next() * 0.4;
  const raw = Array.from({ length: 7 }, () => Math.max(0.3, 1 + amp * r.normal()));
  const mean = raw.reduce((a, b) => a + b, 0) / 7;
  const weekly = raw.map((f) => f / mean);
  const changes = 1 + r.int(3);
  const cuts = Array.from({ length: changes }, () => 30 + r.int(days - 60)).sort((a, b) => a - b);
  const slopes = Array.from({ length: changes + 1 }, () => (r.next() - 0.5) * 0.008);
  const noise = 0.05 + r.next() * 0.1;
  const s0 = dayIndex(start);
  const values = new Float64Array(days);
  const truth = new Float64Array(days);
  const outliers: number[] = [];
  let logLevel = Math.log(level0);
  let seg = 0;
  for (let t = 0; t < days; t++) {
    while (seg < cuts.length && t >= cuts[seg]!) seg++;
    logLevel += slopes[seg]!;
    const wd = (((s0 + t + 3) % 7) + 7) % 7;
    truth[t] = Math.exp(logLevel) * weekly[wd]!;
    let y = truth[t]! * Math.exp(noise * r.normal() - (noise * noise) / 2);
    const u = r.next();
    if (u < 0.01) {
      y *= 2 + 2 * r.next();
      outliers.push(t);
    } else if (u < 0.02) {
      y *= 0.2 + 0.3 * r.next();
      outliers.push(t);
    }
    values[t] = r.next() < 0.03 && !outliers.includes(t) ? Number.NaN : y;
  }
  return { series: { start: s0, values }, truth, outliers };
}
