import { isMature } from '../metrics/dictionary';
import type { MetricRecord } from '../metrics/record';

export interface DayValue {
  value: number;
  /** Not final yet: captured as provisional, or a refund figure younger than its maturity. */
  provisional: boolean;
}

/** The fields of a stored record the index reads. */
export type IndexedRecord = Pick<MetricRecord, 'metric' | 'itemKey' | 'date' | 'value' | 'provisional' | 'capturedAt' | 'period'>;

/** Shop-level figures use itemKey '' (as stored); item figures use the item ID. */
export const SHOP = '';

/**
 * Daily figures by metric, item and day, the last capture winning when a day was stored
 * twice. Reports read through this so every chart agrees on which figure a day has.
 */
export class DayIndex {
  private readonly byKey = new Map<string, Map<string, DayValue & { capturedAt: number }>>();
  private readonly itemSet = new Set<string>();

  constructor(records: readonly IndexedRecord[], today: string) {
    for (const r of records) {
      if (r.period !== 'day' || !Number.isFinite(r.value)) continue;
      const key = `${r.metric}|${r.itemKey}`;
      let days = this.byKey.get(key);
      if (!days) this.byKey.set(key, (days = new Map()));
      const prev = days.get(r.date);
      if (prev && prev.capturedAt > r.capturedAt) continue;
      days.set(r.date, { value: r.value, provisional: r.provisional || !isMature(r.metric, r.date, today), capturedAt: r.capturedAt });
      if (r.itemKey !== SHOP) this.itemSet.add(r.itemKey);
    }
  }

  get(metric: string, itemKey: string, day: string): DayValue | undefined {
    return this.byKey.get(`${metric}|${itemKey}`)?.get(day);
  }

  /** Values for each day (null where the day has no figure: a gap, never 0). */
  series(metric: string, itemKey: string, days: readonly string[]): (number | null)[] {
    const m = this.byKey.get(`${metric}|${itemKey}`);
    return days.map((d) => m?.get(d)?.value ?? null);
  }

  /** Item IDs with any daily figure, sorted. */
  items(): string[] {
    return [...this.itemSet].sort();
  }

  /** Days with any figure of `metric` for `itemKey`, sorted. */
  daysWith(metric: string, itemKey: string): string[] {
    return [...(this.byKey.get(`${metric}|${itemKey}`)?.keys() ?? [])].sort();
  }

  /** The last day that has any shop-level or item-level figure, or null when empty. */
  lastDay(): string | null {
    let last: string | null = null;
    for (const days of this.byKey.values()) for (const d of days.keys()) if (last === null || d > last) last = d;
    return last;
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }
}
