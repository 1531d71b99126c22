/**
 * The item catalog in team sync (lib/sync/area/items.ts): the server id and compound key,
 * the round trip through the server columns, last seen wins on pull, no outbox row for a
 * title seen again (only a new title or picture travels, as a whole row), local deletes
 * stay local, and the engine storing pulled rows under the compound key.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZhangguiDb } from '@/lib/db/schema';
import { CATALOG_TABLE, catalogEntries, RESEEN_MS, recordSeenItems } from '@/lib/items/catalog';
import { adapterForStore, adapterForTable } from '@/lib/sync/area';
import { itemCatalog, itemCatalogServerId } from '@/lib/sync/area/items';
import { setAreaTracking } from '@/lib/sync/area/tracking';
import { SyncEngine } from '@/lib/sync/engine';
import type { OutboxRow } from '@/lib/sync/model';
import type { SyncServer } from '@/lib/sync/server';
import { uuidv5 } from '@/lib/sync/uuid5';

const SHOP = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const ITEM = '680012345678';
const IMG = 'https://img.alicdn.com/imgextra/i1/O1CN01abc.jpg';
const IMG2 = 'https://img.alicdn.com/imgextra/i2/O1CN01def.jpg';
const T0 = Date.UTC(2026, 10, 20, 2, 0, 0, 123);
const HOUR = 3_600_000;

const entry = (over: Record<string, unknown> = {}) => ({ shopId: SHOP, itemId: ITEM, title: '北欧实木餐桌 家用小户型', imageUrl: IMG, seenAt: T0, ...over });
/** What pull_changes hands back for an entry. */
const serverRow = (e: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  ...itemCatalog.toServer(e),
  id: itemCatalog.serverId(e),
  revision: 7,
  field_revisions: {},
  created_at: new Date(T0).toISOString(),
  updated_at: new Date(T0).toISOString(),
  deleted_at: null,
  ...over,
});

describe('item catalog adapter', () => {
  it('is registered for the itemCatalog store and public.item_catalog', () => {
    expect(adapterForStore(CATALOG_TABLE)).toBe(itemCatalog);
    expect(adapterForTable('item_catalog')).toBe(itemCatalog);
    expect(itemCatalog.deletes).toBe('none');
  });

  it('round-trips a record through the server columns; the Dexie key is the compound [shopId, itemId]', () => {
    const e = entry();
    expect(itemCatalog.toServer(e)).toEqual({ shop_id: SHOP, item_id: ITEM, title: '北欧实木餐桌 家用小户型', image_url: IMG, seen_at: '2026-11-20T02:00:00.123Z' });
    const row = serverRow(e);
    expect(itemCatalog.localKey(row)).toEqual([SHOP, ITEM]);
    expect(itemCatalog.fromServer(row, undefined)).toEqual({ ok: true, record: e });
    // Postgres answers timestamptz as "+00:00" with microseconds: the same instant.
    expect(itemCatalog.fromServer({ ...row, seen_at: '2026-11-20 02:00:00.123+00', image_url: null }, undefined)).toEqual({ ok: true, record: { ...e, imageUrl: null } });
  });

  it('derives the server id from shop and item (every browser writes one row); records the catalog refuses have none', () => {
    expect(itemCatalog.serverId(entry())).toBe(uuidv5(`item|${SHOP}|${ITEM}`));
    expect(itemCatalog.serverId(entry())).toBe(itemCatalogServerId(SHOP, ITEM));
    expect(itemCatalog.serverId(entry({ shopId: OTHER }))).not.toBe(itemCatalog.serverId(entry()));
    expect(itemCatalog.serverId(entry({ title: '编辑商品 ' }))).toBeNull(); // not a clean title
    expect(itemCatalog.serverId(entry({ itemId: '12' }))).toBeNull();
    expect(itemCatalog.serverId(entry({ imageUrl: 'not a url' }))).toBeNull();
  });

  it('last seen wins on pull: a row seen earlier than the local record does not replace it; a later one does', () => {
    const local = entry({ title: '北欧实木餐桌 2026新款', seenAt: T0 + HOUR });
    const older = serverRow(entry({ title: '北欧实木餐桌 旧款', imageUrl: null }));
    expect(itemCatalog.fromServer(older, local)).toEqual({ ok: true, record: local });
    const newer = serverRow(entry({ title: '北欧实木餐桌 旗舰款', seenAt: T0 + 2 * HOUR }));
    expect(itemCatalog.fromServer(newer, local)).toEqual({ ok: true, record: entry({ title: '北欧实木餐桌 旗舰款', seenAt: T0 + 2 * HOUR }) });
    // Same moment: the server's row (what every teammate has).
    const tie = serverRow(entry({ title: '北欧实木餐桌 同时', seenAt: T0 + HOUR }));
    expect(itemCatalog.fromServer(tie, local)).toMatchObject({ ok: true, record: { title: '北欧实木餐桌 同时' } });
    // A local record that does not parse does not protect anything.
    expect(itemCatalog.fromServer(older, { ...local, title: 42 })).toMatchObject({ ok: true, record: { title: '北欧实木餐桌 旧款' } });
  });

  it('a pulled row the catalog schema refuses is reported with the field', () => {
    const bad = itemCatalog.fromServer(serverRow(entry(), { title: 'x'.repeat(151) }), undefined);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/title/);
    const noTime = itemCatalog.fromServer(serverRow(entry(), { seen_at: null }), undefined);
    expect(noTime.ok).toBe(false);
  });
});

