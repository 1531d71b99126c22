import { dayParts, weekdayOf } from '../../lib/schedule/dates';
import type { Range } from './layout';
import type { GanttZoom } from './types';

export interface Tick {
  day: number;
  label: string;
  /** Weekend day (shaded in the day zoom). */
  weekend?: boolean;
}

export interface Ticks {
  /** Upper header row: months (day and week zoom) or years (month zoom). */
  major: Tick[];
  /** Lower header row: days, weeks (Mondays) or months. */
  minor: Tick[];
}

/**
 * Header ticks for the visible days. The first major tick is the period containing the first
 * visible day (so its label shows even when the month started off-screen).
 */
export function timeTicks(zoom: GanttZoom, days: Range): Ticks {
  const major: Tick[] = [];
  const minor: Tick[] = [];
  if (days.last < days.first) return { major, minor };
  for (let day = days.first; day <= days.last; day++) {
    const { year, month, date } = dayParts(day);
    const wd = weekdayOf(day);
    if (zoom === 'month') {
      if (date === 1 || day === days.first) minor.push({ day: day - date + 1, label: `${month}月` });
      if ((month === 1 && date === 1) || day === days.first) major.push({ day, label: `${year}年` });
    } else {
      if (date === 1 || day === days.first) major.push({ day: day - date + 1, label: `${year}年${month}月` });
      if (zoom === 'day') minor.push({ day, label: String(date), weekend: wd === 0 || wd === 6 });
      else if (wd === 1) minor.push({ day, label: `${month}/${date}` });
    }
  }
  return { major, minor };
}
