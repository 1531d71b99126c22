import { describe, expect, it } from 'vitest';
import { itemNames, recordSeenItems } from '../../lib/items/catalog';
import { labelFrom } from '../../lib/items/label';
import { itemCatalogServerId } from '../../lib/sync/area/items';
import { lit } from './support/psql';
import { useShopWorld, type TestClient } from './support/world';

// The item catalog between teammates, against the real database: a title one browser read
// from a seller page names the item in a teammate's browser that never opened that page.
const OWNER = 0;
const OPERATOR = 1;
const CS = 2;
const ITEM = '680012345678';
const SELL = 'https://myseller.taobao.com/home.htm/SellManage/all';
const IMG = 'https://img.alicdn.com/imgextra/i1/100000001/O1CN01aa_!!100000001.jpg';
const DAY = 86_400_000;

const world = useShopWorld('catalog', ['owner', 'operator', 'cs']);
const { browser } = world;
const serverTitle = async (itemId: string): Promise<string> =>
  (await world.admin.must(`select title || '|' || floor(extract(epoch from seen_at))::bigint from public.item_catalog where shop_id = ${lit(world.shopId)} and item_id = ${lit(itemId)};`))
    .filter((l) => l.trim() !== '')
    .join();

describe('team sync of the item catalog', () => {
  it("the operator's page read names the item in customer service's browser; re-seeing it sends nothing; a rename travels back", async () => {
    const op = browser(OPERATOR);
    const cs = browser(CS);
    await op.engine.sync();
    await cs.engine.sync();
    expect(labelFrom(await itemNames(cs.db, world.shopId), ITEM)).toBe(ITEM); // a bare ID so far

    // The operator opens 商品管理: the page shows the item's title and picture.
    const now = Date.now();
    const read = await recordSeenItems(op.db, world.shopId, [{ itemId: ITEM, title: '北欧实木餐桌 家用小户型', imageUrl: IMG }], now, SELL);
    expect(read).toMatchObject({ stored: 1, changed: 1 });
    expect(await op.db.table('outbox').count()).toBe(1);
    expect((await op.engine.sync()).state).toBe('synced');
    expect(await world.admin.must(`select id from public.item_catalog where shop_id = ${lit(world.shopId)} and item_id = ${lit(ITEM)};`)).toContain(itemCatalogServerId(world.shopId, ITEM));

    // Customer service never visited that page, and reads "title (ID)".
    await cs.engine.sync();
    expect(labelFrom(await itemNames(cs.db, world.shopId), ITEM)).toBe(`北欧实木餐桌 家用小户型 (${ITEM})`);
    expect(await cs.db.table('itemCatalog').get([world.shopId, ITEM])).toMatchObject({ imageUrl: IMG, seenAt: now });
    expect(await cs.db.table('outbox').count()).toBe(0); // nothing pulled is echoed back

    // Page views of the same title (that hour, and the next day) queue nothing.
    await recordSeenItems(op.db, world.shopId, [{ itemId: ITEM, title: '北欧实木餐桌 家用小户型', imageUrl: IMG }], now + 3_600_000, SELL);
    await recordSeenItems(cs.db, world.shopId, [{ itemId: ITEM, title: '北欧实木餐桌 家用小户型', imageUrl: null }], now + DAY + 1, SELL);
    expect(await op.db.table('outbox').count()).toBe(0);
    expect(await cs.db.table('outbox').count()).toBe(0);

    // The item is renamed; customer service sees the new title first, the operator learns it.
    await recordSeenItems(cs.db, world.shopId, [{ itemId: ITEM, title: '北欧实木餐桌 2026新款', imageUrl: null }], now + 2 * DAY, SELL);
    expect((await cs.engine.sync()).state).toBe('synced');
    await op.engine.sync();
    expect((await itemNames(op.db, world.shopId))[ITEM]).toBe('北欧实木餐桌 2026新款');
    // The picture customer service's page did not show is kept.
    expect(await op.db.table('itemCatalog').get([world.shopId, ITEM])).toMatchObject({ imageUrl: IMG, seenAt: now + 2 * DAY });
  });

  it("last seen wins: a browser that read an older title offline neither rolls the server back nor keeps the old name", async () => {
    const op = browser(OPERATOR);
    const item = '680012345679';
    const now = Date.now();
    await recordSeenItems(op.db, world.shopId, [{ itemId: item, title: '实木餐椅 两把装 新款', imageUrl: IMG }], now, SELL);
    await op.engine.sync();

    // The owner's browser read the item's old title yesterday, offline, and syncs only now.
    const owner = browser(OWNER);
    await recordSeenItems(owner.db, world.shopId, [{ itemId: item, title: '实木餐椅 两把装', imageUrl: null }], now - DAY, SELL);
    expect((await owner.engine.sync()).state).toBe('synced'); // the push is answered ok …
    expect(await serverTitle(item)).toBe(`实木餐椅 两把装 新款|${Math.floor(now / 1000)}`); // … and changes nothing
    expect((await itemNames(owner.db, world.shopId))[item]).toBe('实木餐椅 两把装 新款'); // the later title reached the owner

    // Customer service, joining late, pulls the one row with the later title.
    const cs = browser(CS);
    await cs.engine.sync();
    expect((await itemNames(cs.db, world.shopId))[item]).toBe('实木餐椅 两把装 新款');
  });
});
