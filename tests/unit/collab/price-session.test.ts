import { describe, expect, it } from 'vitest';
import { isSaveUrl, readPriceResponse } from '@/lib/collab/price-response';
import { PriceSession } from '@/lib/collab/price-session';

/**
 * Saved prices on the item edit page: the page's own load and save responses against the SKU
 * table. The response bodies below follow the two shapes the page's requests can take: the
 * publish app's own endpoints (`{success, models: {…}}`, as the sell v2 page answers) and the
 * mtop gateway (`{api, data, ret: ["SUCCESS::…"], v}`); their exact fields are not documented
 * (taobao-pages.md), so the reader looks only for skuId with price/skuPrice.
 */
const ITEM = '700000000001';
const TABLE = [
  { skuId: '5100000000011', price: 1299, label: '原木色 1.2米' },
  { skuId: '5100000000012', price: 1499, label: '原木色 1.4米' },
  { skuId: '5100000000013', price: 1599, label: '胡桃色 1.4米' },
];
const typed = (sku: string, price: number) => TABLE.map((s) => (s.skuId === sku ? { ...s, price } : s));

const LOAD_URL = `https://item.upload.taobao.com/sell/v2/asyncOpt.htm?optType=skuInfo&itemId=${ITEM}&_=1764000000000`;
const SAVE_URL = 'https://item.upload.taobao.com/sell/v2/submit.htm';
const MTOP_SAVE_URL = 'https://h5api.m.taobao.com/h5/mtop.taobao.sell.pc.publish.submit/1.0/?jsv=2.7.2&appKey=12574478&t=1764000000000&sign=0&api=mtop.taobao.sell.pc.publish.submit&v=1.0';

const sku = (skuId: string, skuPrice: string, color: string, size: string, stock: number) => ({
  skuId: Number(skuId),
  skuPrice,
  skuStock: stock,
  skuOuterId: `MY-${size}`,
  props: [
    { pid: 1627207, vid: 28320, text: color },
    { pid: 20509, vid: 28383, text: size },
  ],
});
const loadBody = JSON.stringify({
  success: true,
  models: {
    itemId: Number(ITEM),
    sku: {
      value: [sku('5100000000011', '1299.00', '原木色', '1.2米', 80), sku('5100000000012', '1499.00', '原木色', '1.4米', 52), sku('5100000000013', '1599.00', '胡桃色', '1.4米', 20)],
    },
    price: { value: '1299.00' },
  },
});
const saveBody = (price12: string) =>
  JSON.stringify({
    success: true,
    models: {
      globalMessage: { type: 'success', msg: '宝贝编辑成功', successUrl: `//item.upload.taobao.com/sell/v2/success.htm?itemId=${ITEM}&type=edit` },
      sku: { value: [sku('5100000000011', '1299.00', '原木色', '1.2米', 80), sku('5100000000012', price12, '原木色', '1.4米', 52), sku('5100000000013', '1599.00', '胡桃色', '1.4米', 20)] },
    },
  });
const ackBody = JSON.stringify({ success: true, models: { globalMessage: { type: 'success', msg: '宝贝编辑成功', successUrl: `//item.upload.taobao.com/sell/v2/success.htm?itemId=${ITEM}` } } });
const failBody = JSON.stringify({ success: false, models: { globalMessage: { type: 'error', msg: '销售价格不能低于一口价的 10%' }, formError: { sku: '价格不合法' } } });
const mtopSave = (ret: string, skus: Array<{ skuId: string; price: string }>) => JSON.stringify({ api: 'mtop.taobao.sell.pc.publish.submit', data: { itemId: ITEM, skuList: skus }, ret: [ret], v: '1.0' });

describe('readPriceResponse', () => {
  it('reads skuPrice (sell v2) and price (mtop) for the item, and tells saves and failures', () => {
    expect(readPriceResponse(LOAD_URL, loadBody, ITEM)).toEqual({
      prices: [
        { skuId: '5100000000011', price: 1299 },
        { skuId: '5100000000012', price: 1499 },
        { skuId: '5100000000013', price: 1599 },
      ],
      save: false,
      failed: false,
    });
    expect(readPriceResponse(MTOP_SAVE_URL, mtopSave('SUCCESS::调用成功', [{ skuId: '5100000000012', price: '1,399.00' }]), ITEM)).toEqual({
      prices: [{ skuId: '5100000000012', price: 1399 }],
      save: true,
      failed: false,
    });
    expect(readPriceResponse(SAVE_URL, failBody, ITEM)).toEqual({ prices: null, save: true, failed: true });
    expect(readPriceResponse(MTOP_SAVE_URL, mtopSave('FAIL_BIZ_SKU_PRICE_ERROR::价格校验失败', []), ITEM)).toMatchObject({ save: true, failed: true });
    // Another item's prices, or a body that is not JSON, say nothing about this one.
    expect(readPriceResponse(LOAD_URL, loadBody.replaceAll(ITEM, '700000000002'), ITEM).prices).toBeNull();
    expect(readPriceResponse(SAVE_URL, '<html>登录超时</html>', ITEM)).toEqual({ prices: null, save: true, failed: false });
  });
  it.each([
    [SAVE_URL, true],
    [MTOP_SAVE_URL, true],
    ['https://sell.publish.tmall.com/tmall/publish.htm?id=700000000002', true],
    ['https://item.upload.taobao.com/sell/v2/asyncUpdate.json', true],
    [LOAD_URL, false],
    ['https://item.upload.taobao.com/sell/v2/catProps.json?catId=50020611', false],
    ['https://h5api.m.taobao.com/h5/mtop.taobao.sell.pc.manage.async/1.0/', false],
  ])('isSaveUrl(%s) is %s', (url, want) => expect(isSaveUrl(url)).toBe(want));
});

