import { parsePrice, type SkuPrice } from './price-diff';

/**
 * SKU prices from a response the page fetched for itself (forwarded by the
 * MAIN-world observer, lib/capture/observer.ts), when it carries them: any
 * objects with a `skuId` and a `price` or `skuPrice` (number or text, yuan) in
 * a JSON body that mentions the item. The shapes of the item edit page's own
 * load and save responses are not documented (taobao-pages.md names only
 * mtop.taobao.sell.pc.manage.async for Qianniu), so this reads that pair of
 * fields and nothing else, and returns null when it finds none.
 * Zod-free: the content script imports it.
 */
export function pricesFromResponse(body: string, itemId: string): SkuPrice[] | null {
  if (!body.includes(itemId)) return null;
  const json = parseJson(body);
  return json === undefined ? null : pricesIn(json);
}

/** What one response says about the item's prices and, when it answers a save, whether the save failed. */
export interface PriceResponse {
  /** The item's SKU prices the body carries, or null. */
  prices: SkuPrice[] | null;
  /** The URL looks like a save (submit/save/update/publish in the path or mtop API name). */
  save: boolean;
  /** The body says the request failed (`success: false`, an mtop `ret` other than SUCCESS, an error message model). */
  failed: boolean;
}

/** The URL of a save: the path (or the mtop API, which sits in the path) names submit, save, update or publish. */
export function isSaveUrl(url: string): boolean {
  let path: string;
  try {
    path = new URL(url, 'https://item.upload.taobao.com/').pathname;
  } catch {
    return false;
  }
  return /(submit|save|update|publish)/i.test(path);
}

export function readPriceResponse(url: string, body: string, itemId: string): PriceResponse {
  const json = parseJson(body);
  const prices = json !== undefined && body.includes(itemId) ? pricesIn(json) : null;
  return { prices, save: isSaveUrl(url), failed: json !== undefined && failedBody(json) };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function failedBody(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const o = json as Record<string, unknown>;
  if (o.success === false || o.isSuccess === false || o.hasError === true) return true;
  const ret = o.ret;
  if (Array.isArray(ret) && typeof ret[0] === 'string' && !ret[0].startsWith('SUCCESS')) return true;
  const models = o.models;
  const message = typeof models === 'object' && models !== null ? (models as Record<string, unknown>).globalMessage : null;
  return typeof message === 'object' && message !== null && (message as Record<string, unknown>).type === 'error';
}

function pricesIn(json: unknown): SkuPrice[] | null {
  const out = new Map<string, SkuPrice>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > 10 || out.size >= 600 || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const sku = typeof o.skuId === 'number' ? String(o.skuId) : o.skuId;
    const raw = o.price ?? o.skuPrice;
    const price = typeof raw === 'number' ? raw : typeof raw === 'string' ? parsePrice(raw) : null;
    if (typeof sku === 'string' && /^\d{1,20}$/.test(sku) && price !== null && Number.isFinite(price) && price >= 0) {
      out.set(sku, { skuId: sku, price });
      return;
    }
    for (const x of Object.values(o)) walk(x, depth + 1);
  };
  walk(json, 0);
  return out.size > 0 ? [...out.values()] : null;
}
