import { dayIndex } from './dates';
import { metricInfo } from './metrics';
import type { MetricCondition, MetricTarget } from './model';
import { getSeries, type SeriesIndex } from './series-index';
import { judgeWindow, type WindowResult } from './window';

export type MetricJudgement =
  | { status: 'fired' | 'quiet'; result: WindowResult; threshold: number | null; target: number | null }
  | { status: 'noData' | 'noTarget' | 'waiting' };

/** Slots a window needs before its last day (for sizing the index). */
export function lookbackDays(c: MetricCondition): number {
  return c.window.kind === 'dropVsAvg' ? c.window.days + 1 : c.window.days;
}

export function maturityOf(metric: string): number {
  return metricInfo(metric)?.maturityDays ?? 1;
}

/**
 * The day a rule judges on `today`: yesterday (today's figures are not complete), or under
 * the 'wait' policy the last day that has settled, so a refund rule judges mature data.
 */
export function judgedDay(c: MetricCondition, todayIdx: number): number {
  return c.maturity === 'wait' ? todayIdx - Math.max(1, maturityOf(c.metric)) : todayIdx - 1;
}

/** The most specific target covering `date`: a dated one beats an open-ended one; later entries win ties. */
export function findTarget(targets: readonly MetricTarget[], metric: string, itemId: string | null, date: string): number | null {
  let best: MetricTarget | null = null;
  let bestScore = -1;
  for (const t of targets) {
    if (t.metric !== metric || t.itemId !== itemId) continue;
    if ((t.from !== null && date < t.from) || (t.to !== null && date > t.to)) continue;
    const score = (t.from !== null ? 1 : 0) + (t.to !== null ? 1 : 0);
    if (score >= bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best ? best.value : null;
}

/**
 * Judges a metric condition for one scope with its window ending on day `endDay`.
 * `todayIdx` decides which days are not final yet (maturity counts from the real today).
 */
export function judgeMetric(
  c: MetricCondition,
  index: SeriesIndex,
  itemKey: string,
  endDay: number,
  todayIdx: number,
  targets: readonly MetricTarget[],
  endDate: string,
): MetricJudgement {
  const s = getSeries(index, c.metric, itemKey);
  if (!s) return { status: 'noData' };
  let threshold: number | null = null;
  let target: number | null = null;
  if (c.threshold?.kind === 'value') threshold = c.threshold.value;
  else if (c.threshold?.kind === 'targetFraction') {
    target = findTarget(targets, c.metric, itemKey === '' ? null : itemKey, endDate);
    if (target === null) return { status: 'noTarget' };
    threshold = target * c.threshold.fraction;
  }
  const immatureFrom = todayIdx - maturityOf(c.metric) + 1 - index.start;
  const result = judgeWindow(c.window, c.comparator, threshold, s, endDay - index.start, immatureFrom);
  if (!result) return { status: 'noData' };
  if (c.maturity === 'wait' && result.provisional) return { status: 'waiting' };
  return { status: result.fired ? 'fired' : 'quiet', result, threshold, target };
}

