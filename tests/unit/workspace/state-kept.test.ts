import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZhangguiDb } from '@/lib/db/schema';
import { generationOf } from '@/lib/db/write-generation';
import { WorkspaceService } from '@/lib/workspace/service';

// WorkspaceService.state() keeps its last read until a table it reads is written
// (lib/db/write-generation.ts): these tests say when it must read again.
let db: ZhangguiDb;
let ws: WorkspaceService;

beforeEach(async () => {
  db = new ZhangguiDb(`zg-kept-${Math.random()}`);
  ws = new WorkspaceService(db);
  await ws.setup({ shopName: '木语家居旗舰店', members: [{ name: '王店长', role: 'owner' }, { name: '阿强', role: 'operator' }], meIndex: 0 });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** How many times state() read the tasks table while `fn` ran. */
async function taskReads(fn: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(db.tasks, 'toArray');
  try {
    await fn();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('the kept workspace state', () => {
  it('answers again from what it read while nothing was written', async () => {
    await ws.state();
    expect(await taskReads(async () => {
      await ws.state();
      await ws.state();
    })).toBe(0);
  });

  it('hands out copies: a caller changing its state changes nobody else', async () => {
    const a = await ws.state();
    a.members.pop();
    a.shop!.name = 'changed';
    const b = await ws.state();
    expect(b.members).toHaveLength(2);
    expect(b.shop?.name).toBe('木语家居旗舰店');
  });

  it('reads again after a write through the service', async () => {
    const me = (await ws.state()).meId!;
    await ws.createTask(me, { title: '主图优化', projectId: null, assigneeId: me });
    const s = await ws.state();
    expect(s.tasks.map((t) => t.title)).toContain('主图优化');
  });

  it('reads again after a write straight to a table it depends on, settings included', async () => {
    const before = await ws.state();
    await db.settings.put({ key: 'onboarded', value: false });
    expect((await ws.state()).onboarded).toBe(false);
    await db.members.update(before.members[1]!.id, { name: '阿强强' });
    expect((await ws.state()).members.map((m) => m.name)).toContain('阿强强');
  });

  it('keeps what it read when only other tables are written (figures, activity)', async () => {
    await ws.state();
    const gen = generationOf(db, ['tasks', 'members']);
    await db.activity.put({ id: 'a1', shopId: 's', at: 1, actorId: null, entity: 'task', entityId: 't', action: 'update', field: 'title', oldValue: null, newValue: 'x' });
    expect(generationOf(db, ['tasks', 'members'])).toBe(gen);
    expect(await taskReads(() => ws.state())).toBe(0);
  });

  it('sees a write made through another connection to the same database', async () => {
    const s = await ws.state();
    const other = new ZhangguiDb(db.name);
    try {
      await other.members.update(s.members[1]!.id, { name: '另一个连接' });
      // Dexie tells other connections after the commit (storagemutated), not within the write.
      await vi.waitFor(async () => expect((await ws.state()).members.map((m) => m.name)).toContain('另一个连接'));
    } finally {
      other.close();
    }
  });

  it('reads through the transaction it is called in, and a write there is seen next time', async () => {
    await ws.state();
    const inside = await db.transaction('rw', [db.shops, db.members, db.projects, db.tasks, db.templates, db.settings, db.quarantine], async () => {
      await db.settings.put({ key: 'onboarded', value: false });
      return ws.state();
    });
    expect(inside.onboarded).toBe(false);
    expect((await ws.state()).onboarded).toBe(false);
  });
});
