import { parsePrice, type SkuPrice } from './price-diff';

/**
 * SKU prices from a response the page fetched for itself (forwarded by the
 * MAIN-world observer, lib/capture/observed.ts), when it carries them: any
 * objects with a `skuId` and a `price` (number or text) in a JSON body that
 * mentions the item. The shape of Qianniu's item responses is not documented
 * (taobao-pages.md only names mtop.taobao.sell.pc.manage.async), so this reads
 * the pair of fields and nothing else, and returns null when it finds none.
 * Zod-free: the content script imports it.
 */
export function pricesFromResponse(body: string, itemId: string): SkuPrice[] | null {
  if (!body.includes(itemId)) return null;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const out = new Map<string, SkuPrice>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > 10 || out.size >= 600 || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const sku = typeof o.skuId === 'number' ? String(o.skuId) : o.skuId;
    const price = typeof o.price === 'number' ? o.price : typeof o.price === 'string' ? parsePrice(o.price) : null;
    if (typeof sku === 'string' && /^\d{1,20}$/.test(sku) && price !== null && Number.isFinite(price) && price >= 0) {
      out.set(sku, { skuId: sku, price });
      return;
    }
    for (const x of Object.values(o)) walk(x, depth + 1);
  };
  walk(json, 0);
  return out.size > 0 ? [...out.values()] : null;
}