describe('item catalog writes → outbox rows', () => {
  let db: ZhangguiDb;
  beforeEach(() => {
    db = new ZhangguiDb(`zg-items-${Math.random()}`);
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });
  const outbox = async (): Promise<OutboxRow[]> => (await db.table('outbox').toArray()) as OutboxRow[];
  const seen = (title: string, imageUrl: string | null = IMG) => [{ itemId: ITEM, title, imageUrl }];

  it('a new title queues the whole row; seeing it again (within the day or after) queues nothing', async () => {
    setAreaTracking(db, SHOP, () => T0);
    await recordSeenItems(db, SHOP, seen('北欧实木餐桌'), T0);
    const first = await outbox();
    expect(first.map((r) => [r.table, r.rowId, r.op, r.fields])).toEqual([
      ['item_catalog', itemCatalogServerId(SHOP, ITEM), 'upsert', { shop_id: SHOP, item_id: ITEM, title: '北欧实木餐桌', image_url: IMG, seen_at: new Date(T0).toISOString() }],
    ]);
    // Every page view of the same title: no write, no row.
    for (let i = 1; i <= 5; i++) await recordSeenItems(db, SHOP, seen('北欧实木餐桌'), T0 + i * HOUR);
    // A day later the catalog refreshes seen_at locally; that alone travels nowhere.
    const later = await recordSeenItems(db, SHOP, seen('北欧实木餐桌'), T0 + RESEEN_MS + HOUR);
    expect(later.stored).toBe(1);
    expect((await catalogEntries(db, SHOP, [ITEM]))[0]!.seenAt).toBe(T0 + RESEEN_MS + HOUR);
    expect(await outbox()).toHaveLength(1);
  });

  it('a new title or picture queues the whole row again, with the new seen_at', async () => {
    setAreaTracking(db, SHOP, () => T0);
    await recordSeenItems(db, SHOP, seen('北欧实木餐桌'), T0);
    await recordSeenItems(db, SHOP, seen('北欧实木餐桌 2026新款'), T0 + HOUR);
    await recordSeenItems(db, SHOP, seen('北欧实木餐桌 2026新款', IMG2), T0 + 2 * HOUR);
    // A page without a picture keeps the one we had: nothing changed, nothing queued.
    await recordSeenItems(db, SHOP, seen('北欧实木餐桌 2026新款', null), T0 + 3 * HOUR);
    const rows = await outbox();
    expect(rows.map((r) => r.fields)).toEqual([
      { shop_id: SHOP, item_id: ITEM, title: '北欧实木餐桌', image_url: IMG, seen_at: new Date(T0).toISOString() },
      { shop_id: SHOP, item_id: ITEM, title: '北欧实木餐桌 2026新款', image_url: IMG, seen_at: new Date(T0 + HOUR).toISOString() },
      { shop_id: SHOP, item_id: ITEM, title: '北欧实木餐桌 2026新款', image_url: IMG2, seen_at: new Date(T0 + 2 * HOUR).toISOString() },
    ]);
  });

  it("queues nothing in local-only mode, for another shop, or when the catalog quarantines or deletes a row", async () => {
    await recordSeenItems(db, SHOP, seen('北欧实木餐桌'), T0);
    expect(await outbox()).toEqual([]);
    setAreaTracking(db, SHOP, () => T0);
    await recordSeenItems(db, OTHER, seen('别家的餐桌'), T0);
    expect(await outbox()).toEqual([]);
    // A corrupted row is moved to quarantine when read: the shop's server row stays.
    await db.table(CATALOG_TABLE).put({ ...entry(), title: '' });
    expect(await outbox()).toEqual([]);
    expect(await catalogEntries(db, SHOP, [ITEM])).toEqual([]);
    expect(await db.quarantine.where('table').equals(CATALOG_TABLE).count()).toBe(1);
    await db.table(CATALOG_TABLE).put(entry());
    await db.table(CATALOG_TABLE).delete([SHOP, ITEM]);
    expect((await outbox()).map((r) => r.op)).toEqual(['upsert']);
  });
});

