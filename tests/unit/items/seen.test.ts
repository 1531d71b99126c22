/**
 * What the pages show as item titles (lib/items/seen.ts) and the capture hook that carries them
 * (captureWithOrigins → items), on the shared saved pages and our own variants.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capturePage, captureWithOrigins } from '@/lib/capture/capture-page';
import { parseHtml, type ParsedPage } from '@/lib/cli/parse-html';
import { cleanImageUrl, cleanTitle, itemSeenOnEditPage, mergeSeen } from '@/lib/items/seen';
import { findItemRows } from '@/lib/taobao/item-rows';
import { OWN, SHARED } from '../capture/helpers';

const pages: ParsedPage[] = [];
const open = (dir: string, file: string, url: string): Document => {
  const p = parseHtml(readFileSync(join(dir, file), 'utf8'), url);
  pages.push(p);
  return p.document;
};
afterAll(async () => {
  for (const p of pages) await p.close();
});

const RANK = 'https://sycm.taobao.com/cc/item_rank?dateType=day&dateRange=2026-11-23%7C2026-11-23';
const SELL = 'https://myseller.taobao.com/home.htm/SellManage/all';
const EDIT = 'https://item.upload.taobao.com/sell/v2/publish.htm?itemId=700000000001';
const IMG1 = 'https://img.alicdn.com/imgextra/i1/100000001/O1CN01aa_!!100000001.jpg';

describe('titles and pictures as pages show them', () => {
  it('keeps plausible titles only: no action links, bare IDs, URLs, control characters or novels', () => {
    expect(cleanTitle('  北欧实木餐桌\n 家用小户型 ')).toBe('北欧实木餐桌 家用小户型');
    for (const bad of ['编辑商品', '趋势', '商品360', 'ID: 700000000001', '700000000001', 'x', '', 'https://item.taobao.com/item.htm?id=1', 'a'.repeat(151), 42, null]) expect(cleanTitle(bad)).toBeNull();
    expect(cleanTitle('岩板\u0000茶几\u200b')).toBe('岩板 茶几');
  });

  it('keeps https pictures on Taobao’s image CDN only', () => {
    expect(cleanImageUrl(IMG1, SELL)).toBe(IMG1);
    expect(cleanImageUrl('//img.alicdn.com/a.jpg', SELL)).toBe('https://img.alicdn.com/a.jpg');
    expect(cleanImageUrl('http://img.alicdn.com/a.jpg', SELL)).toBeNull();
    expect(cleanImageUrl('https://evil.example/a.jpg', SELL)).toBeNull();
    expect(cleanImageUrl('data:image/png;base64,AAAA', SELL)).toBeNull();
    expect(cleanImageUrl('javascript:alert(1)', SELL)).toBeNull();
  });

  it('reads each 商品管理 row’s title and thumbnail (shared page) and the title link of an ARIA grid (our variant)', () => {
    const rows = findItemRows(open(SHARED, 'qianniu/sell-manage.html', SELL), SELL);
    expect(rows.map((r) => r.seen)).toEqual([
      { itemId: '700000000001', title: '北欧实木餐桌 家用小户型', imageUrl: 'https://img.alicdn.com/imgextra/i1/100000001/O1CN01aa_!!100000001.jpg_80x80.jpg' },
      { itemId: '700000000002', title: '岩板茶几 客厅简约', imageUrl: 'https://img.alicdn.com/imgextra/i2/100000001/O1CN01bb_!!100000001.jpg_80x80.jpg' },
      { itemId: '700000000003', title: '布艺沙发 三人位', imageUrl: 'https://img.alicdn.com/imgextra/i3/100000001/O1CN01cc_!!100000001.jpg_80x80.jpg' },
    ]);
    const aria = findItemRows(open(OWN, 'qianniu-sell-manage-aria.html', SELL), SELL);
    // The row whose only link is 编辑商品 has no title: no entry rather than a wrong one.
    expect(aria.map((r) => r.seen?.title ?? null)).toEqual(['北欧实木餐桌 家用小户型', null]);
  });

  it('reads the item edit page: item from the URL, 宝贝标题, first 主图', () => {
    const doc = open(SHARED, 'qianniu/item-edit.html', EDIT);
    expect(itemSeenOnEditPage(doc, EDIT)).toEqual({ itemId: '700000000001', title: '北欧实木餐桌 家用小户型', imageUrl: IMG1 });
    expect(itemSeenOnEditPage(doc, 'https://item.upload.taobao.com/sell/v2/publish.htm')).toBeNull();
  });

  it('merges reports, the later winning, a picture kept when the later has none', () => {
    const a = { itemId: '1', title: '旧标题', imageUrl: 'https://img.alicdn.com/a.jpg' };
    expect(mergeSeen([[a], [{ itemId: '1', title: '新标题', imageUrl: null }]])).toEqual([{ itemId: '1', title: '新标题', imageUrl: 'https://img.alicdn.com/a.jpg' }]);
  });
});

describe('the capture hook: titles seen beside captured figures', () => {
  it('returns the ranking rows’ titles and pictures with the figures, outside the contract object', () => {
    const out = captureWithOrigins({ url: RANK, document: open(SHARED, 'sycm/item-rank.html', RANK) });
    expect(out.result.metrics.length).toBe(15);
    expect(out.items).toEqual([
      { itemId: '700000000001', title: '北欧实木餐桌 家用小户型', imageUrl: IMG1 },
      { itemId: '700000000002', title: '岩板茶几 客厅简约', imageUrl: 'https://img.alicdn.com/imgextra/i2/100000001/O1CN01bb_!!100000001.jpg' },
      { itemId: '700000000003', title: '布艺沙发 三人位', imageUrl: 'https://img.alicdn.com/imgextra/i3/100000001/O1CN01cc_!!100000001.jpg' },
    ]);
    // The capture command prints exactly the contract: no item titles in it.
    expect(Object.keys(capturePage({ url: RANK, document: open(SHARED, 'sycm/item-rank.html', RANK) })).sort()).toEqual(['metrics', 'page', 'shop', 'status', 'warnings']);
  });

  it('reads titles from the item ranking response when the table has not rendered', () => {
    const body = readFileSync(join(SHARED, 'sycm/responses/item-top.json'), 'utf8');
    const out = captureWithOrigins({ url: RANK, document: open(SHARED, 'sycm/loading.html', RANK), responses: [{ url: 'https://sycm.taobao.com/cc/item/view/top.json?dateType=day&dateRange=2026-11-23%7C2026-11-23', body }] });
    expect(out.items.map((i) => [i.itemId, i.title])).toEqual([
      ['700000000001', '北欧实木餐桌 家用小户型'],
      ['700000000002', '岩板茶几 客厅简约'],
      ['700000000003', '布艺沙发 三人位'],
    ]);
    expect(out.items[0]!.imageUrl).toBe(IMG1);
  });

  it('reads a variant table whose rows link to 商品360 (our own page)', () => {
    const url = 'https://sycm.taobao.com/cc/item_rank?dateType=week&dateRange=2026-11-16%7C2026-11-22';
    const out = captureWithOrigins({ url, document: open(OWN, 'sycm-rank-variant.html', url) });
    expect(out.items.map((i) => [i.itemId, i.title])).toEqual([
      ['700000000011', '现代简约书桌'],
      ['700000000012', '实木床头柜'],
    ]);
  });

  it('sees nothing when paused by risk control, on pages without item rows, or when two shops meet on a page', () => {
    const punish = readFileSync(join(SHARED, 'sycm/responses/punish.json'), 'utf8');
    const paused = captureWithOrigins({ url: RANK, document: open(SHARED, 'sycm/item-rank.html', RANK), responses: [{ url: 'https://sycm.taobao.com/cc/item/view/top.json', body: punish }] });
    expect(paused.result.status).toBe('paused');
    expect(paused.items).toEqual([]);
    const home = 'https://myseller.taobao.com/home.htm/QnworkbenchHome/';
    expect(captureWithOrigins({ url: home, document: open(SHARED, 'qianniu/workbench-home.html', home) }).items).toEqual([]);
    const orders = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold';
    expect(captureWithOrigins({ url: orders, document: open(SHARED, 'qianniu/sell-manage.html', orders) }).items).toEqual([]);
  });
});
