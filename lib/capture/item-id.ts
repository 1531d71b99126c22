/**
 * The item a table row is about, from its links (`item.htm?id=N`, `…?itemId=N`) or a
 * `data-item-id` attribute. Used by the Sycm item table reader and by features that badge
 * Qianniu SellManage rows. antd's `data-row-key` is deliberately not used: it is whatever key
 * the app chose (an index, a SKU id), not necessarily the item.
 */
import { itemIdFromUrl } from '../taobao/page-detect';
import { css, S } from '../taobao/selectors';
import { resolveHref } from './dom';

const ITEM_LINK = css(S.itemLink);
const ITEM_ID = /^\d{5,20}$/;

export type RowItemId = { ok: true; itemId: string } | { ok: false; reason: 'none' | 'ambiguous' };

/** The single item ID a row names; a row naming two different items is ambiguous, not guessed. */
export function itemIdOfRow(row: Element, pageUrl: string): RowItemId {
  const found = new Set<string>();
  for (const a of Array.from(row.querySelectorAll(ITEM_LINK))) {
    const href = resolveHref(a.getAttribute('href'), pageUrl);
    const id = href ? itemIdFromUrl(href) : null;
    if (id) found.add(id);
  }
  const own = row.getAttribute('data-item-id');
  if (found.size === 0 && own && ITEM_ID.test(own)) found.add(own);
  if (found.size === 0) return { ok: false, reason: 'none' };
  if (found.size > 1) return { ok: false, reason: 'ambiguous' };
  return { ok: true, itemId: [...found][0] as string };
}
