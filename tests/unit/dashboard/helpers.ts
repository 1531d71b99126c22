import type { MetricRecord } from '@/lib/metrics/record';

/** A stored daily record with defaults (final, captured at 1). */
export function rec(metric: string, date: string, value: number, itemKey = '', extra: Partial<MetricRecord> = {}): MetricRecord {
  return {
    metric,
    value,
    date,
    period: 'day',
    itemId: itemKey === '' ? null : itemKey,
    source: 'dom',
    shopId: 's1',
    itemKey,
    capturedAt: 1,
    provisional: false,
    ...extra,
  };
}
