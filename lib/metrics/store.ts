/**
 * The metric store (Dexie table `metrics`, keyed [shopId+metric+itemKey+period+date]): every
 * figure captured from a page or imported from a file. Lives in the background, the only
 * IndexedDB writer. Writes validate every figure with zod first and go in one transaction, so
 * a refused batch stores nothing; within a key the last write wins (capturedAt and source are
 * kept on the record, so the dashboard can say where a number came from and when).
 */
import Dexie from 'dexie';
import type { ZhangguiDb } from '../db/schema';
import { isMature, isPlausible, metricByCode, METRICS } from './dictionary';
import { capturedMetricSchema, type CapturedMetric, type MetricRecord, type Period } from './record';

/** '' stands for the shop itself, so the compound key stays indexable (IndexedDB keys cannot be null). */
export const SHOP_SCOPE = '';
export const itemKeyOf = (itemId: string | null): string => itemId ?? SHOP_SCOPE;

export interface IngestInput {
  shopId: string;
  figures: readonly unknown[];
  capturedAt: number;
  /** Today in the shop's time zone (YYYY-MM-DD): decides which figures are still provisional. */
  today: string;
}

export interface IngestResult {
  stored: number;
  /** Figures refused by validation, with the reason (nothing of a refused figure is stored). */
  rejected: Array<{ index: number; reason: string }>;
  records: MetricRecord[];
}

/** Builds stored records from raw figures; invalid ones are reported, never guessed at. */
export function toRecords(input: IngestInput): IngestResult {
  const records = new Map<string, MetricRecord>();
  const rejected: IngestResult['rejected'] = [];
  input.figures.forEach((raw, index) => {
    const parsed = capturedMetricSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      rejected.push({ index, reason: issue ? `${issue.path.join('.') || 'figure'}: ${issue.message}` : 'invalid figure' });
      return;
    }
    const f = parsed.data;
    const def = metricByCode(f.metric);
    if (!def) return void rejected.push({ index, reason: `metric: 未知指标 / unknown metric ${f.metric}` });
    if (!isPlausible(def, f.value)) return void rejected.push({ index, reason: `value: ${f.value} 不是${def.labels[0]}的合理数值 / not a plausible ${def.en}` });
    const rec: MetricRecord = {
      ...f,
      shopId: input.shopId,
      itemKey: itemKeyOf(f.itemId),
      capturedAt: input.capturedAt,
      provisional: !isMature(f.metric, f.date, input.today),
    };
    // Within one batch the later figure wins too.
    records.set(`${rec.metric}|${rec.itemKey}|${rec.period}|${rec.date}`, rec);
  });
  return { stored: records.size, rejected, records: [...records.values()] };
}

/** Writes records in one transaction (bulkPut: last write wins per key). */
export async function putRecords(db: ZhangguiDb, records: readonly MetricRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db.transaction('rw', db.metrics, async () => {
    await db.metrics.bulkPut(records as MetricRecord[]);
  });
}

/** Validates and stores a batch of figures for one shop. */
export async function ingestFigures(db: ZhangguiDb, input: IngestInput): Promise<IngestResult> {
  const result = toRecords(input);
  await putRecords(db, result.records);
  return result;
}

export interface SeriesQuery {
  shopId: string;
  metric: string;
  itemId: string | null;
  period?: Period;
  from: string;
  to: string;
}

/** One metric of the shop or an item over a date range (inclusive), oldest first. */
export async function series(db: ZhangguiDb, q: SeriesQuery): Promise<MetricRecord[]> {
  const period = q.period ?? 'day';
  const key = itemKeyOf(q.itemId);
  return db.metrics
    .where('[shopId+metric+itemKey+period+date]')
    .between([q.shopId, q.metric, key, period, q.from], [q.shopId, q.metric, key, period, q.to], true, true)
    .toArray();
}

/** Every metric of the shop or an item over a date range, any period (index [shopId+itemKey+date]). */
export async function scopeRange(db: ZhangguiDb, shopId: string, itemId: string | null, from: string, to: string): Promise<MetricRecord[]> {
  return db.metrics.where('[shopId+itemKey+date]').between([shopId, itemKeyOf(itemId), from], [shopId, itemKeyOf(itemId), to], true, true).toArray();
}

/**
 * Several metrics of the shop or an item over a date range, one period: one primary-key range per
 * metric, in parallel in one read transaction (cheaper than the [shopId+itemKey+date] index, which
 * reads every period and looks each row up again). Records grouped by metric, oldest first.
 */
export async function seriesMany(db: ZhangguiDb, q: Omit<SeriesQuery, 'metric'> & { metrics: readonly string[] }): Promise<MetricRecord[]> {
  return db.transaction('r', db.metrics, async () => {
    const parts = await Promise.all(q.metrics.map((metric) => series(db, { ...q, metric })));
    return parts.flat();
  });
}

/** The newest figure of one metric for the shop or an item in one period, or null. */
export async function latestOf(db: ZhangguiDb, shopId: string, metric: string, itemId: string | null, period: Period = 'day'): Promise<MetricRecord | null> {
  const key = itemKeyOf(itemId);
  const rec = await db.metrics
    .where('[shopId+metric+itemKey+period+date]')
    .between([shopId, metric, key, period, Dexie.minKey], [shopId, metric, key, period, Dexie.maxKey])
    .last();
  return rec ?? null;
}

/** The newest figure of every dictionary metric for the shop or an item (metrics never seen are absent). */
export async function latestPerMetric(db: ZhangguiDb, shopId: string, itemId: string | null, period: Period = 'day'): Promise<Record<string, MetricRecord>> {
  const out: Record<string, MetricRecord> = {};
  await db.transaction('r', db.metrics, async () => {
    const found = await Promise.all(METRICS.map((m) => latestOf(db, shopId, m.code, itemId, period)));
    for (const r of found) if (r) out[r.metric] = r;
  });
  return out;
}

/** The day `n` days before an ISO date. */
export function addDays(iso: string, n: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export interface Average {
  value: number;
  /** How many of the 7 days had a figure (an average over 2 days says less than over 7). */
  days: number;
}

/**
 * The average daily figure over the 7 days before `date` (not including it): the baseline a
 * KPI badge compares today's or yesterday's figure with. Null when no day has a figure.
 */
export async function sevenDayAverage(db: ZhangguiDb, shopId: string, metric: string, itemId: string | null, date: string): Promise<Average | null> {
  const rows = await series(db, { shopId, metric, itemId, period: 'day', from: addDays(date, -7), to: addDays(date, -1) });
  if (rows.length === 0) return null;
  return { value: rows.reduce((s, r) => s + r.value, 0) / rows.length, days: rows.length };
}
