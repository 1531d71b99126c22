import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, ZhangguiDb } from '@/lib/db/schema';
import { ingestFigures, lastDateOf, scopeRange } from '@/lib/metrics/store';
import { itemNames, recordSeenItems } from '@/lib/items/catalog';
import { WorkspaceService } from '@/lib/workspace/service';

let n = 0;
const names: string[] = [];
const freshName = (): string => {
  const name = `zg-test-${++n}-${Math.random()}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const v1Task = {
  id: 't1', shopId: 's1', projectId: null, title: '核对库存', description: '', stage: '选品策划', assigneeId: 'm1',
  startDate: '2026-11-01', dueDate: '2026-11-03', priority: 'P1', status: 'done', dependsOn: [], itemIds: ['700000000001'],
  sourceUrl: null, createdBy: null, createdAt: 1, updatedAt: 1,
};

describe('Dexie migrations', () => {
  it('declares versions in increasing order', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('upgrades a v1 database with data in it to the current version', async () => {
    const name = freshName();
    const old = new ZhangguiDb(name, 1);
    await old.open();
    expect(old.verno).toBe(1);
    await old.table('shops').put({ id: 's1', name: '木语家居', taobaoShopId: null, createdAt: 1, updatedAt: 1 });
    await old.table('members').put({ id: 'm1', shopId: 's1', name: '老王', role: 'warehouse', taobaoAccount: null, createdAt: 1, updatedAt: 1 });
    await old.table('tasks').put(v1Task);
    await old.table('tasks').put({ ...v1Task, id: 't2', status: 'todo' });
    old.close();

    const db = new ZhangguiDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const t1 = await db.tasks.get('t1');
    expect(t1).toMatchObject({ progress: 1, metric: null, sourceTitle: null, deletedAt: null, title: '核对库存' });
    expect((await db.tasks.get('t2'))!.progress).toBe(0);
    // the indexes that stay work on migrated rows
    expect(await db.tasks.where('assigneeId').equals('m1').count()).toBe(2);
    const state = await new WorkspaceService(db).state();
    expect(state.tasks).toHaveLength(2);
    expect(state.members[0]!.deletedAt).toBeNull();
    expect(state.quarantined).toBe(0);
    // The metric store (v2, one record per month of days) works on the upgraded database.
    const uv = { metric: 'uv', period: 'day', itemId: '700000000001', source: 'dom' };
    const figures = [{ ...uv, value: 10, date: '2026-10-31' }, { ...uv, value: 12, date: '2026-11-01' }];
    const ingested = await ingestFigures(db, { shopId: 's1', capturedAt: 5, today: '2026-11-24', figures });
    expect(ingested.rejected).toEqual([]);
    const item = await scopeRange(db, 's1', '700000000001', '2026-10-01', '2026-11-30');
    expect(item.map((r) => [r.date, r.value])).toEqual([
      ['2026-10-31', 10],
      ['2026-11-01', 12],
    ]);
    expect(await lastDateOf(db, 's1', 'uv', 'day')).toBe('2026-11-01');
    db.close();
  });

  it('upgrades a v3 database with data in it to v4: everything kept, the item catalog empty and working', async () => {
    const name = freshName();
    const old = new ZhangguiDb(name, 3);
    await old.open();
    expect(old.verno).toBe(3);
    await old.table('shops').put({ id: 's1', name: '木语家居', taobaoShopId: '100000001', createdAt: 1, updatedAt: 1, deletedAt: null });
    await old.table('members').put({ id: 'm1', shopId: 's1', name: '阿强', role: 'operator', taobaoAccount: null, createdAt: 1, updatedAt: 1, deletedAt: null });
    await old.table('tasks').put({ ...v1Task, progress: 1, metric: 'payAmt', sourceTitle: null, deletedAt: null });
    await old.table('targets').put({ id: 's1|payAmt|', shopId: 's1', metric: 'payAmt', itemKey: '', monthly: 300000, line: null, updatedAt: 1, updatedBy: null });
    await old.table('rules').put({ id: 'r1', shopId: 's1', name: '规则' });
    await old.table('settings').put({ key: 'currentMemberId', value: 'm1' });
    old.close();
    // Figures written through the store before the upgrade.
    const mid = new ZhangguiDb(name, 3);
    await mid.open();
    const uv = { metric: 'uv', period: 'day', itemId: '700000000001', source: 'dom' };
    expect((await ingestFigures(mid, { shopId: 's1', capturedAt: 5, today: '2026-11-24', figures: [{ ...uv, value: 12, date: '2026-11-01' }] })).rejected).toEqual([]);
    mid.close();

    const db = new ZhangguiDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(db.tables.map((t) => t.name)).toContain('itemCatalog');
    expect(await db.table('targets').get('s1|payAmt|')).toMatchObject({ monthly: 300000 });
    expect(await db.table('rules').count()).toBe(1);
    expect((await db.tasks.get('t1'))!.metric).toBe('payAmt');
    expect((await scopeRange(db, 's1', '700000000001', '2026-11-01', '2026-11-30')).map((r) => r.value)).toEqual([12]);
    expect(await itemNames(db, 's1')).toEqual({});
    await recordSeenItems(db, 's1', [{ itemId: '700000000001', title: '北欧实木餐桌 家用小户型' }], 10);
    expect(await itemNames(db, 's1', ['700000000001'])).toEqual({ '700000000001': '北欧实木餐桌 家用小户型' });
    expect((await new WorkspaceService(db).state()).quarantined).toBe(0);
    db.close();
  });

  it('quarantines a corrupted record and reports it instead of failing', async () => {
    const name = freshName();
    const db = new ZhangguiDb(name);
    await db.open();
    await db.shops.put({ id: 's1', name: '木语家居', taobaoShopId: null, createdAt: 1, updatedAt: 1 });
    await db.tasks.put({ ...v1Task, progress: 0, metric: null, sourceTitle: null, deletedAt: null } as never);
    await db.tasks.put({ id: 'bad', title: 42, status: 'exploded' } as never);
    const state = await new WorkspaceService(db).state();
    expect(state.tasks.map((t) => t.id)).toEqual(['t1']);
    expect(state.quarantined).toBe(1);
    const q = await db.quarantine.toArray();
    expect(q[0]).toMatchObject({ table: 'tasks', key: 'bad' });
    expect(q[0]!.reason).toMatch(/title|status/);
    expect(await db.tasks.get('bad')).toBeUndefined();
    db.close();
  });
});
