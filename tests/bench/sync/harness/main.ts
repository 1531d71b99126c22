import { createClient } from '@supabase/supabase-js';
import { ZhangguiDb } from '../../../../lib/db/schema';
import { SyncEngine } from '../../../../lib/sync/engine';
import { supabaseServer } from '../../../../lib/sync/server';

/** In real Chromium: the sync engine pulls a shop into a fresh IndexedDB through supabase-js (same-origin adapter). */
async function pull(o: { url: string; anonKey: string; token: string; shopId: string; userId: string }): Promise<{ rows: number; tasks: number; ms: number; serverMs: number }> {
  const client = createClient(o.url, o.anonKey, { accessToken: async () => o.token });
  const db = new ZhangguiDb(`bench-${Date.now()}`);
  await db.open();
  const real = supabaseServer(client);
  let serverMs = 0;
  // Time spent waiting for the server (PostgreSQL + adapter + transfer + JSON), for the breakdown.
  const server = { ...real, pull: async (shop: string, since: number, limit: number) => { const t = performance.now(); try { return await real.pull(shop, since, limit); } finally { serverMs += performance.now() - t; } } };
  const engine = new SyncEngine({ db, server, shopId: o.shopId, userId: o.userId, pageSize: 1000 });
  const t0 = performance.now();
  const r = await engine.pull();
  const ms = performance.now() - t0;
  return { rows: r.rows, tasks: await db.tasks.count(), ms, serverMs };
}

(window as unknown as { zgPull: typeof pull }).zgPull = pull;
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

/** Diagnostics: raw IndexedDB puts of n task-shaped rows with a given transaction durability. */
async function rawPut(n: number, durability: 'default' | 'relaxed' | 'strict'): Promise<number> {
  const name = `raw-${durability}-${Date.now()}`;
  const idb: IDBDatabase = await new Promise((res, rej) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => {
      const s = r.result.createObjectStore('tasks', { keyPath: 'id' });
      for (const i of ['shopId', 'projectId', 'assigneeId', 'status', 'dueDate', 'metric']) s.createIndex(i, i);
      s.createIndex('itemIds', 'itemIds', { multiEntry: true });
    };
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const rows = Array.from({ length: n }, (_, i) => ({ id: crypto.randomUUID(), shopId: 's', projectId: null, assigneeId: null, status: 'todo', dueDate: '2026-11-20', metric: null, itemIds: [], title: `t${i}` }));
  const t = performance.now();
  await new Promise<void>((res, rej) => {
    const tx = idb.transaction('tasks', 'readwrite', { durability });
    const s = tx.objectStore('tasks');
    for (const r of rows) s.put(r);
    tx.oncomplete = () => res();
    tx.onerror = () => rej(tx.error);
  });
  return performance.now() - t;
}
(window as unknown as { zgRawPut: typeof rawPut }).zgRawPut = rawPut;
