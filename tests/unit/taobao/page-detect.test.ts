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

describe('detectPage answers from its cache as it would without it', () => {
  const all = PAGES.flatMap((p) => p.examples.map((url) => ({ kind: p.kind, url })));
  /** The first matching predicate, asked directly (no cache). */
  const uncached = (url: string) => PAGES.find((p) => p.test(new URL(url)))?.kind ?? null;

  it('tries a URL only against its own site’s pages, since every page test starts with the site’s host check', () => {
    const siteOfKind = (kind: string) => kind.split('.')[0];
    for (const p of PAGES) {
      for (const { kind, url } of all) if (p.test(new URL(url))) expect(siteOfKind(p.kind), `${p.kind} on ${url}`).toBe(siteOfKind(kind));
    }
  });

  it('for a URL string and a URL object, asked again and again', () => {
    for (let round = 0; round < 3; round++) {
      for (const { kind, url } of all) {
        expect(detectPage(url)).toBe(kind);
        expect(detectPage(new URL(url))).toBe(kind);
      }
    }
  });

  it('for a URL object changed after it was asked about (an SPA route change)', () => {
    const u = new URL('https://myseller.taobao.com/home.htm/QnworkbenchHome/');
    expect(detectPage(u)).toBe('qianniu.workbench');
    u.pathname = '/home.htm/trade-platform/tp/sold';
    expect(detectPage(u)).toBe('qianniu.orders');
    u.hostname = 'evil.example';
    expect(detectPage(u)).toBeNull();
  });

  it('for more URLs than it keeps', () => {
    for (let i = 0; i < 500; i++) {
      const url = i % 2 ? `https://myseller.taobao.com/home.htm/SellManage/all?current=${i}` : `https://sycm.taobao.com/cc/item_rank?dateType=day&i=${i}`;
      expect(detectPage(url)).toBe(uncached(url));
    }
    for (const { kind, url } of all) expect(detectPage(url)).toBe(kind);
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
