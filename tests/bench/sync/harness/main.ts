import { createClient } from '@supabase/supabase-js';
import { ZhangguiDb } from '../../../../lib/db/schema';
import { SyncEngine } from '../../../../lib/sync/engine';
import { supabaseServer } from '../../../../lib/sync/server';

/**
 * In real Chromium: the sync engine pulls a shop into a fresh IndexedDB through supabase-js (same-origin adapter).
 * Besides the total it reports, for the breakdown:
 *   inFlightMs  the sum of the pull_changes calls' durations (server + adapter + transfer + JSON.parse);
 *               they overlap the IndexedDB writes, because the engine asks for the next page first
 *   waitMs      the time the engine actually stood waiting for a page (from the moment it awaited
 *               the page to the moment the page arrived)
 */
async function pull(o: { url: string; anonKey: string; token: string; shopId: string; userId: string; pageSize?: number }): Promise<{ rows: number; tasks: number; ms: number; inFlightMs: number; waitMs: number }> {
  const client = createClient(o.url, o.anonKey, { accessToken: async () => o.token });
  const db = new ZhangguiDb(`bench-${Date.now()}`);
  await db.open();
  const real = supabaseServer(client);
  let inFlightMs = 0;
  let waitMs = 0;
  const server = {
    ...real,
    // A thenable around each call: `await` calls then() when the engine starts waiting for the page.
    pull: (shop: string, since: number, limit: number) => {
      const t0 = performance.now();
      let awaitedAt = 0;
      const p = real.pull(shop, since, limit).finally(() => {
        const t1 = performance.now();
        inFlightMs += t1 - t0;
        if (awaitedAt) waitMs += t1 - awaitedAt;
      });
      return {
        then: (ok: (v: unknown[]) => unknown, bad?: (e: unknown) => unknown) => {
          if (!awaitedAt) awaitedAt = performance.now();
          return p.then(ok, bad);
        },
        catch: (bad: (e: unknown) => unknown) => p.catch(bad),
      } as unknown as Promise<unknown[]>;
    },
  };
  // The engine's own page size unless ZG_SYNC_PAGE overrides it (experiments).
  const engine = new SyncEngine({ db, server, shopId: o.shopId, userId: o.userId, pageSize: o.pageSize });
  const t0 = performance.now();
  const r = await engine.pull();
  const ms = performance.now() - t0;
  return { rows: r.rows, tasks: await db.tasks.count(), ms, inFlightMs, waitMs };
}

(window as unknown as { zgPull: typeof pull }).zgPull = pull;

/**
 * Diagnostics (ZG_SYNC_BREAKDOWN): the two halves of the pull measured apart.
 *   fetchAll  every page fetched back to back through supabase-js, nothing written
 *             (server + adapter + transfer + JSON.parse): serverMs
 *   applyAll  the same pages applied by the engine from memory (validation, mapping,
 *             IndexedDB): clientMs
 * The real pull overlaps them (it prefetches the next page while writing one), on the same CPUs.
 */
type Opts = { url: string; anonKey: string; token: string; shopId: string; userId: string; pageSize: number };
const fetched = new Map<number, unknown[]>();
async function fetchAll(o: Opts): Promise<{ pages: number; serverMs: number }> {
  const real = supabaseServer(createClient(o.url, o.anonKey, { accessToken: async () => o.token }));
  fetched.clear();
  let since = 0;
  const t = performance.now();
  for (;;) {
    const page = await real.pull(o.shopId, since, o.pageSize);
    fetched.set(since, page);
    if (page.length < o.pageSize) break;
    since = Math.max(...page.map((p) => (p as { revision: number }).revision));
  }
  return { pages: fetched.size, serverMs: performance.now() - t };
}
async function applyAll(o: Opts): Promise<{ rows: number; clientMs: number }> {
  const db = new ZhangguiDb(`breakdown-${Date.now()}`);
  await db.open();
  const real = supabaseServer(createClient(o.url, o.anonKey, { accessToken: async () => o.token }));
  const memory = { ...real, pull: async (_shop: string, s: number) => fetched.get(s) ?? [] };
  const engine = new SyncEngine({ db, server: memory, shopId: o.shopId, userId: o.userId, pageSize: o.pageSize });
  const t = performance.now();
  const r = await engine.pull();
  return { rows: r.rows, clientMs: performance.now() - t };
}
Object.assign(window, { zgFetchAll: fetchAll, zgApplyAll: applyAll });
document.title = 'ready';

