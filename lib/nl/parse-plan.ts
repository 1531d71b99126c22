import { addDays, daysInMonth, makeDate } from '../rules/dates';
import { findDates, removeSpan } from './dates';
import type { ActionProposal, ParseContext } from './types';

/** Days of recent history a budget plan is based on: four whole weeks, so weekdays weigh equally. */
export const BASIS_DAYS = 28;

function amountOf(text: string): number | null {
  const m = /(\d+(?:\.\d+)?)\s*(万|w|千|k|元|块|rmb|yuan)?/i.exec(text);
  if (!m) return null;
  const unit = (m[2] ?? '').toLowerCase();
  const mult = unit === '万' || unit === 'w' ? 10_000 : unit === '千' || unit === 'k' ? 1_000 : 1;
  return Number(m[1]) * mult;
}

/** "下月推广预算", "下个月推广预算3万", "plan next month's ad budget of 20k". */
export function parsePlan(text: string, ctx: ParseContext): ActionProposal | null {
  if (!/预算|budget/i.test(text)) return null;
  // "审批预算" is a task about a budget, not an ad plan: ask for an advertising word.
  if (!/推广|广告|投放|直通车|引力魔方|万相台|营销|\bads?\b|advertising|marketing|promotion|p4p|spend/i.test(text)) return null;
  const thisMonth = /本月|这个?月|this month/i.test(text);
  let y = Number(ctx.today.slice(0, 4));
  let mo = Number(ctx.today.slice(5, 7));
  if (!thisMonth) {
    mo++;
    if (mo > 12) {
      mo = 1;
      y++;
    }
  }
  const from = thisMonth ? ctx.today : makeDate(y, mo, 1);
  const to = makeDate(y, mo, daysInMonth(y, mo));
  let rest = text;
  for (const d of findDates(text, ctx.today).reverse()) rest = removeSpan(rest, d);
  const total = amountOf(rest.replace(/\d+\s*月/g, ''));
  const month = `${y}-${String(mo).padStart(2, '0')}`;
  const basis = { from: addDays(ctx.today, -BASIS_DAYS), to: addDays(ctx.today, -1) };
  return {
    kind: 'draftPlan',
    params: { month, range: { from, to }, basis, total },
    summaryZh: `按最近${BASIS_DAYS}天各商品的投入产出比（ROI）起草 ${month} 推广预算${total !== null ? `，总额 ¥${total}` : '（总额按近期日均花费）'}`,
    summaryEn: `Draft the ${month} ad budget from each item's ROI over the last ${BASIS_DAYS} days${total !== null ? `, total ¥${total}` : ' (total at the recent daily spend)'}`,
  };
}
