import type { Feature } from '@/lib/features/types';
import { parseObserved, OBSERVER_TAG } from '@/lib/capture/observed';
import { diffPrices, parsePrice, type SkuPrice } from '@/lib/collab/price-diff';
import { pricesFromResponse } from '@/lib/collab/price-response';
import { call } from '@/lib/messaging/client';
import { itemIdFromUrl } from '@/lib/taobao/page-detect';
import { css, S } from '@/lib/taobao/selectors';

/**
 * Price history on the item edit page: the SKU prices are remembered when the
 * page loads (from the page's own responses when the observer forwarded one
 * that carries them, else from the SKU table), and when the person clicks the
 * page's own submit button (listened to passively: never clicked, never held
 * up) every SKU whose price input changed is recorded: item, SKU, old → new,
 * who, when. Roles that may not edit pricing record nothing.
 */
export function readSkuPrices(doc: Document): SkuPrice[] {
  const out: SkuPrice[] = [];
  for (const row of Array.from(doc.querySelectorAll(css(S.itemEditSkuRow)))) {
    const skuId = row.getAttribute('data-sku-id') ?? '';
    const input = row.querySelector(css(S.itemEditSkuPrice));
    if (!/^\d{1,20}$/.test(skuId) || !(input instanceof HTMLInputElement)) continue;
    const price = parsePrice(input.value);
    if (price === null) continue;
    // The SKU's name: the text of the cells before its price (颜色分类, 尺寸).
    const label: string[] = [];
    for (const cell of Array.from(row.querySelectorAll(css(S.tableCell)))) {
      if (cell.contains(input)) break;
      const t = cell.textContent?.trim();
      if (t) label.push(t);
    }
    out.push({ skuId, price, label: label.join(' ').slice(0, 200) });
  }
  return out;
}

export const priceHistory: Feature = {
  id: 'price-history',
  include: (page) => page === 'itemEdit',
  async init(signal, { url }) {
    const itemId = itemIdFromUrl(url);
    if (!itemId) return;
    const allowed = await call<boolean>({ type: 'pricing.allowed' }).catch(() => false);
    if (!allowed || signal.aborted) return;
    let baseline: SkuPrice[] = readSkuPrices(document);
    let source: 'dom' | 'response' = 'dom';

    const onMessage = (e: MessageEvent): void => {
      const r = parseObserved(e, window);
      const prices = r ? pricesFromResponse(r.body, itemId) : null;
      if (!prices) return;
      // The page's own data is the better "before": keep DOM labels, take its prices.
      const labels = new Map(baseline.map((s) => [s.skuId, s.label]));
      baseline = prices.map((p) => ({ ...p, label: labels.get(p.skuId) ?? '' }));
      source = 'response';
    };
    window.addEventListener('message', onMessage);
    // The observer keeps what the page loaded before we started: ask for it again.
    window.postMessage({ tag: OBSERVER_TAG, kind: 'replay' }, location.origin);

    const onClick = (e: Event): void => {
      if (!(e.target instanceof Element) || !e.target.closest(css(S.itemEditSubmit))) return;
      const now = readSkuPrices(document);
      const changes = diffPrices(baseline, now).map((c) => ({ ...c, label: c.label.slice(0, 200) }));
      if (changes.length === 0) return;
      baseline = now;
      void call({ type: 'prices.record', itemId, source, changes: changes.slice(0, 600) }).catch((err: unknown) => console.warn('[zhanggui] price history not saved', err));
    };
    document.addEventListener('click', onClick, { capture: true, passive: true });
    signal.addEventListener('abort', () => {
      window.removeEventListener('message', onMessage);
      document.removeEventListener('click', onClick, { capture: true });
    });
  },
};