/** Breakdown of one page's client-side costs (diagnostics for the pull benchmark). */
async function micro(n: number): Promise<Record<string, number>> {
  const { taskSchema } = await import('../../../../lib/domain');
  const db = new ZhangguiDb(`micro-${Date.now()}`);
  await db.open();
  const shopId = crypto.randomUUID();
  const tasks = Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(), shopId, projectId: null, title: `任务 ${i}`, description: '一段描述', stage: null, assigneeId: null, startDate: null, dueDate: '2026-11-20',
    priority: 'P2', status: 'todo', dependsOn: [], itemIds: [], metric: null, sourceUrl: null, sourceTitle: null, progress: 0, createdBy: null, createdAt: 1, updatedAt: 2, deletedAt: null,
  }));
  const out: Record<string, number> = {};
  let t = performance.now();
  for (const x of tasks) taskSchema.safeParse(x);
  out.zodMs = performance.now() - t;
  t = performance.now();
  await db.transaction('rw', db.tasks, () => db.tasks.bulkPut(tasks as never));
  out.tasksPutMs = performance.now() - t;
  t = performance.now();
  await db.transaction('rw', db.table('syncState'), () => db.table('syncState').bulkPut(tasks.map((x, i) => ({ key: `rev|tasks|${x.id}`, value: i }))));
  out.revPutMs = performance.now() - t;
  t = performance.now();
  await db.transaction('rw', db.tasks, () => db.tasks.bulkGet(tasks.map((x) => x.id)));
  out.bulkGetMs = performance.now() - t;
  return out;
}
(window as unknown as { zgMicro: typeof micro }).zgMicro = micro;

/**
 * The ceiling of the pull on this browser and machine: task-shaped rows put straight into
 * IndexedDB (no supabase-js, no validation, no Dexie), pages of 1000 per transaction like the
 * engine, with the tasks store's own indexes (or none). Every put is one request to the browser's
 * IndexedDB backend, and that per-request cost, not the row size, bounds rows per second.
 */
async function rawPut(n: number, durability: 'default' | 'relaxed' | 'strict', indexes: readonly TaskIndex[] = taskIndexes()): Promise<number> {
  const name = `raw-${durability}-${Date.now()}-${indexes.length}`;
  const idb: IDBDatabase = await new Promise((res, rej) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => {
      const s = r.result.createObjectStore('tasks', { keyPath: 'id' });
      for (const i of indexes) s.createIndex(i.name, i.keyPath, { multiEntry: i.multi });
    };
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const rows = Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(), shopId: 's', projectId: `p${i % 20}`, assigneeId: `m${i % 7}`, title: `任务 ${i}`, description: '一段描述', stage: null, startDate: null, dueDate: '2026-11-20',
    priority: 'P2', status: 'todo', dependsOn: [], itemIds: [], metric: null, sourceUrl: null, sourceTitle: null, progress: 0, createdBy: null, createdAt: 1, updatedAt: i, deletedAt: null,
  }));
  const t = performance.now();
  for (let from = 0; from < n; from += 1000) {
    await new Promise<void>((res, rej) => {
      const tx = idb.transaction('tasks', 'readwrite', { durability });
      const s = tx.objectStore('tasks');
      for (const r of rows.slice(from, from + 1000)) s.put(r);
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
  }
  const ms = performance.now() - t;
  idb.close();
  indexedDB.deleteDatabase(name);
  return ms;
}
type TaskIndex = { name: string; keyPath: string | string[]; multi: boolean };
/** The tasks store's secondary indexes, read from the app's own Dexie schema (lib/db/schema.ts). */
function taskIndexes(): TaskIndex[] {
  return new ZhangguiDb('schema-only').tasks.schema.indexes.map((i) => ({ name: i.name, keyPath: i.keyPath as string | string[], multi: !!i.multi }));
}
async function ceiling(n: number): Promise<{ withIndexes: number; withoutIndexes: number }> {
  const withIndexes = (n / (await rawPut(n, 'relaxed'))) * 1000;
  const withoutIndexes = (n / (await rawPut(n, 'relaxed', []))) * 1000;
  return { withIndexes: Math.round(withIndexes), withoutIndexes: Math.round(withoutIndexes) };
}
Object.assign(window, { zgRawPut: rawPut, zgCeiling: ceiling });
