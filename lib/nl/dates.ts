import { addDays, daysInMonth, isValidDate, makeDate, weekdayOf } from '../rules/dates';

/** A date found in a command, with where it was, so the rest of the text can be read without it. */
export interface FoundDate {
  date: string;
  index: number;
  length: number;
}

const WD_ZH: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6, '1': 0, '2': 1, '3': 2, '4': 3, '5': 4, '6': 5, '7': 6 };
const WD_EN: Record<string, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };
const MONTH_EN: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const EN_WEEKDAY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)';
const EN_MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/** Monday of the week `today` is in (Chinese weeks start on Monday). */
export function mondayOf(today: string): string {
  return addDays(today, -weekdayOf(today));
}

/** The next time it is that weekday, today included ("周五" on a Friday means today). */
function nextWeekday(today: string, wd: number): string {
  return addDays(today, (wd - weekdayOf(today) + 7) % 7);
}

/** A month-day without a year: this year unless that day has passed, then next year. */
function upcoming(today: string, month: number, day: number): string | null {
  const y = Number(today.slice(0, 4));
  // Up to 8 years ahead, so 2月29日 finds the next leap year; an impossible day finds nothing.
  for (let k = 0; k <= 8; k++) {
    if (isValidDate(y + k, month, day) && makeDate(y + k, month, day) >= today) return makeDate(y + k, month, day);
  }
  return null;
}

function monthEnd(today: string, plus: number): string {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7)) + plus;
  while (m > 12) {
    m -= 12;
    y++;
  }
  return makeDate(y, m, daysInMonth(y, m));
}

function monthStart(today: string, plus: number): string {
  const end = monthEnd(today, plus);
  return `${end.slice(0, 8)}01`;
}

type Resolver = (m: RegExpExecArray, today: string) => string | null;

/** Tried in order; longer, more specific forms first so "下周五" is not read as "周五". */
const PATTERNS: Array<[RegExp, Resolver]> = [
  [/(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})[日号]?/, (m) => (isValidDate(+m[1]!, +m[2]!, +m[3]!) ? makeDate(+m[1]!, +m[2]!, +m[3]!) : null)],
  [/(\d{1,2})月(\d{1,2})[日号]?/, (m, t) => upcoming(t, +m[1]!, +m[2]!)],
  [/(?<![\dpP])(\d{1,2})[-/](\d{1,2})(?!\d)/, (m, t) => upcoming(t, +m[1]!, +m[2]!)],
  [/下下(?:周|星期|礼拜)([一二三四五六日天1-7])/, (m, t) => addDays(mondayOf(t), 14 + WD_ZH[m[1]!]!)],
  [/下(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])/, (m, t) => addDays(mondayOf(t), 7 + WD_ZH[m[1]!]!)],
  [/(?:本|这|这个)(?:周|星期|礼拜)([一二三四五六日天1-7])/, (m, t) => addDays(mondayOf(t), WD_ZH[m[1]!]!)],
  [/(?:周|星期|礼拜)([一二三四五六日天1-7])/, (m, t) => nextWeekday(t, WD_ZH[m[1]!]!)],
  [/大后天/, (_, t) => addDays(t, 3)],
  [/后天/, (_, t) => addDays(t, 2)],
  [/明天|明日/, (_, t) => addDays(t, 1)],
  [/今天|今日/, (_, t) => t],
  [/(\d+)天(?:后|之后|以后)/, (m, t) => addDays(t, +m[1]!)],
  [/(\d+)天(?:内|之内)/, (m, t) => addDays(t, +m[1]!)],
  [/下(?:个)?月底/, (_, t) => monthEnd(t, 1)],
  [/(?:本|这个?)?月底/, (_, t) => monthEnd(t, 0)],
  [/下(?:个)?月初/, (_, t) => monthStart(t, 1)],
  [/(?<![\d月])(\d{1,2})[号日]/, (m, t) => {
    const d = +m[1]!;
    const y = Number(t.slice(0, 4));
    const mo = Number(t.slice(5, 7));
    if (isValidDate(y, mo, d) && makeDate(y, mo, d) >= t) return makeDate(y, mo, d);
    const next = monthStart(t, 1);
    return isValidDate(+next.slice(0, 4), +next.slice(5, 7), d) ? makeDate(+next.slice(0, 4), +next.slice(5, 7), d) : null;
  }],
  // English
  [/\bday after tomorrow\b/i, (_, t) => addDays(t, 2)],
  [/\btomorrow\b/i, (_, t) => addDays(t, 1)],
  [/\btoday\b/i, (_, t) => t],
  [/\bin (\d+) days?\b/i, (m, t) => addDays(t, +m[1]!)],
  [/\bend of next month\b/i, (_, t) => monthEnd(t, 1)],
  [/\bend of (?:the |this )?month\b/i, (_, t) => monthEnd(t, 0)],
  [new RegExp(`\\bnext ${EN_WEEKDAY}\\b`, 'i'), (m, t) => addDays(mondayOf(t), 7 + WD_EN[m[1]!.slice(0, 3).toLowerCase()]!)],
  [new RegExp(`\\bthis ${EN_WEEKDAY}\\b`, 'i'), (m, t) => addDays(mondayOf(t), WD_EN[m[1]!.slice(0, 3).toLowerCase()]!)],
  [new RegExp(`\\b${EN_WEEKDAY}\\b`, 'i'), (m, t) => nextWeekday(t, WD_EN[m[1]!.slice(0, 3).toLowerCase()]!)],
  [new RegExp(`\\b${EN_MONTH} (\\d{1,2})(?:st|nd|rd|th)?\\b`, 'i'), (m, t) => upcoming(t, MONTH_EN[m[1]!.slice(0, 3).toLowerCase()]!, +m[2]!)],
  [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${EN_MONTH}`, 'i'), (m, t) => upcoming(t, MONTH_EN[m[2]!.slice(0, 3).toLowerCase()]!, +m[1]!)],
];

/** The first date mentioned in `text`, resolved against `today` (YYYY-MM-DD); null when none. */
export function findDate(text: string, today: string): FoundDate | null {
  let best: FoundDate | null = null;
  for (const [re, resolve] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const date = resolve(m, today);
    if (!date) continue;
    // The earliest mention wins; at the same place, the earlier (more specific) pattern.
    if (!best || m.index < best.index) best = { date, index: m.index, length: m[0].length };
  }
  return best;
}

/** Every date in the text, left to right (e.g. "11月1日开始，11月11日结束"). */
export function findDates(text: string, today: string): FoundDate[] {
  const out: FoundDate[] = [];
  let rest = text;
  let offset = 0;
  for (let guard = 0; guard < 5; guard++) {
    const f = findDate(rest, today);
    if (!f) break;
    out.push({ ...f, index: f.index + offset });
    offset += f.index + f.length;
    rest = rest.slice(f.index + f.length);
  }
  return out;
}

export function removeSpan(text: string, f: { index: number; length: number }): string {
  return text.slice(0, f.index) + text.slice(f.index + f.length);
}

