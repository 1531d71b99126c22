import type { MetricRecord } from '../metrics/record';
import type { RiskSeries } from './risk';

/**
 * Daily series per (metric, item) from stored records, ready for riskCards/forecastSeries.
 * Last capture wins for a day stored twice; points come out in date order with their
 * provisional flag, so a card can say its figures are not final.
 */
export function seriesFromRecords(records: readonly MetricRecord[], metrics: readonly string[], from: string, to: string): RiskSeries[] {
  const wanted = new Set(metrics);
  const byKey = new Map<string, Map<string, MetricRecord>>();
  for (const r of records) {
    if (r.period !== 'day' || !wanted.has(r.metric) || r.date < from || r.date > to) continue;
    const key = `${r.metric}|${r.itemKey}`;
    let days = byKey.get(key);
    if (!days) byKey.set(key, (days = new Map()));
    const prev = days.get(r.date);
    if (!prev || r.capturedAt >= prev.capturedAt) days.set(r.date, r);
  }
  return [...byKey.keys()].sort().map((key) => {
    const days = byKey.get(key)!;
    const [metric, itemKey] = [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)];
    const points = [...days.values()]
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .map((r) => ({ date: r.date, value: r.value, provisional: r.provisional }));
    return { metric, itemId: itemKey === '' ? null : itemKey, points };
  });
}
