/**
 * Item titles (and the main-image URL) as seller pages already show them, for the item catalog
 * (lib/items/catalog.ts): Sycm item tables and responses, 商品管理 rows, the item edit page.
 * Read-only and passive like the capture engine: nothing is fetched, clicked or changed.
 * Zod-free and DOM-global-free so the same code runs in content scripts and the Node CLI;
 * the background validates again with zod before anything is stored.
 */
import { resolveHref, textOf } from '../capture/dom';
import { itemIdFromUrl } from '../taobao/page-detect';
import { css, S } from '../taobao/selectors';

/** One item as a page showed it. */
export interface SeenItem {
  itemId: string;
  title: string;
  /** The main picture's URL as the page uses it; null when the page shows none. */
  imageUrl: string | null;
}

export const TITLE_MAX = 150;
const ITEM_ID = /^\d{5,20}$/;
const ITEM_LINK = css(S.itemLink);
const IMAGE = css(S.image);
/** Link texts that are actions, not titles (编辑商品, 趋势 …). */
const ACTION = /^(编辑|编辑商品|编辑宝贝|查看|详情|查看详情|商品详情|趋势|商品360|单品分析|分析|预览|复制|复制链接|链接|上架|下架|推广|更多|操作|删除|监控|对比|管理)$/;
/** Hosts of Taobao's picture CDN: a main-image URL from anywhere else is not kept. */
const IMAGE_HOST = /(^|\.)(alicdn\.com|taobaocdn\.com|tbcdn\.cn)$/;

/** A title as shown, cleaned; null when the text is not a plausible item title. */
export function cleanTitle(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  // Control and zero-width characters never belong in a title.
  const t = raw.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\ufeff]/g, ' ').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (t.length < 2 || t.length > TITLE_MAX) return null;
  if (ACTION.test(t) || /^(ID|商品ID|宝贝ID)?\s*[:：]?\s*\d+$/i.test(t) || /https?:\/\//i.test(t)) return null;
  return t;
}

/** An https picture URL on Taobao's image CDN (protocol-relative ones resolved), else null. */
export function cleanImageUrl(raw: unknown, pageUrl: string): string | null {
  if (typeof raw !== 'string' || raw.length > 1000) return null;
  const href = resolveHref(raw.trim(), pageUrl);
  if (!href) return null;
  try {
    const u = new URL(href);
    return u.protocol === 'https:' && IMAGE_HOST.test(u.hostname) ? u.href : null;
  } catch {
    return null;
  }
}

export function seenItem(itemId: unknown, title: unknown, imageUrl: unknown, pageUrl: string): SeenItem | null {
  const id = typeof itemId === 'number' && Number.isSafeInteger(itemId) ? String(itemId) : itemId;
  if (typeof id !== 'string' || !ITEM_ID.test(id)) return null;
  const t = cleanTitle(title);
  return t ? { itemId: id, title: t, imageUrl: cleanImageUrl(imageUrl, pageUrl) } : null;
}

/**
 * The title and picture a table row shows for its item: the text (or title attribute, which
 * keeps a truncated name whole) of a link to that item, and the row's first picture.
 */
export function itemSeenInRow(row: Element, itemId: string, pageUrl: string): SeenItem | null {
  let title: string | null = null;
  for (const a of Array.from(row.querySelectorAll(ITEM_LINK))) {
    const href = resolveHref(a.getAttribute('href'), pageUrl);
    if (!href || itemIdFromUrl(href) !== itemId) continue;
    title = cleanTitle(a.getAttribute('title')) ?? cleanTitle(textOf(a));
    if (title) break;
  }
  if (!title) return null;
  return { itemId, title, imageUrl: cleanImageUrl(row.querySelector(IMAGE)?.getAttribute('src'), pageUrl) };
}

/** The item edit page: its item (from the URL), the 宝贝标题 field and the first 主图. */
export function itemSeenOnEditPage(doc: Document, pageUrl: string): SeenItem | null {
  const itemId = itemIdFromUrl(pageUrl);
  if (!itemId) return null;
  const input = doc.querySelector(css(S.itemEditTitle));
  // The form is a React app: the live value is on the property, the attribute is the initial one.
  const value = input && 'value' in input ? (input as HTMLInputElement).value : input?.getAttribute('value');
  const img = doc.querySelector(css(S.itemEditMainImagesField))?.querySelector(IMAGE);
  return seenItem(itemId, value, img?.getAttribute('src'), pageUrl);
}

/** One entry per item, the later one winning (the catalog keeps the last title seen). */
export function mergeSeen(lists: ReadonlyArray<readonly SeenItem[]>): SeenItem[] {
  const byId = new Map<string, SeenItem>();
  for (const list of lists) for (const s of list) byId.set(s.itemId, { ...s, imageUrl: s.imageUrl ?? byId.get(s.itemId)?.imageUrl ?? null });
  return [...byId.values()];
}
