/**
 * The metric store: every figure captured from a page or imported from a file. Lives in the
 * background, the only IndexedDB writer. Writes validate every figure with zod first and go in
 * one transaction, so a refused batch stores nothing; per day the last capture wins (capturedAt
 * and source are kept, so the dashboard can say where a number came from and when).
 *
 * Layout: Dexie table `metricMonths` holds ONE record per shop/metric/item/period/month with that
 * month's days in columns (MetricBucket, lib/metrics/record.ts) — IndexedDB pays per record, so one record
 * per figure capped ingest at ~5–12k figures/s. Nothing outside this module touches the table:
 * every query here answers in MetricRecord (one per figure), in the order the old per-figure
 * indexes gave, so callers never see buckets. Team sync alone carries buckets (one server row per
 * day, lib/sync/area/metrics.ts): it reads and writes their days with the bucket helpers below.
 */
import Dexie, { type Table } from 'dexie';
import type { ZhangguiDb } from '../db/schema';
import { isMature, isPlausible, metricByCode, METRICS } from './dictionary';
import { BUCKET_DAYS, capturedMetricSchema, type CapturedMetric, type MetricBucket, type MetricRecord, type Period } from './record';

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

type BucketKey = [shopId: string, metric: string, itemKey: string, period: Period, month: string];

/** The table behind the store, for callers that put their own work in one transaction with ingest. */
export const metricStore = (db: ZhangguiDb): Table<MetricBucket, BucketKey> => db.metricMonths as unknown as Table<MetricBucket, BucketKey>;

/** The month of an ISO date: the bucket holding the date's figure. */
export const monthOf = (date: string): string => date.slice(0, 7);
/** The day's index in the bucket's columns (0 = the 1st). */
export const dayIndexOf = (date: string): number => Number(date.slice(8, 10)) - 1;
const DAY_LABELS = Array.from({ length: BUCKET_DAYS }, (_, i) => String(i + 1).padStart(2, '0'));
/** The date of day `i` of a bucket's month (the inverse of monthOf and dayIndexOf). */
const dateOf = (month: string, i: number): string => `${month}-${DAY_LABELS[i]}`;

/**
 * One day of a bucket: its entry in each of the four day columns (all null: no figure). The store
 * and team sync (lib/sync/area/metrics.ts) read, write and compare days through the helpers below.
 */
export interface BucketDay {
  value: number | null;
  capturedAt: number | null;
  source: MetricRecord['source'] | null;
  provisional: boolean | null;
}
const NO_DAY: BucketDay = { value: null, capturedAt: null, source: null, provisional: null };

/** Day `i` of a bucket as one figure, its date given (the day must hold a figure). */
function figureAt(b: MetricBucket, i: number, date: string): MetricRecord {
  return {
    metric: b.metric,
    value: b.value[i]!,
    date,
    period: b.period,
    itemId: b.itemId,
    source: b.source[i]!,
    shopId: b.shopId,
    itemKey: b.itemKey,
    capturedAt: b.capturedAt[i]!,
    provisional: b.provisional[i]!,
  };
}

/** Day `i` of a bucket as one figure, or null when the day has none. */
export function dayRecord(b: MetricBucket, i: number): MetricRecord | null {
  const value = b.value[i];
  if (value === null || value === undefined) return null;
  return figureAt(b, i, dateOf(b.month, i));
}

/** Writes one day into the bucket's columns (in place: callers own the bucket, see copyBucket). */
export function setDay(b: MetricBucket, i: number, day: BucketDay): void {
  b.value[i] = day.value;
  b.capturedAt[i] = day.capturedAt;
  b.source[i] = day.source;
  b.provisional[i] = day.provisional;
}

/** Whether day `i` is the same in both buckets, in every column (a re-capture may move capturedAt only). */
export function sameDay(a: MetricBucket, b: MetricBucket, i: number): boolean {
  return a.value[i] === b.value[i] && a.capturedAt[i] === b.capturedAt[i] && a.source[i] === b.source[i] && a.provisional[i] === b.provisional[i];
}

/** A copy whose columns can be changed without touching the original (a stored or pulled bucket). */
export function copyBucket(b: MetricBucket): MetricBucket {
  return { ...b, value: [...b.value], capturedAt: [...b.capturedAt], source: [...b.source], provisional: [...b.provisional] };
}

/** The bucket without its days before `from` (a copy; the bucket itself when no day is before it). */
export function daysFrom(b: MetricBucket, from: string): MetricBucket {
  if (dateOf(b.month, 0) >= from) return b;
  const kept = copyBucket(b);
  for (let i = 0; i < BUCKET_DAYS && dateOf(b.month, i) < from; i++) setDay(kept, i, NO_DAY);
  return kept;
}

