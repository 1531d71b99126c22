import type { PROJECT_KINDS } from '../domain/project';
import type { Priority, TaskStatus } from '../domain/task';

export type ProjectKind = (typeof PROJECT_KINDS)[number];

/**
 * Words people use for metrics, statuses, priorities and templates. Longest alias first when
 * matching, so "支付转化率" is not read as "转化率" of something else. Metric codes follow
 * ../shared/docs/taobao-pages.md; cartRate is derived (cartByrCnt / uv).
 */
export const METRIC_ALIASES: ReadonlyArray<[string, string]> = [
  ['支付金额', 'payAmt'], ['销售额', 'payAmt'], ['成交额', 'payAmt'], ['营业额', 'payAmt'], ['销量额', 'payAmt'], ['gmv', 'payAmt'], ['sales', 'payAmt'], ['revenue', 'payAmt'],
  ['商品访客数', 'itmUv'], ['访客数', 'uv'], ['访客', 'uv'], ['流量', 'uv'], ['uv', 'uv'], ['visitors', 'uv'], ['visits', 'uv'], ['traffic', 'uv'],
  ['浏览量', 'pv'], ['pv', 'pv'], ['page views', 'pv'],
  ['支付买家数', 'payByrCnt'], ['买家数', 'payByrCnt'], ['buyers', 'payByrCnt'],
  ['支付转化率', 'payRate'], ['转化率', 'payRate'], ['conversion rate', 'payRate'], ['conversion', 'payRate'],
  ['客单价', 'payPct'], ['average order value', 'payPct'], ['aov', 'payPct'],
  ['支付件数', 'payItmCnt'], ['件数', 'payItmCnt'], ['units sold', 'payItmCnt'],
  ['加购人数', 'cartByrCnt'], ['加购率', 'cartRate'], ['add-to-cart rate', 'cartRate'], ['cart rate', 'cartRate'], ['add-to-carts', 'cartByrCnt'],
  ['收藏人数', 'cltItmCnt'], ['收藏', 'cltItmCnt'], ['favourites', 'cltItmCnt'], ['favorites', 'cltItmCnt'],
  ['金额退款率', 'payAmtRfdRate'], ['退款率', 'payAmtRfdRate'], ['refund rate', 'payAmtRfdRate'],
  ['退款金额', 'rfdSucAmt'], ['退款额', 'rfdSucAmt'], ['refunds', 'rfdSucAmt'], ['refund amount', 'rfdSucAmt'],
  ['跳失率', 'itemLossRate'], ['bounce rate', 'itemLossRate'],
  ['uv价值', 'uvAvgValue'], ['停留时长', 'stayTime'],
  ['搜索访客数', 'seGuideUv'], ['搜索流量', 'seGuideUv'],
  ['关键词推广费', 'p4pExpendAmt'], ['推广费', 'p4pExpendAmt'], ['推广花费', 'p4pExpendAmt'], ['直通车花费', 'p4pExpendAmt'], ['广告费', 'p4pExpendAmt'], ['ad spend', 'p4pExpendAmt'], ['spend', 'p4pExpendAmt'],
];

/** Longest alias found in the (lower-cased) text: its code and where it was. */
export function findMetric(text: string): { code: string; index: number; length: number } | null {
  const lower = text.toLowerCase();
  let best: { code: string; index: number; length: number } | null = null;
  for (const [alias, code] of METRIC_ALIASES) {
    const re = /^[a-z]/.test(alias) ? new RegExp(`\\b${alias.replace(/[-]/g, '\\-')}\\b`) : null;
    const idx = re ? (re.exec(lower)?.index ?? -1) : lower.indexOf(alias);
    if (idx < 0) continue;
    if (!best || alias.length > best.length) best = { code, index: idx, length: alias.length };
  }
  return best;
}

export const STATUS_WORDS: ReadonlyArray<[string, TaskStatus]> = [
  ['已完成', 'done'], ['完成', 'done'], ['做完', 'done'], ['done', 'done'], ['complete', 'done'], ['completed', 'done'], ['finished', 'done'],
  ['进行中', 'doing'], ['开始做', 'doing'], ['doing', 'doing'], ['in progress', 'doing'], ['started', 'doing'],
  ['待审核', 'review'], ['待验收', 'review'], ['审核', 'review'], ['review', 'review'], ['in review', 'review'],
  ['受阻', 'blocked'], ['阻塞', 'blocked'], ['卡住', 'blocked'], ['blocked', 'blocked'],
  ['待办', 'todo'], ['未开始', 'todo'], ['to do', 'todo'], ['todo', 'todo'],
];

export function statusFrom(word: string): TaskStatus | null {
  const w = word.trim().toLowerCase().replace(/^(了|状态)/, '').replace(/(了|状态)$/, '');
  for (const [alias, status] of STATUS_WORDS) if (w === alias) return status;
  return null;
}

/** P0–P3 or words for urgency; null when the command says nothing about it. */
export function findPriority(text: string): { priority: Priority; index: number; length: number } | null {
  const p = /(?<![a-z0-9])p([0-3])(?![0-9])/i.exec(text);
  if (p) return { priority: `P${p[1]}` as Priority, index: p.index, length: p[0].length };
  const words: Array<[RegExp, Priority]> = [
    [/紧急|十万火急|\burgent\b/i, 'P0'],
    [/高优先级?|重要|\bhigh priority\b|\bimportant\b/i, 'P1'],
    [/低优先级?|不急|\blow priority\b/i, 'P3'],
  ];
  for (const [re, priority] of words) {
    const m = re.exec(text);
    if (m) return { priority, index: m.index, length: m[0].length };
  }
  return null;
}

/** Template kind from the project's name: 双11/618/年货节 are promotions (大促). */
export function projectKindOf(text: string): ProjectKind | null {
  if (/大促|双1[12]|双十[一二]|618|年货节|女王节|黑五|black friday|promotion|campaign|\bsale\b/i.test(text)) return '大促';
  if (/新品|首发|上新|launch|new product/i.test(text)) return '新品首发';
  if (/日常|daily|routine/i.test(text)) return '日常';
  return null;
}

/** The day a known promotion is built around, in the year of `start` (or the next one). */
export function festivalKeyDate(name: string, start: string): string | null {
  const y = Number(start.slice(0, 4));
  const pick = (md: string): string => (`${y}-${md}` >= start ? `${y}-${md}` : `${y + 1}-${md}`);
  if (/双11|双十一/.test(name)) return pick('11-11');
  if (/双12|双十二/.test(name)) return pick('12-12');
  if (/618/.test(name)) return pick('06-18');
  return null;
}
