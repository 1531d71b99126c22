import { addDays, daysInMonth, dayIndex, makeDate } from '../rules/dates';
import { mondayOf } from './dates';
import type { DateRange } from './types';

export interface FoundPeriod {
  range: DateRange;
  index: number;
  /** Relative to the period mentioned before it ("上周…比前一周"). */
  relative: boolean;
  /** "本周": a week still in progress, compared like-for-like. */
  partialWeek: boolean;
}

function monthRange(today: string, plus: number): DateRange {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7)) + plus;
  while (m < 1) {
    m += 12;
    y--;
  }
  while (m > 12) {
    m -= 12;
    y++;
  }
  return { from: makeDate(y, m, 1), to: makeDate(y, m, daysInMonth(y, m)) };
}

/** The same length of time just before `r` (a calendar month before a calendar month). */
export function previousOf(r: DateRange): DateRange {
  const len = dayIndex(r.to) - dayIndex(r.from) + 1;
  if (r.from.endsWith('-01') && addDays(r.to, 1).endsWith('-01') && len >= 28) return monthRange(r.from, -1);
  return { from: addDays(r.from, -len), to: addDays(r.to, -len) };
}

const PATTERNS: Array<[RegExp, (m: RegExpExecArray, today: string) => DateRange, boolean?, boolean?]> = [
  [/上上周|上上个?星期|the week before last/i, (_, t) => ({ from: addDays(mondayOf(t), -14), to: addDays(mondayOf(t), -8) })],
  [/前一周|前1周|前一个?星期|the week before|previous week/i, (_, t) => ({ from: addDays(mondayOf(t), -14), to: addDays(mondayOf(t), -8) }), true],
  [/上周|上个?星期|上礼拜|last week/i, (_, t) => ({ from: addDays(mondayOf(t), -7), to: addDays(mondayOf(t), -1) })],
  [/本周|这周|这个?星期|this week/i, (_, t) => ({ from: mondayOf(t), to: t }), false, true],
  [/前一天|前1天|the day before/i, (_, t) => ({ from: addDays(t, -2), to: addDays(t, -2) }), true],
  [/前天|day before yesterday/i, (_, t) => ({ from: addDays(t, -2), to: addDays(t, -2) })],
  [/昨天|昨日|yesterday/i, (_, t) => ({ from: addDays(t, -1), to: addDays(t, -1) })],
  [/今天|今日|today/i, (_, t) => ({ from: t, to: t })],
  [/(?:最近|近|过去|前)(\d+)天|(?:last|past) (\d+) days/i, (m, t) => ({ from: addDays(t, -Number(m[1] ?? m[2])), to: addDays(t, -1) })],
  [/前一个?月|前1个?月|the month before|previous month/i, (_, t) => monthRange(t, -2), true],
  [/上个?月|last month/i, (_, t) => monthRange(t, -1)],
  [/本月|这个?月|this month/i, (_, t) => ({ from: `${t.slice(0, 8)}01`, to: t })],
];

/** Periods a question mentions, left to right. "前一周" after "上周" means the week before it. */
export function findPeriods(text: string, today: string): FoundPeriod[] {
  const found: FoundPeriod[] = [];
  const taken: Array<[number, number]> = [];
  for (const [re, resolve, relative, partial] of PATTERNS) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (let m = g.exec(text); m; m = g.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken.some(([a, b]) => s < b && e > a)) continue;
      taken.push([s, e]);
      found.push({ range: resolve(m, today), index: s, relative: relative === true, partialWeek: partial === true });
    }
  }
  found.sort((a, b) => a.index - b.index);
  // A relative period follows the one before it.
  for (let i = 1; i < found.length; i++) if (found[i]!.relative) found[i]!.range = previousOf(found[i - 1]!.range);
  return found;
}
