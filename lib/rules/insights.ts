import type { ZhangguiDb } from '../db/schema';
import { riskCards, seriesFromRecords, type RiskCard } from '../forecast';
import { itemNames } from '../items/catalog';
import type { ItemNames } from '../items/label';
import { metricByCode } from '../metrics/dictionary';
import type { MetricRecord } from '../metrics/record';
import { series } from '../metrics/store';
import { addDays } from './dates';
import { loadRecords } from './runner';

/**
 * Risk cards over the stored daily figures: the shop's key metrics and its top items. The
 * background computes them (it owns the database) and drops money metrics for roles that may
 * not see finance figures, so those numbers never leave the background for them.
 */

export const RISK_METRICS = ['uv', 'payAmt', 'payRate', 'payByrCnt', 'payAmtRfdRate'] as const;
/** Fewer days than this and a forecast says more about noise than the shop. */
export const MIN_RISK_DAYS = 14;
/** Weeks of history the weekday comparison wants (anomaly.ts judges a day against ≥ 4 earlier same weekdays). */
export const ANOMALY_DAYS = 35;
const HISTORY = 120;

export interface RiskReport {
  cards: RiskCard[];
  /** Days with shop figures in the window. */
  days: number;
  minDays: number;
  anomalyDays: number;
  /** Cards dropped because they are finance figures this role does not see. */
  hiddenFinance: number;
  /** Items whose series were examined (top by visitors). */
  items: string[];
  /** itemId → title (the item catalog) for the items of the cards: shown as "title (ID)". */
  itemNames: ItemNames;
}

/** One scope's daily figures of the given metrics ('' = the shop), metric by metric, oldest first. */
async function scopeRecords(db: ZhangguiDb, shopId: string, itemKey: string, metrics: readonly string[], from: string, to: string): Promise<MetricRecord[]> {
  const out: MetricRecord[] = [];
  for (const m of metrics) {
    out.push(...(await series(db, { shopId, metric: m, itemId: itemKey === '' ? null : itemKey, period: 'day', from, to })));
  }
  return out;
}

/**
 * Reads only what the cards need (a shop may hold a year of figures for thousands of items):
 * the shop's series, 28 days of item visitors to pick the top items, then those items' series.
 */
export async function loadRiskReport(db: ZhangguiDb, shopId: string, today: string, opts: { mayFinance: boolean; topItems?: number; extraItems?: readonly string[] }): Promise<RiskReport> {
  // Today is not over: judging its partial figures would flag every morning as a collapse.
  const to = addDays(today, -1);
  const from = addDays(today, -HISTORY);
  const shop = await scopeRecords(db, shopId, '', RISK_METRICS, from, to);
  const shopDays = new Set(shop.map((r) => r.date)).size;
  // Top items by visitors over the last 28 days (visitors, not sales: every role may rank by it).
  const uvByItem = new Map<string, number>();
  for (const r of await loadRecords(db, shopId, ['uv'], addDays(today, -28), to)) if (r.itemKey !== '') uvByItem.set(r.itemKey, (uvByItem.get(r.itemKey) ?? 0) + r.value);
  const top = [...uvByItem.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, opts.topItems ?? 5).map(([k]) => k);
  const items = [...new Set([...top, ...(opts.extraItems ?? [])])].sort();
  const records = [...shop];
  for (const item of items) records.push(...(await scopeRecords(db, shopId, item, RISK_METRICS, from, to)));
  const series = seriesFromRecords(records, RISK_METRICS, from, to).filter((s) => s.points.length >= MIN_RISK_DAYS);
  let hiddenFinance = 0;
  const cards = riskCards(series).filter((c) => {
    if (opts.mayFinance || !metricByCode(c.metric)?.finance) return true;
    hiddenFinance++;
    return false;
  });
  const names = await itemNames(db, shopId, cards.flatMap((c) => (c.itemId ? [c.itemId] : [])));
  return { cards, days: shopDays, minDays: MIN_RISK_DAYS, anomalyDays: ANOMALY_DAYS, hiddenFinance, items, itemNames: names };
}
