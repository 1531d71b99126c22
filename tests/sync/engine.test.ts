import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../lib/domain';
import type { SyncServer } from '../../lib/sync/server';
import { dependencyId } from '../../lib/sync/uuid5';
import { faultyFetch, network, rngFrom } from './support/faults';
import { PsqlSession } from './support/psql';
import { browserFor, clientFor, createShop, supabaseServer, type TestClient, type TestUser } from './support/world';

// The sync engine's behaviours one at a time, against the real database.
let admin: PsqlSession;
let session: PsqlSession;
let shopId: string;
let users: TestUser[];

beforeAll(async () => {
  admin = new PsqlSession();
  session = new PsqlSession();
  const s = await createShop(admin, 'engine', ['owner', 'operator', 'cs']);
  shopId = s.shopId;
  users = s.users;
});
afterAll(() => {
  admin.close();
  session.close();
});

function browser(i: number, server?: SyncServer): TestClient {
  return browserFor(`e${i}`, shopId, users[i]!, server ?? supabaseServer(clientFor(session, users[i]!)));
}

describe('sync engine', () => {
  it('queues only changed fields in the same transaction as the change, and nothing when the change is refused locally', async () => {
    const a = browser(0);
    await a.engine.sync();
    const t = await a.ws.createTask(users[0]!.memberId, { projectId: null, title: '上新' });
    await a.ws.updateTask(users[0]!.memberId, t.id, { priority: 'P0' });
    await expect(a.ws.updateTask(users[0]!.memberId, t.id, { title: '' })).rejects.toThrow();
    const rows = await a.db.table('outbox').toArray();
    expect(rows.map((r) => [r.table, r.op, Object.keys(r.fields).sort()])).toEqual([
      ['tasks', 'upsert', expect.arrayContaining(['title', 'shop_id', 'priority', 'status'])],
      ['tasks', 'upsert', ['priority']],
    ]);
    expect((await a.engine.sync()).state).toBe('synced');
    expect(await a.db.table('outbox').count()).toBe(0);
    const rev = (await a.db.table('syncState').get(`rev|tasks|${t.id}`))?.value;
    expect(rev).toBeGreaterThan(0);
  });

  it('pending local edits shadow incoming rows until acknowledged', async () => {
    const a = browser(0);
    const b = browser(1);
    await a.engine.sync();
    await b.engine.sync();
    const t = await a.ws.createTask(users[0]!.memberId, { projectId: null, title: '原标题' });
    await a.engine.sync();
    await b.engine.sync();
    await a.ws.updateTask(users[0]!.memberId, t.id, { title: 'A 的标题' }); // queued, not pushed
    await b.ws.updateTask(users[1]!.memberId, t.id, { title: 'B 的标题', priority: 'P0' });
    await b.engine.sync();
    await a.engine.pull(); // pull only: A's edit is still pending
    expect(await a.db.tasks.get(t.id)).toMatchObject({ title: 'A 的标题', priority: 'P0' });
    await a.engine.sync();
    await b.engine.sync();
    expect(await b.db.tasks.get(t.id)).toMatchObject({ title: 'A 的标题', priority: 'P0' });
  });

  it('rolls a refused write back to the server version and tells its author in the inbox', async () => {
    const owner = browser(0);
    const cs = browser(2);
    await owner.engine.sync();
    const t = await owner.ws.createTask(users[0]!.memberId, { projectId: null, title: '售后跟进', stage: null, assigneeId: users[2]!.memberId });
    await owner.engine.sync();
    // service tasks are visible to cs when assigned to them: set the work area on the server
    await admin.must(`update public.tasks set work_area = 'service' where id = '${t.id}';`);
    await owner.engine.sync();
    await cs.engine.sync();
    expect(await cs.db.tasks.get(t.id)).toBeDefined();
    await cs.ws.deleteTask(users[2]!.memberId, t.id); // cs may not delete tasks
    expect((await cs.db.tasks.get(t.id))?.deletedAt).not.toBeNull();
    await cs.engine.sync();
    expect((await cs.db.tasks.get(t.id))?.deletedAt).toBeNull();
    const alerts = await cs.db.table('alerts').toArray();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'task', taskId: t.id, memberIds: [users[2]!.memberId] });
    expect(alerts[0].message).toContain('42501');
    expect(alerts[0].message).toContain('售后跟进');
    expect(await cs.db.table('outbox').count()).toBe(0);
  });

  it('a rejected create of a row the author cannot see disappears locally (with an alert)', async () => {
    const cs = browser(2);
    await cs.engine.sync();
    const t = await cs.ws.createTask(users[2]!.memberId, { projectId: null, title: '客服不能建任务' });
    await cs.engine.sync();
    expect(await cs.db.tasks.get(t.id)).toBeUndefined();
    expect((await cs.db.table('alerts').toArray()).some((x) => x.message.includes('42501'))).toBe(true);
  });

  it('offline: keeps the outbox, reports offline with the reason, backs off exponentially, then catches up', async () => {
    let now = 1_000_000;
    const net = network();
    const a = browserFor('off', shopId, users[0]!, supabaseServer(clientFor(session, users[0]!, faultyFetch(net, rngFrom(1)))), { clock: () => now, random: () => 1 });
    await a.engine.sync();
    net.offline = true;
    await a.ws.createTask(users[0]!.memberId, { projectId: null, title: '断网时新建' });
    const s1 = await a.engine.sync();
    expect(s1).toMatchObject({ state: 'offline', pending: 1 });
    expect(s1.reason).toMatch(/fetch/i);
    const d1 = a.engine.retryAt() - now;
    now = a.engine.retryAt();
    await a.engine.sync();
    const d2 = a.engine.retryAt() - now;
    expect(d2).toBe(d1 * 2);
    const skipped = await a.engine.sync(); // inside the backoff window: no call
    expect(net.stats.refusedOffline).toBe(2);
    expect(skipped.state).toBe('offline');
    net.offline = false;
    now = a.engine.retryAt();
    expect(await a.engine.sync()).toMatchObject({ state: 'synced', pending: 0, reason: null });
  });

  it('quarantines a malformed pulled row instead of crashing, and keeps going', async () => {
    const real = supabaseServer(clientFor(session, users[0]!));
    const tampering: SyncServer = {
      ...real,
      async pull(shop, since, limit) {
        const page = (await real.pull(shop, since, limit)) as { table: string; row: Record<string, unknown> }[];
        return [...page.map((p, i) => (i === 0 && p.table === 'tasks' ? { ...p, row: { ...p.row, title: 42 } } : p)), { nonsense: true }];
      },
    };
    const a = browser(0, tampering);
    const s = await a.engine.sync();
    expect(s.state).toBe('synced');
    expect(await a.db.quarantine.count()).toBeGreaterThanOrEqual(1);
    expect(((await a.db.tasks.toArray()) as Task[]).length).toBeGreaterThan(0);
  });

  it('dependencies travel as task_dependencies rows and come back as dependsOn', async () => {
    const a = browser(0);
    const b = browser(1);
    await a.engine.sync();
    const x = await a.ws.createTask(users[0]!.memberId, { projectId: null, title: '拍摄' });
    const y = await a.ws.createTask(users[0]!.memberId, { projectId: null, title: '上架', dependsOn: [x.id] });
    await a.engine.sync();
    await b.engine.sync();
    expect((await b.db.tasks.get(y.id))?.dependsOn).toEqual([x.id]);
    await b.ws.updateTask(users[1]!.memberId, y.id, { dependsOn: [] });
    await b.engine.sync();
    await a.engine.sync();
    expect((await a.db.tasks.get(y.id))?.dependsOn).toEqual([]);
  });
});

