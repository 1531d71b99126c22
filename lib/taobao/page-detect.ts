/**
 * Pure page predicates over a URL, one per page kind the extension knows
 * (../shared/docs/taobao-pages.md, "Hosts and pages"). Each predicate lists
 * example URLs; tests/unit/taobao/page-detect.test.ts checks every predicate
 * against its own examples and every other predicate's examples as negatives.
 *
 * Qianniu routes live in the path after `/home.htm/`; some Sycm tools use `#/`
 * hash routes, so predicates look at path and hash, never at the DOM.
 */

export type PageKind =
  | 'sycm.login'
  | 'sycm.home'
  | 'sycm.itemRank'
  | 'sycm.itemArchives'
  | 'sycm.flow'
  | 'sycm.service'
  | 'sycm.preheating'
  | 'sycm.other'
  | 'qianniu.workbench'
  | 'qianniu.sellManage'
  | 'qianniu.orders'
  | 'qianniu.pictureSpace'
  | 'qianniu.campaigns'
  | 'qianniu.finance'
  | 'qianniu.other'
  | 'itemEdit';

interface PageDef {
  kind: PageKind;
  test: (u: URL) => boolean;
  examples: string[];
}

const SYCM_HOSTS = new Set(['sycm.taobao.com']);
const QIANNIU_HOSTS = new Set(['myseller.taobao.com', 'qn.taobao.com']);
const ITEM_EDIT_HOSTS = new Set(['item.upload.taobao.com', 'sell.publish.tmall.com']);

export function isSycm(u: URL): boolean {
  return u.protocol === 'https:' && SYCM_HOSTS.has(u.hostname);
}
export function isQianniu(u: URL): boolean {
  return u.protocol === 'https:' && QIANNIU_HOSTS.has(u.hostname);
}
export function isItemEditHost(u: URL): boolean {
  return u.protocol === 'https:' && ITEM_EDIT_HOSTS.has(u.hostname);
}
/** Any page of the seller console we work on. */
export function isSellerPage(u: URL): boolean {
  return isSycm(u) || isQianniu(u) || isItemEditHost(u);
}

/** The Qianniu route: `/home.htm/SellManage/all` → `SellManage/all`. */
function qianniuRoute(u: URL): string {
  const m = /^\/home\.htm\/?(.*)$/.exec(u.pathname);
  return (m?.[1] ?? '').replace(/\/+$/, '');
}
const qnRoute = (prefix: string) => (u: URL) => isQianniu(u) && (qianniuRoute(u) === prefix || qianniuRoute(u).startsWith(`${prefix}/`));
/** Sycm path or hash route starts with one of the prefixes. */
const sycmPath = (...prefixes: string[]) => (u: URL) =>
  isSycm(u) && prefixes.some((p) => u.pathname.startsWith(p) || u.hash.startsWith(`#${p}`));

