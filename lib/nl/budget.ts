import { labeller, type ItemNames } from '../items/label';
import type { MetricRecord } from '../metrics/record';
import { dayIndex } from '../rules/dates';
import { aggregateAll } from './answer';
import type { BudgetSpec } from './types';

export interface BudgetLine {
  itemId: string;
  /** The item's title from the item catalog; null when no page showed one. */
  title: string | null;
  /** Over the basis days. */
  spend: number;
  sales: number;
  /** sales / spend. */
  roi: number;
  /** Planned spend for the month, yuan (2 decimals). */
  planned: number;
  /** planned / total. */
  share: number;
}

export interface BudgetPlan {
  month: string;
  days: number;
  total: number;
  basisSpend: number;
  basisSales: number;
  /** Shop ROI over the basis days; null without spend. */
  roi: number | null;
  lines: BudgetLine[];
  /** Left over when every item hit its cap (never pushed into an item beyond 2× its run rate). */
  unallocated: number;
  /** Items whose ads lost money (ROI < 1): listed to review, still planned by ROI. */
  review: string[];
  notesZh: string[];
  notesEn: string[];
}

/** An item may get at most this many times its recent spend rate: ROI measured at ¥10 a day does not hold at ¥1,000. */
export const MAX_SCALE = 2;
/** Items spending under this share of the total are noise for ROI and are not planned. */
const MIN_SHARE = 0.01;

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Drafts next month's ad budget (关键词推广费) from the last weeks: the total keeps the recent
 * daily spend unless the person gave one; each item's share is proportional to its recent ROI
 * (支付金额 / 推广费), capped at 2× its run rate, with the excess re-spread over the others.
 */
export function draftBudgetPlan(spec: BudgetSpec, records: readonly MetricRecord[], names?: ItemNames): BudgetPlan {
  const days = dayIndex(spec.range.to) - dayIndex(spec.range.from) + 1;
  const basisDays = dayIndex(spec.basis.to) - dayIndex(spec.basis.from) + 1;
  // One pass per metric over the records (a shop can hold millions of daily figures).
  const spendBy = aggregateAll(records, 'p4pExpendAmt', spec.basis, null);
  const salesBy = aggregateAll(records, 'payAmt', spec.basis, null);
  const items = [...spendBy.keys()]
    .filter((k) => k !== '')
    .sort()
    .map((itemId) => {
      const spend = spendBy.get(itemId)?.value ?? 0;
      const sales = salesBy.get(itemId)?.value ?? 0;
      return { itemId, spend, sales, roi: spend > 0 ? sales / spend : 0 };
    });
  const itemSpend = items.reduce((a, i) => a + i.spend, 0);
  const shopSpend = spendBy.get('')?.value ?? null;
  const shopSales = salesBy.get('')?.value ?? null;
  const basisSpend = shopSpend ?? itemSpend;
  const basisSales = shopSales ?? items.reduce((a, i) => a + i.sales, 0);
  const total = round2(spec.total ?? (basisSpend / basisDays) * days);
  const eligible = items.filter((i) => i.spend > 0 && i.spend >= MIN_SHARE * itemSpend);
  // Water-filling: spread by ROI, cap, re-spread the rest over the uncapped, until stable.
  const planned = new Map<string, number>();
  let open = eligible.filter((i) => i.roi > 0);
  let left = total;
  for (let round = 0; round < eligible.length + 1 && open.length > 0 && left > 1e-9; round++) {
    const weight = open.reduce((a, i) => a + i.roi, 0);
    const capped: string[] = [];
    let given = 0;
    for (const i of open) {
      const cap = (i.spend / basisDays) * days * MAX_SCALE - (planned.get(i.itemId) ?? 0);
      const want = (left * i.roi) / weight;
      const give = Math.min(want, cap);
      if (want >= cap) capped.push(i.itemId);
      planned.set(i.itemId, (planned.get(i.itemId) ?? 0) + give);
      given += give;
    }
    left -= given;
    if (capped.length === 0) break;
    open = open.filter((i) => !capped.includes(i.itemId));
  }
  const lines: BudgetLine[] = eligible
    .map((i) => {
      const p = round2(planned.get(i.itemId) ?? 0);
      return { itemId: i.itemId, title: names?.[i.itemId] ?? null, spend: round2(i.spend), sales: round2(i.sales), roi: Math.round(i.roi * 100) / 100, planned: p, share: total > 0 ? p / total : 0 };
    })
    .sort((a, b) => b.planned - a.planned || (a.itemId < b.itemId ? -1 : 1));
  const review = eligible.filter((i) => i.roi < 1).map((i) => i.itemId);
  const notesZh: string[] = [];
  const notesEn: string[] = [];
  if (eligible.length === 0) {
    notesZh.push('最近没有商品级推广费数据，只给出总额');
    notesEn.push('No item-level ad spend in the recent weeks: only the total is planned');
  }
  if (review.length > 0) {
    const named = review.map(labeller(names));
    notesZh.push(`${review.length} 个商品投入产出比低于1（亏钱），建议复查：${named.join('、')}`);
    notesEn.push(`${review.length} item(s) have ROI below 1 (losing money), review them: ${named.join(', ')}`);
  }
  const unallocated = round2(Math.max(0, total - lines.reduce((a, l) => a + l.planned, 0)));
  if (unallocated > 0.01 && eligible.length > 0) {
    notesZh.push(`¥${unallocated} 未分配：每个商品最多提到近期花费的${MAX_SCALE}倍`);
    notesEn.push(`¥${unallocated} unallocated: no item is raised above ${MAX_SCALE}× its recent spend`);
  }
  return {
    month: spec.month,
    days,
    total,
    basisSpend: round2(basisSpend),
    basisSales: round2(basisSales),
    roi: basisSpend > 0 ? Math.round((basisSales / basisSpend) * 100) / 100 : null,
    lines,
    unallocated,
    review,
    notesZh,
    notesEn,
  };
}
