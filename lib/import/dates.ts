/**
 * The dates Sycm exports and spreadsheets carry: `2026-11-23`, `2026/11/3`, `20261123`,
 * `2026年11月23日`, an Excel serial day number (46000), or a range `2026-11-17~2026-11-23`
 * (a weekly or monthly export). The stored date is the last day the figure covers.
 */
import { addDays, daysBetween } from '../domain/dates';
import type { Period } from '../metrics/record';

function valid(y: number, m: number, d: number): string | null {
  if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : null;
}

/** One day, or null when the text is not a day. */
export function parseDay(text: string): string | null {
  const s = text.trim().replace(/^'/, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  // Excel stores dates as days since 1899-12-30 (the 1900 system, leap-year bug included).
  if (/^\d{5}(?:\.0+)?$/.test(s)) {
    const serial = Number(s);
    if (serial >= 36_526 && serial <= 73_050) return addDays('1899-12-30', serial);
  }
  return null;
}

export interface CoveredDays {
  date: string;
  period: Period;
}

/**
 * A date cell → the day the figures cover and their period: one day → 'day'; a Monday–Sunday
 * range → 'week'; a whole calendar month → 'month'. Other ranges cannot be stored as one
 * figure and give null.
 */
export function parseCovered(text: string): CoveredDays | null {
  const parts = text.split(/\s*(?:~|～|至|—|--|\s-\s)\s*/).filter((p) => p.trim() !== '');
  if (parts.length === 1) {
    const d = parseDay(parts[0]!);
    return d ? { date: d, period: 'day' } : null;
  }
  if (parts.length !== 2) return null;
  const from = parseDay(parts[0]!);
  const to = parseDay(parts[1]!);
  if (!from || !to) return null;
  const span = daysBetween(from, to);
  if (span === 0) return { date: to, period: 'day' };
  if (span === 6 && new Date(`${from}T00:00:00Z`).getUTCDay() === 1) return { date: to, period: 'week' };
  if (from.endsWith('-01') && from.slice(0, 7) === to.slice(0, 7) && addDays(to, 1).endsWith('-01')) return { date: to, period: 'month' };
  return null;
}
