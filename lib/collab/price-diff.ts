/**
 * SKU prices before and after an item edit. Prices are read as text off the
 * page (`1,299.00`, `¥1299`) and compared in fen so 1299 and 1299.00 are the
 * same price. Zod-free: the content script imports this.
 */
export interface SkuPrice {
  skuId: string;
  /** Yuan. */
  price: number;
  /** What the row shows for the SKU (颜色分类 / 尺寸), for people reading the history. */
  label?: string;
}
export interface PriceDiff {
  skuId: string;
  label: string;
  oldPrice: number | null;
  newPrice: number;
}

/** `¥1,299.00` → 1299; empty, negative or non-numeric → null. */
export function parsePrice(text: string): number | null {
  const t = text.replace(/[¥￥,\s元]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 && n < 1e10 ? n : null;
}

const fen = (yuan: number): number => Math.round(yuan * 100);

/** Every SKU whose price changed (or that is new) between the two readings. Removed SKUs are not price changes. */
export function diffPrices(before: readonly SkuPrice[], after: readonly SkuPrice[]): PriceDiff[] {
  const old = new Map(before.map((s) => [s.skuId, s]));
  const out: PriceDiff[] = [];
  for (const s of after) {
    const was = old.get(s.skuId);
    if (was && fen(was.price) === fen(s.price)) continue;
    out.push({ skuId: s.skuId, label: s.label ?? was?.label ?? '', oldPrice: was ? was.price : null, newPrice: s.price });
  }
  return out;
}
