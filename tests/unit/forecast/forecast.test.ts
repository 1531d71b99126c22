import { describe, expect, it } from 'vitest';
import { forecastDense, forecastSeries } from '../../../lib/forecast/forecast';
import type { DenseSeries } from '../../../lib/forecast/series';
import { dayIndex, weekdayOfIndex } from '../../../lib/rules/dates';

const START = '2026-03-02'; // a Monday
const s0 = dayIndex(START);

function dense(f: (t: number) => number, days: number): DenseSeries {
  return { start: s0, values: Float64Array.from({ length: days }, (_, t) => f(t)) };
}

function expectForecast(s: DenseSeries, truth: (t: number) => number, tol: number, opts = {}): void {
  const f = forecastDense(s, { horizon: 14, ...opts })!;
  f.points.forEach((p, h) => {
    const want = truth(s.values.length + h);
    expect(Math.abs(p.value - want) / Math.abs(want), `h=${h + 1}`).toBeLessThanOrEqual(tol);
  });
}

const WEEK = [1.3, 1.1, 1.0, 0.9, 0.8, 0.7, 1.2];

describe('forecast on series with known behaviour', () => {
  it('constant → exact, with a zero-width band', () => {
    const f = forecastDense(dense(() => 250, 60))!;
    for (const p of f.points) expect([p.value, p.lower, p.upper]).toEqual([250, 250, 250]);
  });

  it('linear trend → exact over two weeks, then damped', () => {
    const line = (t: number): number => 100 + 2 * t;
    expectForecast(dense(line, 70), line, 1e-9);
    const f = forecastDense(dense(line, 70), { horizon: 28 })!;
    expect(f.points[27]!.value).toBeLessThan(line(70 + 27));
    expect(f.points[27]!.value).toBeGreaterThan(f.points[13]!.value);
  });

  it('pure weekly pattern (multiplicative) → exact', () => {
    const week = (t: number): number => 1000 * WEEK[weekdayOfIndex(s0 + t)]!;
    expectForecast(dense(week, 63), week, 1e-9);
    const f = forecastDense(dense(week, 63))!;
    expect(f.mode).toBe('multiplicative');
  });

  it('weekly pattern around zero (additive) → exact', () => {
    const week = (t: number): number => [-30, 10, 5, 0, 20, -10, 5][weekdayOfIndex(s0 + t)]! - 2;
    const f = forecastDense(dense(week, 63))!;
    expect(f.mode).toBe('additive');
    f.points.forEach((p, h) => expect(p.value).toBeCloseTo(week(63 + h), 9));
  });

  it('weekly pattern with a trend → near-exact (≤ 1.5%)', () => {
    const fn = (t: number): number => (500 + 3 * t) * WEEK[weekdayOfIndex(s0 + t)]!;
    expectForecast(dense(fn, 84), fn, 0.015);
  });

  it('ignores gaps and a wild outlier', () => {
    const week = (t: number): number => 1000 * WEEK[weekdayOfIndex(s0 + t)]!;
    const s = dense(week, 63);
    s.values[60] = 9000; // 双11-style spike in the last week
    s.values[55] = Number.NaN;
    s.values[40] = 10;
    expectForecast(s, week, 0.01);
  });

  it('reads points with dates, clamps to bounds, and returns null for nothing', () => {
    const f = forecastSeries(
      [
        { date: '2026-03-01', value: 0.9 },
        { date: '2026-03-02', value: 0.95 },
        { date: '2026-03-03', value: 0.99 },
      ],
      { horizon: 3, bounds: { min: 0, max: 1 } },
    )!;
    expect(f.points.map((p) => p.date)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
    for (const p of f.points) expect(p.upper).toBeLessThanOrEqual(1);
    expect(forecastSeries([])).toBeNull();
  });
});