/** Ordered: the first match wins, so specific pages come before their fallbacks. */
export const PAGES: readonly PageDef[] = [
  {
    kind: 'sycm.login',
    test: sycmPath('/custom/login'),
    examples: ['https://sycm.taobao.com/custom/login.htm?_target=http://sycm.taobao.com/portal/home.htm'],
  },
  {
    kind: 'sycm.home',
    test: (u) => isSycm(u) && (u.pathname === '/portal/home.htm' || u.pathname === '/' || u.pathname === '/portal/home'),
    examples: [
      'https://sycm.taobao.com/portal/home.htm',
      'https://sycm.taobao.com/portal/home.htm?activeKey=operator&dateType=day',
      'https://sycm.taobao.com/portal/home.htm?activeKey=operator&dateType=week&dateRange=2026-11-16%7C2026-11-22',
    ],
  },
  {
    kind: 'sycm.itemRank',
    test: sycmPath('/cc/item_rank'),
    examples: [
      'https://sycm.taobao.com/cc/item_rank?dateType=day&dateRange=2026-11-23%7C2026-11-23',
      'https://sycm.taobao.com/cc/item_rank',
    ],
  },
  {
    kind: 'sycm.itemArchives',
    test: sycmPath('/cc/item_archives'),
    examples: ['https://sycm.taobao.com/cc/item_archives?itemId=700000000001&dateType=day'],
  },
  {
    kind: 'sycm.flow',
    test: sycmPath('/flow/'),
    examples: ['https://sycm.taobao.com/flow/monitor/shopsource?dateType=day'],
  },
  {
    kind: 'sycm.service',
    test: sycmPath('/qos/'),
    examples: ['https://sycm.taobao.com/qos/service/frame/index.htm#/shop'],
  },
  {
    kind: 'sycm.preheating',
    test: sycmPath('/portal/shop/preheating'),
    examples: ['https://sycm.taobao.com/portal/shop/preheating.htm'],
  },
  { kind: 'sycm.other', test: isSycm, examples: ['https://sycm.taobao.com/mc/mq/market_overview'] },
  {
    kind: 'qianniu.workbench',
    test: (u) => isQianniu(u) && (qianniuRoute(u) === '' || qnRoute('QnworkbenchHome')(u)),
    examples: [
      'https://myseller.taobao.com/home.htm/QnworkbenchHome/',
      'https://qn.taobao.com/home.htm/QnworkbenchHome/',
      'https://myseller.taobao.com/home.htm',
    ],
  },
  {
    kind: 'qianniu.sellManage',
    test: qnRoute('SellManage'),
    examples: [
      'https://myseller.taobao.com/home.htm/SellManage/all',
      'https://myseller.taobao.com/home.htm/SellManage/on_sale?current=2',
      'https://qn.taobao.com/home.htm/SellManage/in_stock',
    ],
  },
  {
    kind: 'qianniu.orders',
    test: qnRoute('trade-platform'),
    examples: ['https://myseller.taobao.com/home.htm/trade-platform/tp/sold'],
  },
  {
    kind: 'qianniu.pictureSpace',
    test: qnRoute('sucai-tu'),
    examples: ['https://myseller.taobao.com/home.htm/sucai-tu/home'],
  },
  {
    kind: 'qianniu.campaigns',
    test: qnRoute('starb'),
    examples: ['https://myseller.taobao.com/home.htm/starb/tmc-next/sale/seller/homepage.htm'],
  },
  {
    kind: 'qianniu.finance',
    test: qnRoute('whale-accountant'),
    examples: ['https://myseller.taobao.com/home.htm/whale-accountant/bill/account-details'],
  },
  { kind: 'qianniu.other', test: isQianniu, examples: ['https://myseller.taobao.com/home.htm/comment-manage/list'] },
  {
    kind: 'itemEdit',
    test: (u) => isItemEditHost(u) && /^\/sell\/(v2\/)?publish\.htm$/.test(u.pathname),
    examples: [
      'https://item.upload.taobao.com/sell/v2/publish.htm?itemId=700000000001',
      'https://sell.publish.tmall.com/sell/v2/publish.htm?itemId=700000000002',
    ],
  },
];

export function toUrl(href: string | URL): URL | null {
  if (href instanceof URL) return href;
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/** The site a page kind is on: its part before the dot (`qianniu.workbench` → `qianniu`). */
type Site = 'sycm' | 'qianniu' | 'itemEdit';

function siteOf(u: URL): Site | null {
  if (isSycm(u)) return 'sycm';
  if (isQianniu(u)) return 'qianniu';
  return isItemEditHost(u) ? 'itemEdit' : null;
}

/** PAGES by site, each in PAGES order. */
const PAGES_BY_SITE = new Map<Site, PageDef[]>();
for (const page of PAGES) {
  const site = page.kind.split('.')[0] as Site;
  const pages = PAGES_BY_SITE.get(site) ?? [];
  pages.push(page);
  PAGES_BY_SITE.set(site, pages);
}

/**
 * Page kinds by URL string. The same few URLs are asked about again and again (the feature loader,
 * every capture, every response the page fetched), and a kind depends on the URL string alone.
 */
const kindByHref = new Map<string, PageKind | null>();
const MAX_CACHED = 200;

/** The page kind of a URL, or null when it is not a seller page we know. */
export function detectPage(href: string | URL): PageKind | null {
  const key = typeof href === 'string' ? href : href.href;
  let kind = kindByHref.get(key);
  if (kind === undefined) {
    const u = toUrl(href);
    const site = u ? siteOf(u) : null;
    // Every page's test starts with its site's host check: no page of another site can match,
    // and a Qianniu URL (the workbench, first thing on every page load) skips the Sycm tests.
    kind = (u && site && PAGES_BY_SITE.get(site)?.find((p) => p.test(u))?.kind) ?? null;
    if (kindByHref.size >= MAX_CACHED) kindByHref.clear();
    kindByHref.set(key, kind);
  }
  return kind;
}

/** Pages holding buyer personal data or login forms: nothing is read there. */
export function isSensitivePage(kind: PageKind | null): boolean {
  return kind === 'qianniu.orders' || kind === 'sycm.login';
}

/** Item ID from the URL (`itemId=`, `id=` on item links, or `/item/N`). */
export function itemIdFromUrl(href: string | URL): string | null {
  const u = toUrl(href);
  if (!u) return null;
  for (const key of ['itemId', 'item_id', 'id']) {
    const v = u.searchParams.get(key);
    if (v && /^\d{5,20}$/.test(v)) return v;
  }
  const hashQuery = u.hash.includes('?') ? new URLSearchParams(u.hash.slice(u.hash.indexOf('?') + 1)) : null;
  const fromHash = hashQuery?.get('itemId');
  return fromHash && /^\d{5,20}$/.test(fromHash) ? fromHash : null;
}
