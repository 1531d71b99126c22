import type { MetricRecord } from '../metrics/record';
import { dateOf, dayIndex } from './dates';
import { judgeMetric, lookbackDays } from './metric-rule';
import type { MetricTarget, Rule } from './model';
import { buildSeriesIndex, itemKeysOf } from './series-index';

export interface PreviewHit {
  /** The judged day (the window's last day). */
  date: string;
  itemId: string | null;
  observed: number;
  line: number;
  provisional: boolean;
}

export interface RulePreview {
  /** Only metric rules can be replayed over stored figures. */
  supported: boolean;
  hits: PreviewHit[];
  /** Distinct days with at least one hit. */
  days: string[];
  /** Distinct items that were hit (null = the shop). */
  items: Array<string | null>;
}

/**
 * Replays a metric rule over stored history: on which days, for which items, it would have
 * fired. Lets a person tune a threshold before saving ("would this have paged us 40 times?").
 * `today` decides which days count as not final yet; defaults to the day after `to`.
 */
export function previewRule(
  rule: Rule,
  records: readonly MetricRecord[],
  targets: readonly MetricTarget[],
  from: string,
  to: string,
  today?: string,
): RulePreview {
  const c = rule.condition;
  if (c.kind !== 'metric') return { supported: false, hits: [], days: [], items: [] };
  const first = dayIndex(from);
  const last = dayIndex(to);
  const todayIdx = today ? dayIndex(today) : last + 1;
  const index = buildSeriesIndex(records, [c.metric], dateOf(first - lookbackDays(c)), to);
  const keys = c.scope.kind === 'shop' ? [''] : c.scope.kind === 'item' ? [c.scope.itemId] : itemKeysOf(index, c.metric);
  const hits: PreviewHit[] = [];
  for (let d = first; d <= last; d++) {
    const date = dateOf(d);
    for (const key of keys) {
      const j = judgeMetric(c, index, key, d, todayIdx, targets, date);
      if (j.status !== 'fired') continue;
      hits.push({ date, itemId: key === '' ? null : key, observed: j.result.observed, line: j.result.line, provisional: j.result.provisional });
    }
  }
  return {
    supported: true,
    hits,
    days: [...new Set(hits.map((h) => h.date))],
    items: [...new Set(hits.map((h) => h.itemId))],
  };
}
