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
