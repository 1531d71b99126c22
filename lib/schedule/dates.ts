/**
 * Day arithmetic on ISO calendar dates (`YYYY-MM-DD`). A day number counts whole days since
 * 1970-01-01; dates are calendar days in the shop's local time, so UTC is only used as a
 * time-zone-free calendar (no DST surprises).
 */
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for an ISO date. The caller guarantees the format (domain schemas validate it). */
export function toDay(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** ISO date for a day number. */
export function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Calendar parts of a day number, without allocating a string. */
export function dayParts(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * How to name a day in advice text: the weekday when it falls within the coming week
 * ("周四 / Thursday"), otherwise the date ("11月7日 / Nov 7").
 */
export function dayName(iso: string, today: string): { zh: string; en: string } {
  const day = toDay(iso);
  const diff = day - toDay(today);
  if (diff === 0) return { zh: '今天', en: 'today' };
  if (diff === 1) return { zh: '明天', en: 'tomorrow' };
  const { month, date } = dayParts(day);
  if (diff > 1 && diff < 7) {
    const wd = weekdayOf(day);
    return { zh: WEEKDAYS_ZH[wd] ?? '', en: WEEKDAYS_EN[wd] ?? '' };
  }
  return { zh: `${month}月${date}日`, en: `${MONTHS_EN[month - 1] ?? ''} ${date}` };
}
