import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZhangguiDb } from '@/lib/db/schema';
import type { OutboxRow } from '@/lib/sync/model';
import { outboxTables, recordOutbox } from '@/lib/sync/outbox';
import { dependencyId } from '@/lib/sync/uuid5';
import { WorkspaceService } from '@/lib/workspace/service';

let db: ZhangguiDb;
let ws: WorkspaceService;
let me: string;

beforeEach(async () => {
  db = new ZhangguiDb(`zg-outbox-${Math.random()}`);
  ws = new WorkspaceService(db, () => 1_700_000_000_000);
  const s = await ws.setup({ shopName: '木语家居旗舰店', members: [{ name: '王店长', role: 'owner' }], meIndex: 0 });
  me = s.meId!;
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const on = (): void => ws.setOutbox({ tables: () => outboxTables(db), record: (rows, at) => recordOutbox(db, rows, at) });
const rows = async (): Promise<OutboxRow[]> => (await db.table('outbox').toArray()) as OutboxRow[];

describe('outbox (team mode)', () => {
  it('local-only mode writes no outbox rows', async () => {
    await ws.createTask(me, { projectId: null, title: 'A' });
    expect(await rows()).toEqual([]);
  });

  it('queues creates in full, edits with only the changed fields, deletes as op delete, with increasing seq', async () => {
    on();
    const t = await ws.createTask(me, { projectId: null, title: 'A', priority: 'P1' });
    await db.table('syncState').put({ key: 'cursor', value: 37 });
    await db.table('syncState').put({ key: `rev|tasks|${t.id}`, value: 41 });
    await ws.updateTask(me, t.id, { status: 'done' });
    await db.table('syncState').put({ key: 'cursor', value: 50 });
    await ws.deleteTask(me, t.id);
    const r = await rows();
    expect(r[2]!.baseRevision).toBe(50);
    expect(r.map((x) => x.op)).toEqual(['upsert', 'upsert', 'delete']);
    expect(r[0]!.fields).toMatchObject({ title: 'A', priority: 'P1', shop_id: t.shopId, created_by: me });
    expect(r[1]).toMatchObject({ table: 'tasks', rowId: t.id, fields: { status: 'done', progress: 1 }, baseRevision: 41 });
    expect(Object.keys(r[1]!.fields).sort()).toEqual(['progress', 'status']);
    expect(r[0]!.seq).toBeLessThan(r[1]!.seq);
  });

  it('turns dependsOn changes into task_dependencies edges', async () => {
    on();
    const a = await ws.createTask(me, { projectId: null, title: 'A' });
    const b = await ws.createTask(me, { projectId: null, title: 'B' });
    await db.table('outbox').clear();
    await ws.updateTask(me, b.id, { dependsOn: [a.id] });
    await ws.updateTask(me, b.id, { dependsOn: [] });
    expect((await rows()).map((x) => [x.table, x.op, x.rowId])).toEqual([
      ['task_dependencies', 'upsert', dependencyId(b.id, a.id)],
      ['task_dependencies', 'delete', dependencyId(b.id, a.id)],
    ]);
    expect((await rows())[0]!.fields).toEqual({ shop_id: a.shopId, task_id: b.id, depends_on_id: a.id });
  });

  it('maps member edits (name → display_name)', async () => {
    on();
    await ws.upsertMember(me, { id: me, name: '王掌柜', role: 'owner' });
    expect((await rows()).map((x) => [x.table, x.fields])).toEqual([['members', { display_name: '王掌柜' }]]);
  });

  it('is in the same transaction as the change: if the outbox write fails, the change is not saved', async () => {
    ws.setOutbox({ tables: () => outboxTables(db), record: async () => Promise.reject(new Error('disk full')) });
    await expect(ws.createTask(me, { projectId: null, title: 'never saved' })).rejects.toThrow('disk full');
    expect(await db.tasks.count()).toBe(0);
    expect(await db.activity.where('entity').equals('task').count()).toBe(0);
  });
});
