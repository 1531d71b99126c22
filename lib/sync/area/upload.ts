import Dexie from 'dexie';
import type { ZhangguiDb } from '../../db/schema';
import { addDays, metricStore } from '../../metrics/store';
import type { NewOutboxRow } from '../model';
import type { AreaAdapter } from './adapter';
import { AREA_ADAPTERS } from './index';
import { METRIC_STORE, METRIC_UPLOAD_DAYS } from './metrics';
import { changeRows, currentRole, markUntracked } from './tracking';

/**
 * Putting a local shop on the server (TeamMode.createShop): every area record of
 * the shop is queued in full, after the workspace rows it refers to. Member
 * references move to the server members (`mapMember`); a record whose required
 * member has no server account (a local-only teammate's comment) stays local.
 * Firings notify only members that exist on the server. Metrics: the last
 * METRIC_UPLOAD_DAYS (90) days only, one row per day (a year of 200 items × 20
 * metrics would be 1.5M rows in one transaction), and only when the signed-in
 * member's role records metrics (owner, ops director, operator).
 */
export async function queueAreaUpload(db: ZhangguiDb, shopId: string, mapMember: (id: string | null) => string | null, now: number): Promise<number> {
  // Stores the signed-in member's role may not record (metrics) queue nothing: the server would refuse them.
  const role = await currentRole(db, shopId);
  const adapters = AREA_ADAPTERS.filter((a) => !a.writeRoles || (role !== null && a.writeRoles.includes(role)));
  const stores = adapters.map((a) => db.table(a.store));
  return db.transaction('rw', [...stores, db.table('outbox')], async () => {
    markUntracked();
    const rows: NewOutboxRow[] = [];
    for (const adapter of adapters) {
      // Metric months: only the buckets the upload window reaches are read (uploadPart trims the rest).
      const records = adapter.store === METRIC_STORE ? await recentMetricBuckets(db, shopId, now) : ((await db.table(adapter.store).toArray()) as Record<string, unknown>[]);
      for (const record of records) {
        if (record.shopId !== shopId) continue;
        const mapped = remapMembers(adapter, record, mapMember);
        if (!mapped) continue;
        if (mapped !== record) await db.table(adapter.store).put(mapped);
        const part = adapter.uploadPart ? adapter.uploadPart(mapped, now) : mapped;
        if (part) rows.push(...changeRows(adapter, shopId, undefined, part, now));
      }
    }
    await db.table('outbox').bulkAdd(rows);
    return rows.length;
  });
}

/** The shop's month buckets from the month METRIC_UPLOAD_DAYS ago on (older months are not kept in memory). */
async function recentMetricBuckets(db: ZhangguiDb, shopId: string, now: number): Promise<Record<string, unknown>[]> {
  const from = addDays(new Date(now).toISOString().slice(0, 10), -(METRIC_UPLOAD_DAYS - 1)).slice(0, 7);
  return (await metricStore(db)
    .where('[shopId+metric+itemKey+period+month]')
    .between([shopId, Dexie.minKey], [shopId, Dexie.maxKey])
    .filter((b) => b.month >= from)
    .toArray()) as unknown as Record<string, unknown>[];
}

function remapMembers(adapter: AreaAdapter, record: Record<string, unknown>, mapMember: (id: string | null) => string | null): Record<string, unknown> | null {
  let next = record;
  for (const { field, required } of adapter.memberFields ?? []) {
    const before = (record[field] as string | null | undefined) ?? null;
    const after = mapMember(before);
    if (after === null && required) return null;
    if (after !== before) next = { ...next, [field]: after };
  }
  if (adapter.store === 'firings' && Array.isArray(record.notify)) {
    const notify = (record.notify as string[]).map((m) => mapMember(m)).filter((m): m is string => m !== null);
    if (notify.join() !== (record.notify as string[]).join()) next = { ...next, notify };
  }
  return next;
}
