import type { Shop } from '../domain';
import type { ZhangguiDb } from '../db/schema';
import { scopeRange } from '../metrics/store';
import type { DailyValue } from './before-after';

/**
 * An item's captured daily figures (the metric store's scopeRange: the item's records only).
 * Captures may key by the workspace shop or by Taobao's shop ID, so both are
 * read through the index; nothing else in the store is scanned.
 */
export async function itemDailyMetrics(db: ZhangguiDb, shop: Shop, itemId: string, metrics: readonly string[]): Promise<DailyValue[]> {
  const shopIds = [...new Set([shop.id, shop.taobaoShopId].filter((x): x is string => typeof x === 'string' && x.length > 0))];
  const wanted = new Set(metrics);
  const out: DailyValue[] = [];
  for (const shopId of shopIds) {
    const rows = await scopeRange(db, shopId, itemId, '', '\uffff');
    for (const r of rows) if (r.period === 'day' && wanted.has(r.metric) && Number.isFinite(r.value)) out.push({ metric: r.metric, date: r.date, value: r.value });
  }
  return out;
}