/**
 * Whether a raw stored record has the four day columns. The store only writes whole buckets; code
 * handed raw rows (team sync's tracking sees every write) treats a damaged one as absent.
 */
export function hasDayColumns(r: Record<string, unknown>): r is Record<string, unknown> & MetricBucket {
  return Array.isArray(r.value) && Array.isArray(r.capturedAt) && Array.isArray(r.source) && Array.isArray(r.provisional);
}

/** The bucket's figures whose date lies in [from, to], oldest first, appended to `out`. */
function expand(b: MetricBucket, from: string, to: string, out: MetricRecord[]): void {
  for (let i = 0; i < BUCKET_DAYS; i++) {
    const value = b.value[i];
    if (value === null || value === undefined) continue;
    const date = dateOf(b.month, i);
    if (date < from || date > to) continue;
    out.push(figureAt(b, i, date));
  }
}

const expandAll = (buckets: readonly MetricBucket[], from: string, to: string): MetricRecord[] => {
  const out: MetricRecord[] = [];
  for (const b of buckets) expand(b, from, to, out);
  return out;
};

/** A month bucket with no day yet. */
export function emptyBucket(shopId: string, metric: string, itemKey: string, itemId: string | null, period: Period, month: string): MetricBucket {
  const column = (): null[] => new Array<null>(BUCKET_DAYS).fill(null);
  return { shopId, metric, itemKey, itemId, period, month, value: column(), capturedAt: column(), source: column(), provisional: column() };
}

/**
 * Writes records in one transaction: reads the month buckets they touch, sets their days (the
 * later record wins per day, within the batch and over what is stored) and puts the buckets back.
 */
