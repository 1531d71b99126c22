import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZhangguiDb } from '@/lib/db/schema';
import { targets } from '@/lib/sync/area/targets';
import { markUntracked, setAreaTracking } from '@/lib/sync/area/tracking';
import type { OutboxRow } from '@/lib/sync/model';

const SHOP = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const TASK = '33333333-3333-4333-8333-333333333333';
const ME = '44444444-4444-4444-8444-444444444444';
const T0 = 1_764_000_000_000;

let db: ZhangguiDb;
beforeEach(() => {
  db = new ZhangguiDb(`zg-area-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const outbox = async (): Promise<OutboxRow[]> => (await db.table('outbox').toArray()) as OutboxRow[];
const comment = (over: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(), shopId: SHOP, taskId: TASK, authorId: ME, body: '主图换成白底', mentions: [], at: T0, updatedAt: T0, deletedAt: null, ...over,
});

describe('area store writes → outbox rows (team sync)', () => {
  it('queues nothing in local-only mode', async () => {
    await db.table('comments').add(comment());
    expect(await outbox()).toEqual([]);
  });

  it('queues a new record in full, then only the columns an edit changed, then a soft delete as op delete', async () => {
    setAreaTracking(db, SHOP, () => T0);
    const c = comment();
    await db.table('comments').add(c);
    await db.table('comments').put({ ...c, body: '改成场景图', updatedAt: T0 + 1 });
    await db.table('comments').put({ ...c, body: '改成场景图', updatedAt: T0 + 2, deletedAt: T0 + 2 });
    const rows = await outbox();
    expect(rows.map((r) => [r.table, r.rowId, r.op, r.fields])).toEqual([
      ['comments', c.id, 'upsert', { shop_id: SHOP, task_id: TASK, author_id: ME, body: '主图换成白底', mentions: [] }],
      ['comments', c.id, 'upsert', { body: '改成场景图' }],
      ['comments', c.id, 'delete', {}],
    ]);
    expect(rows.every((r) => r.at === T0 && r.baseRevision === null)).toBe(true);
  });

  it('a put that changes no server column (only local bookkeeping) queues nothing', async () => {
    setAreaTracking(db, SHOP);
    const c = comment();
    await db.table('comments').add(c);
    await db.table('comments').put({ ...c, updatedAt: T0 + 5 });
    expect(await outbox()).toHaveLength(1);
  });

  it("ignores another shop's records and records whose id cannot be a server id", async () => {
    setAreaTracking(db, SHOP);
    await db.table('comments').add(comment({ shopId: OTHER }));
    await db.table('rules').put({ id: 'not-a-uuid', shopId: SHOP, version: 1, name: 'x' });
    expect(await outbox()).toEqual([]);
  });

  it('hard deletes (targets) become op delete under the derived server id, also through clear()', async () => {
    setAreaTracking(db, SHOP);
    const t = { id: `${SHOP}|payAmtRfdRate|`, shopId: SHOP, metric: 'payAmtRfdRate', itemKey: '', monthly: null, line: { direction: 'max', value: 0.05 }, updatedAt: T0, updatedBy: ME };
    await db.table('targets').put(t);
    await db.table('targets').delete(t.id);
    await db.table('targets').put(t);
    await db.table('targets').clear();
    const rows = await outbox();
    const sid = targets.serverId(t);
    expect(rows.map((r) => [r.rowId, r.op])).toEqual([
      [sid, 'upsert'],
      [sid, 'delete'],
      [sid, 'upsert'],
      [sid, 'delete'],
    ]);
    expect(rows[0]!.fields).toEqual({ shop_id: SHOP, metric: 'payAmtRfdRate', item_id: null, monthly: null, value: 0.05, line_direction: 'max', updated_by: ME });
  });

  it('an explicit transaction that names only the area store still gets its outbox row atomically', async () => {
    setAreaTracking(db, SHOP);
    const table = db.table('comments');
    await expect(
      db.transaction('rw', table, async () => {
        await table.add(comment());
        throw new Error('refused later in the same write');
      }),
    ).rejects.toThrow('refused later');
    expect(await table.count()).toBe(0);
    expect(await outbox()).toEqual([]);
    await db.transaction('rw', table, async () => {
      await table.add(comment());
    });
    expect(await outbox()).toHaveLength(1);
  });

  it('a failed add (duplicate key) queues nothing', async () => {
    setAreaTracking(db, SHOP);
    const c = comment();
    await db.table('comments').add(c);
    await expect(db.table('comments').add(c)).rejects.toThrow();
    expect(await outbox()).toHaveLength(1);
  });

  it('writes marked untracked (rows pulled from the server) are not echoed back', async () => {
    setAreaTracking(db, SHOP);
    await db.transaction('rw', [db.table('comments'), db.table('outbox')], async () => {
      markUntracked();
      await db.table('comments').add(comment());
    });
    expect(await db.table('comments').count()).toBe(1);
    expect(await outbox()).toEqual([]);
  });

  it('switching tracking off (disconnect) stops queueing', async () => {
    setAreaTracking(db, SHOP);
    await db.table('comments').add(comment());
    setAreaTracking(db, null);
    await db.table('comments').add(comment());
    expect(await outbox()).toHaveLength(1);
  });
});
