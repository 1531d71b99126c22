import type { ZhangguiDb } from '../../db/schema';
import type { NewOutboxRow } from '../model';
import type { AreaAdapter } from './adapter';
import { AREA_ADAPTERS } from './index';
import { changeRows, markUntracked } from './tracking';

/**
 * Putting a local shop on the server (TeamMode.createShop): every area record of
 * the shop is queued in full, after the workspace rows it refers to. Member
 * references move to the server members (`mapMember`); a record whose required
 * member has no server account (a local-only teammate's comment) stays local.
 * Firings notify only members that exist on the server. A store may send less
 * (AreaAdapter.uploadRecords): metrics send the last 90 days only, one row per day
 * (a year of 200 items × 20 metrics would be 1.5M rows in one transaction).
 *
 * No store is left out for the uploader's role (AreaAdapter.writeRoles gates tracked
 * writes only): the uploader just created the shop on the server, so "me" is its owner,
 * who may write every store; and a row the server's RLS refuses anyway is rolled back
 * with the reason, like any refused push, never dropped unseen.
 */
export async function queueAreaUpload(db: ZhangguiDb, shopId: string, mapMember: (id: string | null) => string | null, now: number): Promise<number> {
  const stores = AREA_ADAPTERS.map((a) => db.table(a.store));
  return db.transaction('rw', [...stores, db.table('outbox')], async () => {
    markUntracked();
    const rows: NewOutboxRow[] = [];
    for (const adapter of AREA_ADAPTERS) {
      const records = adapter.uploadRecords ? await adapter.uploadRecords(db, shopId, now) : await remappedRecords(db, adapter, shopId, mapMember);
      for (const record of records) rows.push(...changeRows(adapter, shopId, undefined, record, now));
    }
    await db.table('outbox').bulkAdd(rows);
    return rows.length;
  });
}

/**
 * The shop's records of one store, whole, their member fields moved to the server members (and
 * stored so); a record whose required member stays local is left out.
 */
async function remappedRecords(db: ZhangguiDb, adapter: AreaAdapter, shopId: string, mapMember: (id: string | null) => string | null): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const record of (await db.table(adapter.store).toArray()) as Record<string, unknown>[]) {
    if (record.shopId !== shopId) continue;
    const mapped = remapMembers(adapter, record, mapMember);
    if (!mapped) continue;
    if (mapped !== record) await db.table(adapter.store).put(mapped);
    out.push(mapped);
  }
  return out;
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