describe('PriceSession', () => {
  it('records the save response’s prices, once, with source response, and not the table’s as well', () => {
    const s = new PriceSession(ITEM, TABLE);
    expect(s.response(LOAD_URL, loadBody)).toBeNull(); // the prices before: the same as the table
    s.submit(typed('5100000000012', 1399));
    expect(s.waiting).toBe(true);
    // Unrelated responses while the save is under way decide nothing.
    expect(s.response('https://item.upload.taobao.com/sell/v2/catProps.json?catId=50020611', '{"success":true,"models":{}}')).toBeNull();
    expect(s.waiting).toBe(true);
    expect(s.response(SAVE_URL, saveBody('1399.00'))).toEqual({
      source: 'response',
      changes: [{ skuId: '5100000000012', label: '原木色 1.4米', oldPrice: 1499, newPrice: 1399 }],
    });
    expect(s.waiting).toBe(false);
    // Nothing is left for the table to record, and the same response again (a replay) records nothing.
    expect(s.flush()).toBeNull();
    expect(s.response(SAVE_URL, saveBody('1399.00'))).toBeNull();
  });
  it('prefers what the page saved over what the table showed when they differ', () => {
    const s = new PriceSession(ITEM, TABLE);
    s.submit(typed('5100000000012', 1399.99));
    // The page saved 1399.00 (it rounds to the yuan on this category): that is the price now.
    expect(s.response(MTOP_SAVE_URL, mtopSave('SUCCESS::调用成功', [{ skuId: '5100000000012', price: '1399.00' }]))).toEqual({
      source: 'response',
      changes: [{ skuId: '5100000000012', label: '原木色 1.4米', oldPrice: 1499, newPrice: 1399 }],
    });
  });
  it('takes the prices before the edit from the page’s load response when it differs from the table', () => {
    // The table still showed a stale 1,499 (a draft); the page's data says 1,459 was saved.
    const s = new PriceSession(ITEM, TABLE);
    s.response(LOAD_URL, loadBody.replace('"1499.00"', '"1459.00"'));
    s.submit(typed('5100000000012', 1399));
    expect(s.response(SAVE_URL, ackBody)).toEqual({ source: 'response', changes: [{ skuId: '5100000000012', label: '原木色 1.4米', oldPrice: 1459, newPrice: 1399 }] });
  });
  it('records nothing when the save fails or risk control answers', () => {
    const s = new PriceSession(ITEM, TABLE);
    s.submit(typed('5100000000012', 99));
    expect(s.response(SAVE_URL, failBody)).toBeNull();
    expect(s.waiting).toBe(false);
    expect(s.flush()).toBeNull();
    s.submit(typed('5100000000012', 99));
    expect(s.response('https://item.upload.taobao.com/sell/v2/submit.htm', '{"rgv587_flag":"sm","url":"https://bixi.alicdn.com/punish/..."}')).toBeNull();
    expect(s.flush()).toBeNull();
    // The prices before stay what they were: the next successful save is measured from 1499.
    s.submit(typed('5100000000012', 1399));
    expect(s.flush()).toEqual({ source: 'dom', changes: [{ skuId: '5100000000012', label: '原木色 1.4米', oldPrice: 1499, newPrice: 1399 }] });
  });
  it('falls back to the table when the save response has no prices, or none comes', () => {
    const s = new PriceSession(ITEM, TABLE);
    s.submit(typed('5100000000011', 1199));
    expect(s.response(SAVE_URL, ackBody)).toEqual({ source: 'dom', changes: [{ skuId: '5100000000011', label: '原木色 1.2米', oldPrice: 1299, newPrice: 1199 }] });
    // A second submit with no response at all: the table at that submit, measured from the first.
    s.submit(typed('5100000000011', 1099));
    expect(s.flush()).toEqual({ source: 'dom', changes: [{ skuId: '5100000000011', label: '原木色 1.2米', oldPrice: 1199, newPrice: 1099 }] });
    // A late save response after the table decided is only the new "before".
    expect(s.response(SAVE_URL, saveBody('1499.00'))).toBeNull();
    expect(s.flush()).toBeNull();
  });
  it('records a submit with no change as nothing', () => {
    const s = new PriceSession(ITEM, TABLE);
    s.submit(TABLE);
    expect(s.response(SAVE_URL, saveBody('1499.00'))).toEqual({ source: 'response', changes: [] });
  });
});
