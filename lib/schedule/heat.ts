import { fromDay, toDay, weekdayOf } from './dates';
import type { PersonDay } from './load';

export interface HeatCell {
  date: string;
  count: number;
  /** More tasks than a person should carry on one day. */
  over: boolean;
  workingDay: boolean;
  taskIds: readonly string[];
}

export interface HeatRow {
  memberId: string;
  name: string;
  cells: HeatCell[];
  peak: number;
  overDays: number;
}

/**
 * One row per member for the bottleneck panel: tasks per day over `days` days from `from`.
 * Members with nothing in the window are left out; the busiest rows come first.
 */
export function heatRows(
  workload: ReadonlyMap<string, readonly PersonDay[]>,
  members: readonly { id: string; name: string }[],
  options: { from: string; days: number; maxTasksPerDay: number; workingDays: readonly number[] },
): HeatRow[] {
  const start = toDay(options.from);
  const working = new Set(options.workingDays);
  const rows: HeatRow[] = [];
  const names = new Map(members.map((m) => [m.id, m.name]));
  for (const [memberId, personDays] of workload) {
    const byDay = new Map(personDays.map((d) => [d.day, d]));
    const cells: HeatCell[] = [];
    let peak = 0;
    let overDays = 0;
    for (let day = start; day < start + options.days; day++) {
      const d = byDay.get(day);
      const count = d?.count ?? 0;
      const over = count > options.maxTasksPerDay;
      if (count > peak) peak = count;
      if (over) overDays++;
      cells.push({ date: fromDay(day), count, over, workingDay: working.has(weekdayOf(day)), taskIds: d?.taskIds ?? [] });
    }
    if (peak === 0) continue;
    rows.push({ memberId, name: names.get(memberId) ?? '（已移除）Removed', cells, peak, overDays });
  }
  return rows.sort((a, b) => b.overDays - a.overDays || b.peak - a.peak || a.name.localeCompare(b.name));
}
