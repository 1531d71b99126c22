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

/** Days per month bucket: index 0 is the 1st, 30 the 31st (unused days stay null). */
export const BUCKET_DAYS = 31;
const dayColumn = <T extends z.ZodType>(cell: T) => z.array(cell.nullable()).length(BUCKET_DAYS);

/**
 * What the store keeps (Dexie table `metricMonths`, keyed [shopId+metric+itemKey+period+month]):
 * ONE record per shop, metric, item, period and calendar month holding that month's days, as four
 * day columns (value, capturedAt, source, provisional; null where the day has no figure).
 * IndexedDB pays per record and per serialized property: one record per figure capped ingest at
 * ~5–12k figures/s; a month per record, in columns, reaches the 50k/s budget and reads a year of
 * one metric in 13 records. The rest of the code never sees buckets: lib/metrics/store.ts expands
 * them back into MetricRecord (one per figure).
 */
export const metricBucketSchema = z
  .object({
    shopId: z.string().min(1),
    metric: z.string().min(1).max(40),
    /** '' for shop-level figures so the compound key stays indexable. */
    itemKey: z.string(),
    itemId: capturedMetricSchema.shape.itemId,
    period,
    /** YYYY-MM: the month of every day in the columns. */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    value: dayColumn(z.number().finite()),
    capturedAt: dayColumn(z.number().int().nonnegative()),
    source: dayColumn(capturedMetricSchema.shape.source),
    provisional: dayColumn(z.boolean()),
  })
  .refine((b) => b.value.every((v, i) => (v === null) === (b.capturedAt[i] === null) && (v === null) === (b.source[i] === null) && (v === null) === (b.provisional[i] === null)), {
    message: '每天的数值、时间、来源和暂定标记应同时存在 / a day has all four columns or none',
  });
export type MetricBucket = z.infer<typeof metricBucketSchema>;