// A dependency's id is derived from its two tasks, so removing an edge and adding it again
// writes the same row twice: the server revives the tombstone for whoever may edit the task
// (supabase/migrations/20261129000200_sync_pull_and_edges.sql).
describe('re-adding a removed dependency', () => {
  async function serverEdge(taskId: string, dependsOnId: string): Promise<{ deleted: boolean; revision: number }[]> {
    const lines = await admin.must(
      `select json_build_object('deleted', deleted_at is not null, 'revision', revision) from public.task_dependencies
       where task_id = '${taskId}' and depends_on_id = '${dependsOnId}';`,
    );
    return lines.map((l) => JSON.parse(l) as { deleted: boolean; revision: number });
  }

  it('client A adds, removes and re-adds an edge (synced in between, then all at once); client B converges', async () => {
    const a = browser(0);
    const b = browser(1);
    const me = users[0]!.memberId;
    await a.engine.sync();
    await b.engine.sync();
    const x = await a.ws.createTask(me, { projectId: null, title: '拍摄主图' });
    const y = await a.ws.createTask(me, { projectId: null, title: '上架' });

    // Added and synced: B sees it.
    await a.ws.updateTask(me, y.id, { dependsOn: [x.id] });
    expect(await a.engine.sync()).toMatchObject({ state: 'synced', pending: 0 });
    await b.engine.sync();
    expect((await b.db.tasks.get(y.id))?.dependsOn).toEqual([x.id]);
    const [added] = await serverEdge(y.id, x.id);

    // Removed and synced: a tombstone on the server, gone on B.
    await a.ws.updateTask(me, y.id, { dependsOn: [] });
    expect(await a.engine.sync()).toMatchObject({ state: 'synced', pending: 0 });
    await b.engine.sync();
    expect((await b.db.tasks.get(y.id))?.dependsOn).toEqual([]);
    const [removed] = await serverEdge(y.id, x.id);
    expect(removed).toMatchObject({ deleted: true });
    expect(removed!.revision).toBeGreaterThan(added!.revision);

    // Re-added: the same id is pushed again and revived, with no refusal.
    await a.ws.updateTask(me, y.id, { dependsOn: [x.id] });
    expect(await a.db.table('outbox').toArray()).toMatchObject([{ table: 'task_dependencies', op: 'upsert', rowId: dependencyId(y.id, x.id) }]);
    expect(await a.engine.sync()).toMatchObject({ state: 'synced', pending: 0, reason: null });
    expect((await a.db.tasks.get(y.id))?.dependsOn).toEqual([x.id]);
    expect(await a.db.table('alerts').count()).toBe(0);
    const after = await serverEdge(y.id, x.id);
    expect(after).toHaveLength(1); // the same row, live again
    expect(after[0]).toMatchObject({ deleted: false });
    expect(after[0]!.revision).toBeGreaterThan(removed!.revision);
    await b.engine.sync();
    expect((await b.db.tasks.get(y.id))?.dependsOn).toEqual([x.id]);

    // Removed and re-added while offline (both queued, pushed in one batch), then removed and
    // re-added once more on B: everyone ends with the edge, the server with one live row.
    await a.ws.updateTask(me, y.id, { dependsOn: [] });
    await a.ws.updateTask(me, y.id, { dependsOn: [x.id] });
    expect(await a.db.table('outbox').count()).toBe(2);
    expect(await a.engine.sync()).toMatchObject({ state: 'synced', pending: 0, reason: null });
    await b.ws.updateTask(users[1]!.memberId, y.id, { dependsOn: [] });
    await b.engine.sync();
    await a.engine.sync();
    expect((await a.db.tasks.get(y.id))?.dependsOn).toEqual([]);
    await b.ws.updateTask(users[1]!.memberId, y.id, { dependsOn: [x.id] });
    expect(await b.engine.sync()).toMatchObject({ state: 'synced', pending: 0, reason: null });
    await a.engine.sync();
    expect((await a.db.tasks.get(y.id))?.dependsOn).toEqual([x.id]);
    expect((await b.db.tasks.get(y.id))?.dependsOn).toEqual([x.id]);
    expect(await serverEdge(y.id, x.id)).toMatchObject([{ deleted: false }]);
    expect(await b.db.table('alerts').count()).toBe(0);
  });

  it('a role that can no longer edit the task cannot revive its edge: refused, rolled back, and told', async () => {
    const owner = browser(0);
    const cs = browser(2);
    const me = users[0]!.memberId;
    const csMember = users[2]!.memberId;
    await owner.engine.sync();
    // Two service tasks assigned to cs (cs sees and edits them), one after the other.
    const call = await owner.ws.createTask(me, { projectId: null, title: '回访买家', assigneeId: csMember });
    const note = await owner.ws.createTask(me, { projectId: null, title: '记录回访', assigneeId: csMember, dependsOn: [call.id] });
    await owner.engine.sync();
    await admin.must(`update public.tasks set work_area = 'service' where id in ('${call.id}', '${note.id}');`);
    await cs.engine.sync();
    expect((await cs.db.tasks.get(note.id))?.dependsOn).toEqual([call.id]);

    // cs removes and re-adds the edge of their own task: allowed.
    await cs.ws.updateTask(csMember, note.id, { dependsOn: [] });
    await cs.engine.sync();
    await cs.ws.updateTask(csMember, note.id, { dependsOn: [call.id] });
    expect(await cs.engine.sync()).toMatchObject({ state: 'synced', pending: 0, reason: null });
    expect(await serverEdge(note.id, call.id)).toMatchObject([{ deleted: false }]);

    // cs removes it again; the task then goes to someone else, and cs, not yet aware, re-adds
    // the edge: the revival is refused (42501), rolled back locally, and cs is told.
    await cs.ws.updateTask(csMember, note.id, { dependsOn: [] });
    await cs.engine.sync();
    await admin.must(`update public.tasks set assignee_id = '${users[1]!.memberId}' where id = '${note.id}';`);
    await cs.ws.updateTask(csMember, note.id, { dependsOn: [call.id] });
    await cs.engine.sync();
    expect(await cs.db.table('outbox').count()).toBe(0);
    expect(await serverEdge(note.id, call.id)).toMatchObject([{ deleted: true }]);
    expect((await cs.db.tasks.get(note.id))?.dependsOn ?? []).toEqual([]);
    const alerts = (await cs.db.table('alerts').toArray()) as { message: string }[];
    expect(alerts.some((x) => x.message.includes('42501'))).toBe(true);
  });
});
