import { itemLabel } from '../items/label';
import { dayIndex } from './dates';
import { formatValue, metricLabel } from './metrics';
import type { ItemChange } from './model';
import { getSeries, type SeriesIndex } from './series-index';

/** Figures quoted next to the one that fired: where the traffic and conversion went. */
export const CONTEXT_METRICS = ['uv', 'payRate', 'cartRate', 'payAmt'] as const;

/** What to look at first, per metric family (written for a shop operator). */
const ADVICE: Record<string, { zh: string; en: string }> = {
  uv: { zh: '检查推广计划与搜索排名是否变化', en: 'check ad campaigns and search ranking' },
  payRate: { zh: '检查价格、主图与详情页，以及评价是否有新差评', en: 'check price, main image, detail page and new bad reviews' },
  cartRate: { zh: '检查主图与价格是否仍有吸引力', en: 'check whether the main image and price still attract' },
  payAmt: { zh: '拆开看访客数与转化率，先处理跌得多的那个', en: 'split into visitors and conversion, fix the one that fell most first' },
  payAmtRfdRate: { zh: '查看退款原因（质量、描述不符、物流），核对商品描述与发货', en: 'read refund reasons (quality, not as described, shipping) and check the listing and fulfilment' },
  rfdSucAmt: { zh: '查看退款原因（质量、描述不符、物流）', en: 'read refund reasons (quality, not as described, shipping)' },
};

function mean(values: Float64Array, from: number, to: number): number {
  let s = 0;
  let n = 0;
  for (let i = Math.max(0, from); i <= to && i < values.length; i++) {
    const x = values[i]!;
    if (!Number.isNaN(x)) {
      s += x;
      n++;
    }
  }
  return n > 0 ? s / n : Number.NaN;
}

function pct(x: number): string {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)}%`;
}

export interface SuggestionInput {
  metric: string;
  itemKey: string;
  /** How the item is named to a person ("title (ID)", lib/items/label.ts); null: by its ID. */
  itemName: string | null;
  index: SeriesIndex;
  /** Slot of the judged day. */
  endSlot: number;
  changes: readonly ItemChange[];
}

/**
 * A suggestion written from the data: the last 7 days of related figures against the 7 before,
 * and the item's recent price/image changes, so the person starts from evidence, not a guess.
 */
export function writeSuggestion(input: SuggestionInput): { zh: string; en: string } {
  const { index, endSlot, itemKey } = input;
  const zh: string[] = [];
  const en: string[] = [];
  let worst: { metric: string; change: number } | null = null;
  for (const m of CONTEXT_METRICS) {
    const s = getSeries(index, m, itemKey);
    if (!s) continue;
    const recent = mean(s.values, endSlot - 6, endSlot);
    const before = mean(s.values, endSlot - 13, endSlot - 7);
    if (!Number.isFinite(recent) || !(before > 0)) continue;
    const change = recent / before - 1;
    const label = metricLabel(m);
    zh.push(`${label.zh}近7天均值 ${formatValue(m, recent)}（较前7天 ${pct(change)}）`);
    en.push(`${label.en} 7-day mean ${formatValue(m, recent)} (${pct(change)} vs the 7 days before)`);
    if (m !== 'payAmt' && (worst === null || change < worst.change)) worst = { metric: m, change };
  }
  const endDay = index.start + endSlot;
  const recentChanges = input.changes
    .filter((c) => (itemKey === '' || c.itemId === itemKey) && dayIndex(c.date) <= endDay && dayIndex(c.date) > endDay - 14)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const KIND: Record<ItemChange['kind'], { zh: string; en: string }> = {
    price: { zh: '改价', en: 'price change' },
    image: { zh: '换主图', en: 'main image change' },
    title: { zh: '改标题', en: 'title change' },
    stock: { zh: '库存变化', en: 'stock change' },
  };
  for (const c of recentChanges.slice(0, 3)) {
    const fromTo = c.from != null || c.to != null ? ` ${c.from ?? '?'} → ${c.to ?? '?'}` : '';
    zh.push(`${c.date.slice(5)} ${KIND[c.kind].zh}${fromTo}`);
    en.push(`${KIND[c.kind].en} on ${c.date}${fromTo}`);
  }
  const advice = ADVICE[input.metric];
  if (advice) {
    zh.push(`建议：${advice.zh}`);
    en.push(`Suggestion: ${advice.en}`);
  }
  if (worst && worst.change < -0.1) {
    const a = ADVICE[worst.metric]!;
    const l = metricLabel(worst.metric);
    zh.push(`${l.zh}降幅最大（${pct(worst.change)}），${a.zh}`);
    en.push(`${l.en} fell most (${pct(worst.change)}): ${a.en}`);
  }
  if (recentChanges.length > 0) {
    zh.push(`最近的改动（${recentChanges[0]!.date.slice(5)}）在此期间，建议对比改动前后的数据`);
    en.push(`a recent change (${recentChanges[0]!.date}) falls in this period: compare the figures before and after it`);
  }
  const who = input.itemName ?? (itemKey === '' ? null : itemLabel(itemKey));
  const prefixZh = who ? `商品「${who}」：` : '全店：';
  const prefixEn = who ? `Item "${who}": ` : 'Shop: ';
  return { zh: prefixZh + zh.join('；') + '。', en: prefixEn + en.join('; ') + '.' };
}
