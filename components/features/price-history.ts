import type { Feature } from '@/lib/features/types';
import { OBSERVED_EVENT, parseObserved, requestReplay } from '@/lib/capture/observed';
import { parsePrice, type SkuPrice } from '@/lib/collab/price-diff';
import { PriceSession, type PriceRecord } from '@/lib/collab/price-session';
import { call } from '@/lib/messaging/client';
import { itemIdFromUrl } from '@/lib/taobao/page-detect';
import { css, S } from '@/lib/taobao/selectors';

/**
 * Price history on the item edit page: the SKU prices are remembered when the
 * page loads (from the page's own responses when the observer forwarded one
 * that carries them, else from the SKU table), and when the person submits
 * the page (its own button, listened to passively: never clicked, never held
 * up) every SKU whose price changed is recorded once: item, SKU, old → new,
 * who, when. The saved prices come from the page's save response when it
 * shows them, else from the SKU table (lib/collab/price-session.ts decides).
 * Roles that may not edit pricing record nothing.
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

/** How long a submit waits for the page's save response before the SKU table's prices are recorded. */
const SAVE_WAIT_MS = 10_000;

export const priceHistory: Feature = {
  id: 'price-history',
  include: (page) => page === 'itemEdit',
  async init(signal, { url }) {
    const itemId = itemIdFromUrl(url);
    if (!itemId) return;
    const allowed = await call<boolean>({ type: 'pricing.allowed' }).catch(() => false);
    if (!allowed || signal.aborted) return;
    const session = new PriceSession(itemId, readSkuPrices(document));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = (r: PriceRecord | null): void => {
      if (!session.waiting) clearTimeout(timer);
      if (!r || r.changes.length === 0) return;
      const changes = r.changes.slice(0, 600).map((c) => ({ ...c, label: c.label.slice(0, 200) }));
      void call({ type: 'prices.record', itemId, source: r.source, changes }).catch((err: unknown) => console.warn('[zhanggui] price history not saved', err));
    };

    // The page's own load and save responses, as the MAIN-world observer forwards them.
    const onObserved = (e: Event): void => {
      const r = parseObserved(e);
      if (r) save(session.response(r.url, r.body));
    };
    window.addEventListener(OBSERVED_EVENT, onObserved);
    // The observer keeps what the page loaded before we started: ask for it again.
    requestReplay(window);

    // The page's own submit button: listened to, never clicked or held up.
    const onClick = (e: Event): void => {
      if (!(e.target instanceof Element) || !e.target.closest(css(S.itemEditSubmit))) return;
      session.submit(readSkuPrices(document));
      clearTimeout(timer);
      timer = setTimeout(() => save(session.flush()), SAVE_WAIT_MS);
    };
    // A form submit nobody prevented navigates away before any save response: the table decides now.
    const onSubmit = (e: Event): void => {
      const form = e.target;
      if (!(form instanceof HTMLFormElement) || !(form.querySelector(css(S.itemEditSubmit)) ?? form.querySelector(css(S.itemEditSkuRow)))) return;
      if (!session.waiting) session.submit(readSkuPrices(document));
      if (!e.defaultPrevented) save(session.flush());
    };
    const onHide = (): void => save(session.flush());
    document.addEventListener('click', onClick, { capture: true, passive: true });
    // Bubble phase on window: the page's own submit handlers have run, so defaultPrevented is theirs.
    window.addEventListener('submit', onSubmit, { passive: true });
    window.addEventListener('pagehide', onHide);
    signal.addEventListener('abort', () => {
      // Leaving the page (an SPA route change) while a save is awaited: the table decides.
      if (session.waiting) save(session.flush());
      clearTimeout(timer);
      window.removeEventListener(OBSERVED_EVENT, onObserved);
      document.removeEventListener('click', onClick, { capture: true });
      window.removeEventListener('submit', onSubmit);
      window.removeEventListener('pagehide', onHide);
    });
  },
};
