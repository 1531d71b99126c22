/**
 * Day ranges for reports, on `YYYY-MM-DD` strings in UTC arithmetic (no time zone can shift
 * a day). Weeks start on Monday, as Sycm's 周 reports do.
 */
import { addDays, daysBetween } from '../domain/dates';

export interface DayRange {
  from: string;
  to: string;
}

/** Every day from `from` to `to` inclusive (empty when to < from; capped at 3 years). */
export function dayList(range: DayRange): string[] {
  const n = daysBetween(range.from, range.to);
  if (!Number.isFinite(n) || n < 0) return [];
  const out: string[] = [];
  for (let i = 0; i <= Math.min(n, 366 * 3); i++) out.push(addDays(range.from, i));
  return out;
}

/** Monday of the week containing `day`. */
export function weekStart(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((dow + 6) % 7));
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The previous range of the same length, ending the day before `range.from`. */
export function previousRange(range: DayRange): DayRange {
  const len = daysBetween(range.from, range.to);
  const to = addDays(range.from, -1);
  return { from: addDays(to, -len), to };
}

export type ComparePeriod = 'week' | 'month';

export interface PeriodPair {
  kind: ComparePeriod;
  /** The period containing `anchor`, up to and including `anchor` (week/month to date). */
  current: DayRange;
  /** The whole previous period (for the chart), and its like-for-like part (for totals). */
  previous: DayRange;
  previousToDate: DayRange;
}

/**
 * This week vs last week, or this month vs last month, anchored on the last day with data.
 * Totals compare like with like: the first N days of each period, so a Wednesday is not
 * compared with a whole week.
 */
export function periodPair(kind: ComparePeriod, anchor: string): PeriodPair {
  if (kind === 'week') {
    const start = weekStart(anchor);
    const prevStart = addDays(start, -7);
    const elapsed = daysBetween(start, anchor);
    return {
      kind,
      current: { from: start, to: anchor },
      previous: { from: prevStart, to: addDays(start, -1) },
      previousToDate: { from: prevStart, to: addDays(prevStart, elapsed) },
    };
  }
  const start = monthStart(anchor);
  const prevEnd = addDays(start, -1);
  const prevStart = monthStart(prevEnd);
  const dom = Number(anchor.slice(8, 10));
  const prevLen = Number(prevEnd.slice(8, 10));
  return {
    kind,
    current: { from: start, to: anchor },
    previous: { from: prevStart, to: prevEnd },
    previousToDate: { from: prevStart, to: addDays(prevStart, Math.min(dom, prevLen) - 1) },
  };
}

/** Short axis label: `11-23`. */
export function shortDay(day: string): string {
  return day.slice(5);
}