describe('sync engine: pulled catalog rows', () => {
  let db: ZhangguiDb;
  let page: unknown[];
  const server: SyncServer = {
    async push(_c, mutations) {
      return mutations.map((m, i) => ({ seq: m.seq, status: 'ok' as const, revision: 100 + i, code: null, message: null, conflicts: [] }));
    },
    async pull(_shop, since) {
      return since === 0 ? page : [];
    },
    async select() {
      return [];
    },
    async uploadFile() {},
    async downloadFile() {
      throw new Error('not used');
    },
  };
  beforeEach(() => {
    db = new ZhangguiDb(`zg-items-pull-${Math.random()}`);
    setAreaTracking(db, SHOP);
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });
  const element = (revision: number, row: Record<string, unknown>) => ({ table: 'item_catalog', revision, row: { ...row, revision } });

  it('stores rows under [shopId, itemId], keeps a newer local title, removes on a tombstone, quarantines a bad row, echoes nothing', async () => {
    const mine = entry({ itemId: '680000000002', title: '我刚看到的新标题', seenAt: T0 + HOUR });
    await db.table(CATALOG_TABLE).put(mine);
    await db.table(CATALOG_TABLE).put(entry({ itemId: '680000000003', title: '要被清掉的' }));
    await db.table('outbox').clear(); // as if those were pushed already
    page = [
      element(1, serverRow(entry({ itemId: '680000000001', title: '同事看到的标题' }))),
      element(2, serverRow(entry({ itemId: '680000000002', title: '更早的旧标题' }))),
      element(3, serverRow(entry({ itemId: '680000000003' }), { deleted_at: new Date(T0).toISOString() })),
      element(4, serverRow(entry({ itemId: '680000000004' }), { title: '' })),
    ];
    const engine = new SyncEngine({ db, server, shopId: SHOP, userId: null });
    const status = await engine.sync();
    expect(status.state).toBe('synced');
    expect(await db.table(CATALOG_TABLE).get([SHOP, '680000000001'])).toEqual(entry({ itemId: '680000000001', title: '同事看到的标题' }));
    expect(await db.table(CATALOG_TABLE).get([SHOP, '680000000002'])).toEqual(mine);
    expect(await db.table(CATALOG_TABLE).get([SHOP, '680000000003'])).toBeUndefined();
    expect(await db.table(CATALOG_TABLE).get([SHOP, '680000000004'])).toBeUndefined();
    const q = await db.quarantine.where('table').equals('sync:item_catalog').toArray();
    expect(q.map((x) => x.key)).toEqual([`${SHOP}|680000000004`]);
    expect(await db.table('outbox').count()).toBe(0);
  });
});