export async function putRecords(db: ZhangguiDb, records: readonly MetricRecord[]): Promise<void> {
  if (records.length === 0) return;
  const touched = new Map<string, { key: BucketKey; itemId: string | null; recs: MetricRecord[] }>();
  for (const r of records) {
    const month = monthOf(r.date);
    const id = `${r.shopId}\u0000${r.metric}\u0000${r.itemKey}\u0000${r.period}\u0000${month}`;
    let t = touched.get(id);
    if (!t) touched.set(id, (t = { key: [r.shopId, r.metric, r.itemKey, r.period, month], itemId: r.itemId, recs: [] }));
    t.recs.push(r);
  }
  const groups = [...touched.values()];
  // One key range per series (shop/metric/item/period) over the months it touches: an import of a
  // year reads 13 buckets in one request instead of 13 requests (each costs a round trip).
  const ranges = new Map<string, { lo: BucketKey; hi: BucketKey }>();
  for (const g of groups) {
    const id = g.key.slice(0, 4).join('\u0000');
    const r = ranges.get(id);
    if (!r) ranges.set(id, { lo: g.key, hi: g.key });
    else if (g.key[4] < r.lo[4]) r.lo = g.key;
    else if (g.key[4] > r.hi[4]) r.hi = g.key;
  }
  const table = metricStore(db);
  const pk = '[shopId+metric+itemKey+period+month]';
  await db.transaction('rw', table, async () => {
    const found = await Promise.all([...ranges.values()].map((r) => table.where(pk).between(r.lo, r.hi, true, true).toArray()));
    const stored = new Map<string, MetricBucket>();
    for (const list of found) for (const b of list) stored.set(`${b.shopId}\u0000${b.metric}\u0000${b.itemKey}\u0000${b.period}\u0000${b.month}`, b);
    const buckets = [...touched].map(([id, g]): MetricBucket => {
      const [shopId, metric, itemKey, period, month] = g.key;
      const b = stored.get(id) ?? emptyBucket(shopId, metric, itemKey, g.itemId, period, month);
      for (const r of g.recs) setDay(b, dayIndexOf(r.date), r);
      return b;
    });
    await table.bulkPut(buckets);
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
  const buckets = await metricStore(db)
    .where('[shopId+metric+itemKey+period+month]')
    .between([q.shopId, q.metric, key, period, monthOf(q.from)], [q.shopId, q.metric, key, period, monthOf(q.to)], true, true)
    .toArray();
  return expandAll(buckets, q.from, q.to);
}

/** Orders by date, then by the given fields (code-unit order, as IndexedDB compares keys). */
function byDateThen(fields: ReadonlyArray<'metric' | 'period' | 'itemKey'>): (a: MetricRecord, b: MetricRecord) => number {
  return (a, b) => {
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    for (const f of fields) if (a[f] !== b[f]) return a[f] < b[f] ? -1 : 1;
    return 0;
  };
}

/** Every metric of the shop or an item over a date range, any period; by date, then metric, then period. */
export async function scopeRange(db: ZhangguiDb, shopId: string, itemId: string | null, from: string, to: string): Promise<MetricRecord[]> {
  const key = itemKeyOf(itemId);
  const buckets = await metricStore(db).where('[shopId+itemKey+month]').between([shopId, key, monthOf(from)], [shopId, key, monthOf(to)], true, true).toArray();
  return expandAll(buckets, from, to).sort(byDateThen(['metric', 'period']));
}

/**
 * Several metrics of the shop or an item over a date range, one period: one key range per
 * metric, in parallel in one read transaction. Records grouped by metric, oldest first.
 */
export async function seriesMany(db: ZhangguiDb, q: Omit<SeriesQuery, 'metric'> & { metrics: readonly string[] }): Promise<MetricRecord[]> {
  return db.transaction('r', metricStore(db), async () => {
    const parts = await Promise.all(q.metrics.map((metric) => series(db, { ...q, metric })));
    return parts.flat();
  });
}

/** One metric of the shop AND every item over a date range, one period; by date, then item (shop first). */
export async function metricAcrossScopes(db: ZhangguiDb, shopId: string, metric: string, period: Period, from: string, to: string): Promise<MetricRecord[]> {
  const buckets = await metricStore(db)
    .where('[shopId+metric+period+month]')
    .between([shopId, metric, period, monthOf(from)], [shopId, metric, period, monthOf(to)], true, true)
    .toArray();
  return expandAll(buckets, from, to).sort(byDateThen(['itemKey']));
}

/** The last date with a figure of one metric in one period for the shop or any item, or null. */
export async function lastDateOf(db: ZhangguiDb, shopId: string, metric: string, period: Period): Promise<string | null> {
  const table = metricStore(db);
  const index = '[shopId+metric+period+month]';
  return db.transaction('r', table, async () => {
    const newest = await table.where(index).between([shopId, metric, period, Dexie.minKey], [shopId, metric, period, Dexie.maxKey]).last();
    if (!newest) return null;
    // Every scope with a bucket in the newest month: the last day may be in any of them.
    const month = await table.where(index).equals([shopId, metric, period, newest.month]).toArray();
    let last = -1;
    for (const b of month) for (let i = last + 1; i < BUCKET_DAYS; i++) if (b.value[i] !== null) last = i;
    return last < 0 ? null : dateOf(newest.month, last);
  });
}

/** The newest figure of one metric for the shop or an item in one period, or null. */
export async function latestOf(db: ZhangguiDb, shopId: string, metric: string, itemId: string | null, period: Period = 'day'): Promise<MetricRecord | null> {
  const key = itemKeyOf(itemId);
  const bucket = await metricStore(db)
    .where('[shopId+metric+itemKey+period+month]')
    .between([shopId, metric, key, period, Dexie.minKey], [shopId, metric, key, period, Dexie.maxKey])
    .last();
  if (!bucket) return null;
  return expandAll([bucket], '', '\uffff').at(-1) ?? null;
}

/** The newest figure of every dictionary metric for the shop or an item (metrics never seen are absent). */
export async function latestPerMetric(db: ZhangguiDb, shopId: string, itemId: string | null, period: Period = 'day'): Promise<Record<string, MetricRecord>> {
  const out: Record<string, MetricRecord> = {};
  await db.transaction('r', metricStore(db), async () => {
    const found = await Promise.all(METRICS.map((m) => latestOf(db, shopId, m.code, itemId, period)));
    for (const r of found) if (r) out[r.metric] = r;
  });
  return out;
}

/** Every stored figure of a shop (or of every shop), for exports, tests and benchmarks; no order promised. */
export async function allRecords(db: ZhangguiDb, shopId?: string): Promise<MetricRecord[]> {
  const table = metricStore(db);
  const buckets = shopId === undefined ? await table.toArray() : await table.where('[shopId+metric+itemKey+period+month]').between([shopId, Dexie.minKey], [shopId, Dexie.maxKey]).toArray();
  return expandAll(buckets, '', '\uffff');
}

/**
 * The shop's month buckets from the month of `from` on, as stored (older months are not read):
 * team sync's first upload sends buckets (lib/sync/area/metrics.ts), trimmed with daysFrom.
 */
export async function shopBucketsFrom(db: ZhangguiDb, shopId: string, from: string): Promise<MetricBucket[]> {
  const month = monthOf(from);
  return metricStore(db)
    .where('[shopId+metric+itemKey+period+month]')
    .between([shopId, Dexie.minKey], [shopId, Dexie.maxKey])
    .filter((b) => b.month >= month)
    .toArray();
}

/** How many figures are stored (all shops). */
export async function countFigures(db: ZhangguiDb): Promise<number> {
  let n = 0;
  await metricStore(db).each((b) => void (n += b.value.filter((v) => v !== null).length));
  return n;
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
