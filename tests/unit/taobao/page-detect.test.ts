import { describe, expect, it } from 'vitest';
import { detectPage, isSellerPage, itemIdFromUrl, PAGES } from '@/lib/taobao/page-detect';

describe('page predicates matrix', () => {
  const all = PAGES.flatMap((p) => p.examples.map((url) => ({ kind: p.kind, url })));
  it.each(all)('$url is $kind and nothing else first', ({ kind, url }) => {
    expect(detectPage(url)).toBe(kind);
    // Every other predicate either rejects it or is a fallback that comes later in the list.
    const own = PAGES.findIndex((p) => p.kind === kind);
    PAGES.forEach((p, i) => {
      if (i < own) expect(p.test(new URL(url)), `${p.kind} must not match ${url}`).toBe(false);
    });
  });
  it('every page kind has examples', () => {
    for (const p of PAGES) expect(p.examples.length).toBeGreaterThan(0);
  });
  it.each([
    'https://www.taobao.com/',
    'https://item.taobao.com/item.htm?id=700000000001',
    'http://sycm.taobao.com/portal/home.htm',
    'https://sycm.taobao.com.evil.example/portal/home.htm',
    'https://evil.example/?u=https://sycm.taobao.com/',
    'not a url',
  ])('%s is not a seller page', (url) => {
    expect(detectPage(url)).toBeNull();
    if (URL.canParse(url)) expect(isSellerPage(new URL(url))).toBe(false);
  });
});

describe('itemIdFromUrl', () => {
  it.each([
    ['https://item.upload.taobao.com/sell/v2/publish.htm?itemId=700000000001', '700000000001'],
    ['https://item.taobao.com/item.htm?id=700000000002', '700000000002'],
    ['https://sycm.taobao.com/cc/item_archives#/?itemId=700000000003', '700000000003'],
    ['https://myseller.taobao.com/home.htm/SellManage/all', null],
    ['https://item.taobao.com/item.htm?id=abc', null],
  ])('%s → %s', (url, id) => expect(itemIdFromUrl(url)).toBe(id));
});
