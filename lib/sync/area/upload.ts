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
 * Firings notify only members that exist on the server.
 */
export async function queueAreaUpload(db: ZhangguiDb, shopId: string, mapMember: (id: string | null) => string | null, now: number): Promise<number> {
  const stores = AREA_ADAPTERS.map((a) => db.table(a.store));
  return db.transaction('rw', [...stores, db.table('outbox')], async () => {
    markUntracked();
    const rows: NewOutboxRow[] = [];
    for (const adapter of AREA_ADAPTERS) {
      for (const record of (await db.table(adapter.store).toArray()) as Record<string, unknown>[]) {
        if (record.shopId !== shopId) continue;
        const mapped = remapMembers(adapter, record, mapMember);
        if (!mapped) continue;
        if (mapped !== record) await db.table(adapter.store).put(mapped);
        rows.push(...changeRows(adapter, shopId, undefined, mapped, now));
      }
    }
    await db.table('outbox').bulkAdd(rows);
    return rows.length;
  });
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
