/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings. Shop days are local dates with
 * no time zone, so we count them as UTC days: no DST jumps, no host-zone surprises.
 * Shared by rules, forecasts and the command parser (all pure).
 */
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a `YYYY-MM-DD` string (fast path: no Date parsing). */
export function dayIndex(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function dateOf(index: number): string {
  return new Date(index * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOf(dayIndex(date) + days);
}

/** 0 = Monday … 6 = Sunday (Chinese weeks start on Monday: 周一). */
export function weekdayOf(date: string): number {
  return (dayIndex(date) + 3) % 7; // 1970-01-01 was a Thursday
}

export function weekdayOfIndex(index: number): number {
  return (((index + 3) % 7) + 7) % 7;
}

export const WEEKDAY_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
export const WEEKDAY_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

export function isValidDate(year: number, month1: number, day: number): boolean {
  return month1 >= 1 && month1 <= 12 && day >= 1 && day <= daysInMonth(year, month1);
}

export function makeDate(year: number, month1: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
