/**
 * Which days a figure covers, from what the page shows (`统计时间 2026-11-23`,
 * `2026-11-16 ~ 2026-11-22`) or the request it made (`dateType=day&dateRange=a|b`).
 * A record is keyed by the last day it covers plus its period (taobao-pages.md, contract).
 */
import type { Period } from '../metrics/record';

export interface DayRange {
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` when y/m/d form a real calendar day, else null. */
export function isoDay(y: number, mo: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(mo) || !Number.isInteger(d) || y < 2000 || y > 2100) return null;
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

// 2026-11-23, 2026/11/23, 2026.11.23, 2026年11月23日; the month-only form is handled separately.
const DAY_RE = /(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*日?/g;
const MONTH_RE = /(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})(?!\d)\s*月?/;

/** Every calendar day written in the text, in order. */
export function findDays(text: string): string[] {
  const out: string[] = [];
  for (const mm of text.matchAll(DAY_RE)) {
    const day = isoDay(Number(mm[1]), Number(mm[2]), Number(mm[3]));
    if (day) out.push(day);
  }
  return out;
}

/**
 * The days a shown date covers: one day (`统计时间 2026-11-23`), a range (`2026-11-16 ~ 2026-11-22`,
 * the last day counts), or a month (`2026-11` → the whole month). Null when no date is shown
 * or the range runs backwards.
 */
export function parseShownRange(text: string): DayRange | null {
  const days = findDays(text);
  if (days.length >= 3) return null; // not a date picker: a sentence full of dates
  if (days.length > 0) {
    const start = days[0] as string;
    const end = days[days.length - 1] as string;
    return daysBetween(start, end) >= 0 ? { start, end } : null;
  }
  if (text.search(DAY_RE) >= 0) return null; // a day was written but is not a real day: not a month
  const mm = MONTH_RE.exec(text);
  if (!mm) return null;
  const start = isoDay(Number(mm[1]), Number(mm[2]), 1);
  if (!start) return null;
  const next = new Date(Date.UTC(Number(mm[1]), Number(mm[2]), 1));
  return { start, end: addDays(next.toISOString().slice(0, 10), -1) };
}

/** `dateRange=2026-11-16|2026-11-22` (already URL-decoded) → the range, or null. */
export function parseDateRangeParam(value: string | null | undefined): DayRange | null {
  if (!value) return null;
  const parts = value.split('|');
  if (parts.length !== 2) return null;
  const [a, b] = parts.map((p) => (findDays(p).length === 1 ? findDays(p)[0] : null));
  if (!a || !b || daysBetween(a, b) < 0) return null;
  return { start: a, end: b };
}

/**
 * Sycm's dateType → our period. `today` is the real-time view. `recent7` is the 7 days ending
 * on the date, the same window our 'week' key means (7 days ending on `date`). `recent30` is
 * 30 days, which is not a calendar month, so it has no period and is not captured.
 */
export function periodFromDateType(dateType: string | null | undefined): Period | null {
  switch (dateType) {
    case 'day':
    case 'recent1':
      return 'day';
    case 'week':
    case 'recent7':
      return 'week';
    case 'month':
      return 'month';
    case 'today':
      return 'realtime';
    default:
      return null;
  }
}

function isWholeMonth(r: DayRange): boolean {
  return r.start.endsWith('-01') && r.start.slice(0, 7) === r.end.slice(0, 7) && addDays(r.end, 1).endsWith('-01');
}

/** The period a shown range implies on its own: 1 day, 7 days, or a whole calendar month. */
export function periodOfRange(r: DayRange): Period | null {
  const len = daysBetween(r.start, r.end) + 1;
  if (len === 1) return 'day';
  if (len === 7) return 'week';
  return isWholeMonth(r) ? 'month' : null;
}

/** Whether a range is what the period says it is (a 'day' figure over 7 days is a misread). */
export function rangeFitsPeriod(r: DayRange, p: Period): boolean {
  const len = daysBetween(r.start, r.end) + 1;
  if (p === 'day' || p === 'realtime') return len === 1;
  if (p === 'week') return len === 7;
  return isWholeMonth(r);
}

/** The day and period a figure covers, or why it cannot be told. */
export type DateContext = { ok: true; date: string; period: Period } | { ok: false; reason: string };

/**
 * Combine a declared dateType (URL or request) with a range (shown or requested).
 * The declared type wins for the period; the range must agree with it.
 */
export function resolveDateContext(dateType: string | null | undefined, range: DayRange | null, today?: string): DateContext {
  const declared = periodFromDateType(dateType);
  if (dateType && !declared) return { ok: false, reason: `dateType "${dateType}" has no period we store` };
  if (declared === 'realtime') {
    const date = range?.end ?? today;
    if (!date) return { ok: false, reason: 'real-time figures but no date on the page' };
    return { ok: true, date, period: 'realtime' };
  }
  if (!range) return { ok: false, reason: 'no statistics date on the page or in the request' };
  const period = declared ?? periodOfRange(range);
  if (!period) return { ok: false, reason: `date range ${range.start}~${range.end} is not a day, week or month` };
  if (!rangeFitsPeriod(range, period)) {
    return { ok: false, reason: `date range ${range.start}~${range.end} does not fit period ${period}` };
  }
  return { ok: true, date: range.end, period };
}
