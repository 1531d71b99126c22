import { z } from 'zod';
import { isoDate } from '../domain/common';

export const PERIODS = ['day', 'week', 'month', 'realtime'] as const;
export const period = z.enum(PERIODS);
export type Period = z.infer<typeof period>;

/**
 * One figure read off a page, as the capture contract prints it
 * (../shared/docs/taobao-pages.md, "The capture command contract").
 * `value` is in canonical units: yuan, plain counts, rates as fractions, seconds.
 */
export const capturedMetricSchema = z.object({
  metric: z.string().min(1).max(40),
  value: z.number().finite(),
  date: isoDate,
  period,
  itemId: z.string().regex(/^\d{5,20}$/).nullable(),
  source: z.enum(['dom', 'response', 'import']),
});
export type CapturedMetric = z.infer<typeof capturedMetricSchema>;

/** A stored figure: keyed by shop, metric, item, period and date; last capture wins. */
export const metricRecordSchema = capturedMetricSchema.extend({
  shopId: z.string().min(1),
  /** '' for shop-level figures so the compound key stays indexable. */
  itemKey: z.string(),
  capturedAt: z.number().int().nonnegative(),
  /** The day is not final yet (refund metrics settle late): alerts over it are provisional. */
  provisional: z.boolean(),
});
export type MetricRecord = z.infer<typeof metricRecordSchema>;

/** One day's figure inside a month bucket (the bucket carries shop, metric, item and period). */
export const bucketDaySchema = z.object({
  value: z.number().finite(),
  capturedAt: z.number().int().nonnegative(),
  source: capturedMetricSchema.shape.source,
  provisional: z.boolean(),
});
export type BucketDay = z.infer<typeof bucketDaySchema>;

/**
 * What the store keeps (Dexie table `metricMonths`, keyed [shopId+metric+itemKey+period+month]):
 * ONE record per shop, metric, item, period and calendar month holding that month's days, keyed
 * by day of month ('01'..'31'). IndexedDB pays per record, not per byte: one record per figure
 * capped ingest at ~5–12k figures/s, a month per record reaches the 50k/s budget and reads a year
 * of one metric in 13 records. The rest of the code never sees buckets: lib/metrics/store.ts
 * expands them back into MetricRecord (one per figure).
 */
export const metricBucketSchema = z.object({
  shopId: z.string().min(1),
  metric: z.string().min(1).max(40),
  /** '' for shop-level figures so the compound key stays indexable. */
  itemKey: z.string(),
  itemId: capturedMetricSchema.shape.itemId,
  period,
  /** YYYY-MM: the month of every day in `days`. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  days: z.record(z.string().regex(/^(0[1-9]|[12]\d|3[01])$/), bucketDaySchema),
});
export type MetricBucket = z.infer<typeof metricBucketSchema>;
