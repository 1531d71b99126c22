import { addDays, dayIndex } from '../rules/dates';
import { metricLabel } from '../rules/metrics';
import { findMetric } from './lexicon';
import { findPeriods, previousOf } from './periods';
import type { ActionProposal, DateRange, ParseContext, QuerySpec } from './types';

const TOP = /最高|最低|最多|最少|最大|最小|最好|最差|排名|排行|倒数|前\d+(?:个|名|款)|top ?\d*|highest|lowest|most|least|best|worst|bottom|rank/i;
const ITEMS = /商品|宝贝|单品|款|链接|\bitems?\b|\bproducts?\b|\bskus?\b/i;
const ASC = /最低|最少|最小|最差|倒数|lowest|least|worst|bottom/i;
const CHANGE = /比|较|相比|对比|环比|涨|跌|增长|下降|增加|减少|变化|升|降|change|compared|\bvs\.?\b|versus|grow|grew|rise|rose|fall|fell|drop|increase|decrease|differ/i;
const QUESTION = /多少|几|怎么样|如何|怎样|是什么|情况|查|看看|看下|看一下|显示|列出|哪|\?|how|what|which|show|list|tell me/i;

function fmtRange(r: DateRange): string {
  return r.from === r.to ? r.from : `${r.from}~${r.to}`;
}

function topN(text: string): number {
  const m = /前(\d+)|(\d+)\s*(?:个|名|款|件)|top ?(\d+)|(\d+) (?:items|products|skus)/i.exec(text);
  const n = m ? Number(m[1] ?? m[2] ?? m[3] ?? m[4]) : 5;
  return Math.min(Math.max(n, 1), 100);
}

/**
 * Data questions: "本周退款率最高的三个商品" (top items), "上周支付金额比前一周涨了多少" (change),
 * "昨天访客数多少" (a value). A metric alone is not a question: it needs a period or a question word.
 */
export function parseQuery(text: string, ctx: ParseContext): ActionProposal | null {
  const metric = findMetric(text);
  if (!metric) return null;
  const periods = findPeriods(text, ctx.today);
  const isTop = TOP.test(text) && (ITEMS.test(text) || /的\d+个/.test(text));
  const isChange = !isTop && CHANGE.test(text.replace(/比率|比例/g, ''));
  if (periods.length === 0 && !QUESTION.test(text) && !isTop && !isChange) return null;
  const label = metricLabel(metric.code);
  const itemMatch = /(?:商品|宝贝|item|id)\s*[:：#]?\s*(\d{5,20})/i.exec(text);
  const itemId = itemMatch ? itemMatch[1]! : null;
  const lastWeekDays: DateRange = { from: addDays(ctx.today, -7), to: addDays(ctx.today, -1) };
  let spec: QuerySpec;
  let zh: string;
  let en: string;
  if (isTop) {
    const range = periods[0]?.range ?? lastWeekDays;
    const order = ASC.test(text) ? 'asc' : 'desc';
    const n = topN(text.slice(0, metric.index) + text.slice(metric.index + metric.length));
    spec = { kind: 'top', metric: metric.code, n, order, range };
    zh = `查询 ${fmtRange(range)} ${label.zh}${order === 'desc' ? '最高' : '最低'}的 ${n} 个商品`;
    en = `Find the ${n} items with the ${order === 'desc' ? 'highest' : 'lowest'} ${label.en} for ${fmtRange(range)}`;
  } else if (isChange) {
    const first = periods[0];
    let current = first?.range ?? lastWeekDays;
    let previous = periods[1]?.range ?? previousOf(current);
    const cmp = CHANGE.exec(text);
    if (first?.partialWeek) {
      // "本周比上周": a week in progress is compared with the same weekdays of last week.
      previous = { from: addDays(current.from, -7), to: addDays(current.to, -7) };
    } else if (first && periods.length === 1 && cmp && (cmp.index < first.index || /(?:和|跟|与|同)\s*$/.test(text.slice(0, first.index)))) {
      // "支付金额比上周…" / "和昨天比" / "sales vs last week": the one period named is the baseline; compare
      // the period after it, up to today, with the same number of its days.
      const len = dayIndex(first.range.to) - dayIndex(first.range.from) + 1;
      const to = addDays(first.range.to, len) < ctx.today ? addDays(first.range.to, len) : ctx.today;
      current = { from: addDays(first.range.from, len), to };
      previous = { from: first.range.from, to: addDays(first.range.from, dayIndex(to) - dayIndex(current.from)) };
    }
    spec = { kind: 'change', metric: metric.code, itemId, current, previous };
    zh = `对比${itemId ? `商品 ${itemId} 的` : ''}${label.zh}：${fmtRange(current)} 对 ${fmtRange(previous)}`;
    en = `Compare ${label.en}${itemId ? ` of item ${itemId}` : ''}: ${fmtRange(current)} vs ${fmtRange(previous)}`;
  } else {
    const range = periods[0]?.range ?? { from: addDays(ctx.today, -1), to: addDays(ctx.today, -1) };
    spec = { kind: 'value', metric: metric.code, itemId, range };
    zh = `查询${itemId ? `商品 ${itemId} ` : ''}${fmtRange(range)} 的${label.zh}`;
    en = `Look up ${label.en}${itemId ? ` of item ${itemId}` : ''} for ${fmtRange(range)}`;
  }
  return { kind: 'query', params: spec, summaryZh: zh, summaryEn: en };
}
