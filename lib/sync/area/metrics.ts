import { addDays, copyBucket, dayIndexOf, dayRecord, daysFrom, emptyBucket, hasDayColumns, monthOf, sameDay, setDay, shopBucketsFrom } from '../../metrics/store';
import { BUCKET_DAYS, metricBucketSchema, metricRecordSchema, type MetricBucket, type MetricRecord } from '../../metrics/record';
import { canSeeFinance, ROLES } from '../../domain/roles';
import { uuidv5 } from '../uuid5';
import { iso, ms, num, parseWith, type AreaAdapter, type Parsed } from './adapter';

/** The Dexie store of the metric store (lib/metrics/store.ts): one record per shop/metric/item/period/month. */
const METRIC_STORE = 'metricMonths';

/** A first upload of a local shop sends the last 90 days of figures (the rest stays local). */
export const METRIC_UPLOAD_DAYS = 90;

/** The server id of one day's figure: every browser that captures it writes the same row. */
export const metricServerId = (shopId: string, metric: string, itemKey: string, period: string, date: string): string =>
  uuidv5(`metric|${shopId}|${metric}|${itemKey}|${period}|${date}`);

/** A record handed to the adapter as a bucket; one without the day columns (damaged) counts as absent. */
const bucketOf = (r: Record<string, unknown> | undefined): MetricBucket | undefined => (r && hasDayColumns(r) ? r : undefined);

/** Day `i` of a bucket as one server row's record (a part), or undefined when the day is empty. */
const dayPart = (b: MetricBucket, i: number): Record<string, unknown> | undefined => dayRecord(b, i) ?? undefined;

/**
 * The metric store's month buckets (lib/metrics/record.ts MetricBucket) ↔ public.metric_snapshots,
 * one server row per day, so the owner's dashboard, badges and rules see what the operator's
 * browser captured (and the other way round), as far as RLS lets each role see.
 *
 * - Parts: a bucket change becomes one row per changed day (changedParts compares the four day
 *   columns, no serialising); a day's id is uuidv5(`metric|shop|metric|itemKey|period|date`).
 * - A re-capture of the same figure that only moves captured_at queues nothing (a dashboard page
 *   re-read every hour would otherwise push every day it shows); a new value, provisional flag or
 *   source queues the whole row, so the server can always insert it.
 * - Realtime figures are not shared: they are overwritten all day (every few minutes per item and
 *   metric), so each capture would be a push and a pull for every teammate, and the day's figure
 *   follows anyway; pulled realtime rows (a seed, another tool) are merged like the others.
 * - Pulls merge a day into its bucket (localKey is the bucket's key); last capture wins: a pulled
 *   figure captured before the local one is ignored. The bucket is validated by its own schema.
 * - Deletes stay local ('none'), and sync never removes a bucket for one day (tombstones, refusals).
 * - Only owner, ops director and operator record metrics: other roles' browsers queue nothing.
 */
export const metricMonths: AreaAdapter = {
  store: METRIC_STORE,
  table: 'metric_snapshots',
  deletes: 'none',
  // public.metric_snapshots insert/update policies: private.finance_shop_ids(), the roles that see money.
  writeRoles: ROLES.filter(canSeeFinance),
  serverId: (d) =>
    typeof d.shopId === 'string' && typeof d.metric === 'string' && typeof d.itemKey === 'string' && typeof d.date === 'string' && typeof d.period === 'string' && d.period !== 'realtime'
      ? metricServerId(d.shopId, d.metric, d.itemKey, d.period, d.date)
      : null,
  toServer: (d) => ({
    shop_id: d.shopId,
    metric: d.metric,
    item_id: d.itemId ?? null,
    period: d.period,
    date: d.date,
    value: d.value,
    provisional: d.provisional,
    source: d.source,
    captured_at: iso(d.capturedAt as number | null | undefined),
  }),
  upsertFields: (changed, full) => (Object.keys(changed).some((column) => column !== 'captured_at') ? full : null),
  changedParts: (before, after) => changedDays(bucketOf(before), bucketOf(after)),
  uploadRecords: async (db, shopId, now) => {
    const from = addDays(new Date(now).toISOString().slice(0, 10), -(METRIC_UPLOAD_DAYS - 1));
    // A damaged stored bucket (no day columns) has no day to send; it must not fail the upload.
    return (await shopBucketsFrom(db, shopId, from)).filter(hasDayColumns).map((b) => daysFrom(b, from));
  },
  localKey: (row) => [String(row.shop_id), String(row.metric), typeof row.item_key === 'string' ? row.item_key : ((row.item_id as string | null | undefined) ?? ''), String(row.period), String(row.date ?? '').slice(0, 7)],
  fromServer: (row, before) => mergeDay(row, before),
};

/** The days whose figure changed from bucket `b` to bucket `a`, as [before, after] parts (realtime: none). */
function changedDays(b: MetricBucket | undefined, a: MetricBucket | undefined): Array<[Record<string, unknown> | undefined, Record<string, unknown> | undefined]> {
  if (!a || a.period === 'realtime') return [];
  const out: Array<[Record<string, unknown> | undefined, Record<string, unknown> | undefined]> = [];
  for (let i = 0; i < BUCKET_DAYS; i++) {
    if (b && sameDay(b, a, i)) continue;
    const next = dayPart(a, i);
    if (next) out.push([b ? dayPart(b, i) : undefined, next]);
  }
  return out;
}

/** A pulled day row merged into its month bucket (a new bucket when there is none yet). */
function mergeDay(row: Record<string, unknown>, before: Record<string, unknown> | undefined): Parsed {
  const itemId = (row.item_id as string | null | undefined) ?? null;
  const day = parseWith(metricRecordSchema, {
    shopId: row.shop_id,
    metric: row.metric,
    itemId,
    itemKey: itemId ?? '',
    period: row.period,
    date: typeof row.date === 'string' ? row.date.slice(0, 10) : row.date,
    value: num(row.value),
    provisional: row.provisional,
    source: row.source,
    capturedAt: ms(row.captured_at),
  });
  if (!day.ok) return day;
  const d = day.record as MetricRecord; // validated by metricRecordSchema
  const month = monthOf(d.date);
  const i = dayIndexOf(d.date);
  let bucket: MetricBucket;
  if (before) {
    const local = metricBucketSchema.safeParse(before);
    // Never replace a bucket we cannot read: its other days would be lost.
    if (!local.success) return { ok: false, reason: `本地月份记录无效 / the local month bucket is invalid: ${local.error.issues[0]?.message ?? ''}` };
    const l = local.data;
    if (l.shopId !== d.shopId || l.metric !== d.metric || l.itemKey !== d.itemKey || l.period !== d.period || l.month !== month) {
      return { ok: false, reason: 'the row belongs to another month bucket' };
    }
    // Last capture wins: an older pulled figure never replaces a newer local one.
    const localAt = l.capturedAt[i];
    if (localAt !== null && localAt !== undefined && localAt > d.capturedAt) return { ok: true, record: l };
    bucket = copyBucket(l);
  } else {
    bucket = emptyBucket(d.shopId, d.metric, d.itemKey, d.itemId, d.period, month);
  }
  setDay(bucket, i, d);
  return parseWith(metricBucketSchema, bucket);
}
