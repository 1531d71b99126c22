/**
 * Which shop and login a page belongs to: getPersonalView.json when the page fetched it
 * (it has the shop ID), else the page header (Sycm frame header, Qianniu header).
 * The response wins field by field; the header fills what the response lacks.
 */
import { css, S } from '../taobao/selectors';
import { textOf } from './dom';
import type { ShopIdentity } from './types';

const SYCM_SHOP = css(S.sycmShopName);
const QN_SHOP = css(S.qianniuShopName);
const QN_ACCOUNT = css(S.qianniuAccount);

function firstText(doc: Document, selector: string, preferTitle: boolean): string | null {
  const el = doc.querySelector(selector);
  if (!el) return null;
  // The header truncates long names with an ellipsis; the title attribute keeps the full one.
  const t = (preferTitle ? el.getAttribute('title')?.trim() : '') || textOf(el);
  return t && t.length <= 100 ? t : null;
}

export function identityFromHeader(doc: Document): ShopIdentity | null {
  const shopTitle = firstText(doc, SYCM_SHOP, true) ?? firstText(doc, QN_SHOP, true);
  const account = firstText(doc, QN_ACCOUNT, true);
  if (!shopTitle && !account) return null;
  return { shopId: null, shopTitle, loginUserName: account };
}

/**
 * Merge identities, earlier ones winning per field, with a warning when two disagree.
 * `shopConflict` is set when two different shop IDs were seen: figures could then belong to
 * either shop, so the caller stores none of them.
 */
export function mergeIdentities(
  sources: ReadonlyArray<ShopIdentity | null>,
  warnings: string[],
): { shop: ShopIdentity | null; shopConflict: boolean } {
  const out: ShopIdentity = { shopId: null, shopTitle: null, loginUserName: null };
  let shopConflict = false;
  for (const s of sources) {
    if (!s) continue;
    for (const k of ['shopId', 'shopTitle', 'loginUserName'] as const) {
      const v = s[k];
      if (!v) continue;
      if (out[k] && out[k] !== v) {
        warnings.push(`identity: ${k} "${out[k]}" vs "${v}" on the same page`);
        if (k === 'shopId') shopConflict = true;
      } else out[k] = v;
    }
  }
  return { shop: out.shopId || out.shopTitle || out.loginUserName ? out : null, shopConflict };
}
