import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { ME_KEY } from '../../db/settings';
import type { Role } from '../../domain';
import type { NewOutboxRow } from '../model';
import type { AreaAdapter } from './adapter';
import { adapterForStore } from './index';

/**
 * Outbox rows for the area stores, written in the same IndexedDB transaction as
 * the change (the pattern of Dexie Cloud's mutation-tracking middleware): every
 * readwrite transaction touching an area store also opens `outbox`, and each
 * put/add/delete there is diffed against the stored row per server column. Only
 * records of the shop this browser syncs are tracked, and only while team mode is
 * on; rows written by the sync engine itself (pulled from the server) are marked
 * untracked so they are never echoed back. A store only some roles may record
 * (AreaAdapter.writeRoles: metrics) is queued only while the signed-in member
 * ("me") has one of them, read in the writing transaction.
 */
const UNTRACKED = '__zgUntracked';
type Trans = DBCoreTransaction & { [UNTRACKED]?: boolean };

interface TrackingState {
  shopId: string | null;
  now: () => number;
}
const states = new WeakMap<Dexie, TrackingState>();
const stateOf = (db: Dexie): TrackingState => {
  let s = states.get(db);
  if (!s) states.set(db, (s = { shopId: null, now: Date.now }));
  return s;
};

/** Team mode turns tracking on for its shop (null: local-only mode, nothing is queued). */
export function setAreaTracking(db: Dexie, shopId: string | null, now: () => number = Date.now): void {
  Object.assign(stateOf(db), { shopId, now });
}

/** Inside a Dexie transaction: its area writes are not queued (rows that came from the server). */
export function markUntracked(): void {
  const tx = Dexie.currentTransaction as unknown as { idbtrans?: Trans } | null;
  if (tx?.idbtrans) tx.idbtrans[UNTRACKED] = true;
}

export function areaTracking(db: Dexie): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'zhangguiAreaOutbox',
    create(down) {
      const known = new Set(down.schema.tables.map((t) => t.name));
      return {
        ...down,
        transaction(stores, mode, options) {
          // Always in scope (cheap): tracking may be switched on while the transaction runs.
          // A store only some roles record (metrics) also reads who "me" is: settings and members.
          if (mode !== 'readwrite' || !stores.some((s) => adapterForStore(s))) return down.transaction(stores, mode, options);
          const extra = stores.some((s) => adapterForStore(s)?.writeRoles) ? ['outbox', 'settings', 'members'] : ['outbox'];
          const missing = extra.filter((s) => known.has(s) && !stores.includes(s));
          return down.transaction(missing.length > 0 ? [...stores, ...missing] : stores, mode, options);
        },
        table(name) {
          const table = down.table(name);
          const adapter = adapterForStore(name);
          if (!adapter) return table;
          return {
            ...table,
            mutate: (req) => {
              const state = stateOf(db);
              const trans = req.trans as Trans;
              if (!state.shopId || trans[UNTRACKED]) return table.mutate(req);
              if (!adapter.writeRoles) return trackedMutate(down, table, adapter, state.shopId, state.now(), req);
              const shopId = state.shopId;
              const at = state.now();
              return myRole(down, req.trans, shopId).then((role) =>
                role !== null && adapter.writeRoles!.includes(role) ? trackedMutate(down, table, adapter, shopId, at, req) : table.mutate(req),
              );
            },
          };
        },
      };
    },
  };
}

async function trackedMutate(down: DBCore, table: DBCoreTable, adapter: AreaAdapter, shopId: string, at: number, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const before = await storedRows(table, req);
  const res = await table.mutate(req);
  const rows: NewOutboxRow[] = [];
  const failed = (i: number): boolean => res.failures[i] !== undefined;
  if (req.type === 'add' || req.type === 'put') {
    req.values.forEach((value, i) => {
      if (!failed(i)) rows.push(...changeRows(adapter, shopId, before[i], value as Record<string, unknown>, at));
    });
  } else {
    for (const old of before) if (old) rows.push(...changeRows(adapter, shopId, old, undefined, at));
  }
  if (rows.length > 0) await down.table('outbox').mutate({ trans: req.trans, type: 'add', values: rows });
  return res;
}

/**
 * The role of the signed-in member ("me": the settings row ME_KEY, which the sync engine sets
 * from the pulled roster) in the synced shop, read in the writing transaction itself, so a role
 * change pulled a second ago already applies. Null when unknown (not pulled yet, removed).
 */
async function myRole(down: DBCore, trans: DBCoreTransaction, shopId: string): Promise<Role | null> {
  try {
    const me = (await down.table('settings').get({ trans, key: ME_KEY })) as { value?: unknown } | undefined;
    if (typeof me?.value !== 'string') return null;
    return roleIn((await down.table('members').get({ trans, key: me.value })) as MemberRow | undefined, shopId);
  } catch {
    return null; // settings or members not in this transaction: unknown
  }
}

type MemberRow = { shopId?: unknown; role?: Role; deletedAt?: unknown };
/** A live member of the synced shop has a role; anyone else (removed, another shop) none. */
const roleIn = (member: MemberRow | undefined, shopId: string): Role | null => (member && member.shopId === shopId && member.deletedAt == null ? (member.role ?? null) : null);

/** The stored rows a mutation replaces or removes (aligned with its values for add/put). */
async function storedRows(table: DBCoreTable, req: DBCoreMutateRequest): Promise<(Record<string, unknown> | undefined)[]> {
  if (req.type === 'deleteRange') {
    const q = await table.query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: req.range } });
    return q.result as Record<string, unknown>[];
  }
  const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey!(v)));
  return (await table.getMany({ trans: req.trans, keys })) as (Record<string, unknown> | undefined)[];
}

/**
 * The outbox rows for one record going from `before` to `after` (undefined = removed):
 * an upsert of the server columns that changed (all of them for a new row; the adapter's
 * upsertFields may widen or drop it), and a delete when the record was removed (not for
 * deletes 'none') or (soft-delete stores) got its deletedAt.
 */
export function changeRows(adapter: AreaAdapter, shopId: string, before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined, at: number): NewOutboxRow[] {
  const subject = after ?? before;
  if (!subject || subject.shopId !== shopId) return [];
  // A record holding several server rows (a metric month): one row per changed part.
  if (adapter.changedParts) return adapter.changedParts(before, after).flatMap(([b, a]) => partRows(adapter, shopId, b, a, at));
  return partRows(adapter, shopId, before, after, at);
}

function partRows(adapter: AreaAdapter, shopId: string, before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined, at: number): NewOutboxRow[] {
  const subject = after ?? before;
  if (!subject || subject.shopId !== shopId) return [];
  const rowId = adapter.serverId(subject);
  if (!rowId) return [];
  const row = (op: 'upsert' | 'delete', fields: Record<string, unknown>): NewOutboxRow => ({ table: adapter.table as NewOutboxRow['table'], rowId, op, fields, baseRevision: null, at });
  if (!after) return adapter.deletes === 'none' ? [] : [row('delete', {})];
  const out: NewOutboxRow[] = [];
  const next = adapter.toServer(after);
  const prev = before ? adapter.toServer(before) : null;
  const changed = prev ? Object.fromEntries(Object.entries(next).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(prev[k]))) : next;
  const wasDeleted = before?.deletedAt != null;
  const fields = Object.keys(changed).length === 0 ? null : adapter.upsertFields ? adapter.upsertFields(changed, next) : changed;
  if (fields && !wasDeleted) out.push(row('upsert', fields));
  if (adapter.deletes === 'soft' && after.deletedAt != null && !wasDeleted) out.push(row('delete', {}));
  return out;
}
