/**
 * The item catalog store (lib/items/catalog.ts) and its messages: validation on write and on
 * read, last seen wins, per shop, no rewrite per page view, the shop check, the pages titles may
 * come from, and the capture hook (titles riding on metrics.ingest).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allCatalogEntries, CATALOG_TABLE, catalogEntries, itemNames, RESEEN_MS, recordSeenItems } from '@/lib/items/catalog';
import { showsItemTitles } from '@/lib/items/messages';
import { handleMessage } from '@/lib/messaging/handler';
import { detectPage } from '@/lib/taobao/page-detect';
import { fig, setupEnv, type TestEnv } from '../metrics/helpers';

let env: TestEnv;
beforeEach(async () => {
  env = await setupEnv();
});
afterEach(async () => {
  await env.close();
});

const IMG = 'https://img.alicdn.com/imgextra/i1/100000001/O1CN01aa_!!100000001.jpg';
const SELL = 'https://myseller.taobao.com/home.htm/SellManage/all';
const SYCM = 'https://sycm.taobao.com/cc/item_rank?dateType=day&dateRange=2026-11-23%7C2026-11-23';
const ID = { shopId: '100000001', shopTitle: '木语家居旗舰店', loginUserName: 'muyu_home:阿强' };
const shopId = async (): Promise<string> => (await env.workspace.state()).shop!.id;

describe('recordSeenItems', () => {
  it('stores valid titles per shop and refuses what is not an item title', async () => {
    const s = await shopId();
    const r = await recordSeenItems(env.db, s, [
      { itemId: '700000000001', title: ' 北欧实木餐桌  家用小户型 ', imageUrl: IMG },
      { itemId: '700000000002', title: '编辑商品', imageUrl: null },
      { itemId: 'abc', title: '岩板茶几' },
      { itemId: '700000000003', title: '布艺沙发', imageUrl: 'https://evil.example/x.jpg' },
      'junk',
    ], 1_000);
    expect(r.stored).toBe(2);
    expect(r.rejected.map((x) => x.index)).toEqual([1, 2, 4]);
    expect(await itemNames(env.db, s)).toEqual({ '700000000001': '北欧实木餐桌 家用小户型', '700000000003': '布艺沙发' });
    // A picture from outside Taobao's CDN is dropped, the title kept.
    expect((await catalogEntries(env.db, s, ['700000000003']))[0]!.imageUrl).toBeNull();
    // Another shop's catalog is its own.
    expect(await itemNames(env.db, 'other-shop')).toEqual({});
  });

  it('keeps the last title seen, keeps a picture the new page does not show, and does not rewrite an unchanged title within a day', async () => {
    const s = await shopId();
    await recordSeenItems(env.db, s, [{ itemId: '700000000001', title: '北欧实木餐桌', imageUrl: IMG }], 1_000);
    const again = await recordSeenItems(env.db, s, [{ itemId: '700000000001', title: '北欧实木餐桌', imageUrl: IMG }], 2_000);
    expect(again).toMatchObject({ stored: 0, changed: 0 });
    expect((await catalogEntries(env.db, s, ['700000000001']))[0]!.seenAt).toBe(1_000);
    const renamed = await recordSeenItems(env.db, s, [{ itemId: '700000000001', title: '北欧实木餐桌 2026新款', imageUrl: null }], 3_000);
    expect(renamed).toMatchObject({ stored: 1, changed: 1 });
    expect((await catalogEntries(env.db, s, ['700000000001']))[0]).toMatchObject({ title: '北欧实木餐桌 2026新款', imageUrl: IMG, seenAt: 3_000 });
    const later = await recordSeenItems(env.db, s, [{ itemId: '700000000001', title: '北欧实木餐桌 2026新款' }], 3_000 + RESEEN_MS);
    expect(later).toMatchObject({ stored: 1, changed: 0 });
  });

  it('quarantines a corrupted stored row instead of showing it', async () => {
    const s = await shopId();
    await recordSeenItems(env.db, s, [{ itemId: '700000000001', title: '北欧实木餐桌' }], 1_000);
    await env.db.table(CATALOG_TABLE).put({ shopId: s, itemId: '700000000009', title: 42, imageUrl: 'javascript:alert(1)', seenAt: -1 });
    expect(await itemNames(env.db, s, ['700000000001', '700000000009'])).toEqual({ '700000000001': '北欧实木餐桌' });
    expect(await env.db.table(CATALOG_TABLE).get([s, '700000000009'])).toBeUndefined();
    const q = await env.db.quarantine.toArray();
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ table: CATALOG_TABLE, key: `${s}|700000000009` });
    await env.db.table(CATALOG_TABLE).put({ shopId: s, itemId: '700000000008', title: '\u0000', imageUrl: null, seenAt: 1 });
    expect((await allCatalogEntries(env.db, s)).map((e) => e.itemId)).toEqual(['700000000001']);
  });
});

describe('items.seen, items.names, items.list', () => {
  const seen = (items: unknown[], url = SELL, identity: unknown = { shopId: null, shopTitle: '木语家居旗舰店', loginUserName: null }) => handleMessage({ type: 'items.seen', url, identity, items }, env);

  it('takes titles only from pages that show items and no buyer data', () => {
    expect(showsItemTitles(detectPage(SELL))).toBe(true);
    expect(showsItemTitles(detectPage('https://item.upload.taobao.com/sell/v2/publish.htm?itemId=700000000001'))).toBe(true);
    expect(showsItemTitles(detectPage(SYCM))).toBe(true);
    expect(showsItemTitles(detectPage('https://myseller.taobao.com/home.htm/trade-platform/tp/sold'))).toBe(false);
    expect(showsItemTitles(detectPage('https://sycm.taobao.com/custom/login.htm'))).toBe(false);
    expect(showsItemTitles(detectPage('https://example.com/'))).toBe(false);
  });

  it('stores titles from 商品管理, refuses the orders page and another shop, and bumps views only on a change', async () => {
    const onChange = vi.fn();
    const ctx = { ...env, onChange };
    const items = [{ itemId: '700000000001', title: '北欧实木餐桌 家用小户型', imageUrl: IMG }];
    const ok = await handleMessage({ type: 'items.seen', url: SELL, identity: null, items }, ctx);
    expect(ok).toMatchObject({ ok: true, data: { stored: 1, changed: 1, rejected: 0 } });
    expect(onChange).toHaveBeenCalledTimes(1);
    await handleMessage({ type: 'items.seen', url: SELL, identity: null, items }, ctx);
    expect(onChange).toHaveBeenCalledTimes(1); // the same title again: nothing to refresh
    const orders = await seen([{ itemId: '700000000002', title: '买家的订单商品' }], 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold');
    expect(orders.ok).toBe(false);
    // Bind the workspace to 木语家居旗舰店 with a capture, then a page of another shop is refused.
    await handleMessage({ type: 'metrics.ingest', url: SYCM, identity: ID, figures: [fig('uv', 1, '2026-11-23')] }, env);
    const other = await seen([{ itemId: '700000000003', title: '别家商品' }], SELL, { shopId: null, shopTitle: '别家小店', loginUserName: null });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error).toContain('另一个淘宝店铺');
    const names = await handleMessage({ type: 'items.names', itemIds: ['700000000001', '700000000002', '700000000003'] }, env);
    expect(names).toEqual({ ok: true, data: { '700000000001': '北欧实木餐桌 家用小户型' } });
    const list = await handleMessage({ type: 'items.list' }, env);
    expect(list).toMatchObject({ ok: true, data: [{ itemId: '700000000001', title: '北欧实木餐桌 家用小户型', imageUrl: IMG }] });
  });

  it('refuses malformed reports at the protocol (too many items, bad IDs in a names query)', async () => {
    expect((await seen(Array.from({ length: 501 }, () => ({})))).ok).toBe(false);
    expect((await handleMessage({ type: 'items.names', itemIds: ['x'] }, env)).ok).toBe(false);
  });
});

describe('the capture hook: titles riding on metrics.ingest', () => {
  it('stores the titles with the figures, and nothing when the shop is refused', async () => {
    const items = [{ itemId: '700000000001', title: '北欧实木餐桌 家用小户型', imageUrl: IMG }, { itemId: '700000000002', title: '编辑商品' }];
    const r = await handleMessage({ type: 'metrics.ingest', url: SYCM, identity: ID, figures: [fig('uv', 10, '2026-11-23', { itemId: '700000000001' })], items }, env);
    expect(r.ok).toBe(true);
    expect(await itemNames(env.db, await shopId())).toEqual({ '700000000001': '北欧实木餐桌 家用小户型' });
    const refused = await handleMessage(
      { type: 'metrics.ingest', url: SYCM, identity: { ...ID, shopId: '200000002', shopTitle: '别家小店' }, figures: [fig('uv', 10, '2026-11-23', { itemId: '700000000005' })], items: [{ itemId: '700000000005', title: '别家商品' }] },
      env,
    );
    expect(refused.ok).toBe(false);
    expect(Object.keys(await itemNames(env.db, await shopId()))).toEqual(['700000000001']);
  });
});
