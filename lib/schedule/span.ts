import { toDay } from './dates';
import type { DaySpan, ScheduleTask } from './types';

/**
 * The planned span of a task, or null when it has no dates (such tasks are listed apart and
 * never drawn at the epoch). A task with only one date is a one-day task on that date; a due
 * date before the start (the schema refuses it, old rows may have it) collapses to the start.
 */
export function taskSpan(t: Pick<ScheduleTask, 'startDate' | 'dueDate'>): DaySpan | null {
  const s = t.startDate ?? t.dueDate;
  const d = t.dueDate ?? t.startDate;
  if (s === null || d === null) return null;
  const start = toDay(s);
  const due = toDay(d);
  return { start, due: due < start ? start : due };
}

/** Duration in calendar days, counting both ends (start = due is one day). */
export function spanDays(span: DaySpan): number {
  return span.due - span.start + 1;
}

/** Split a list into dated tasks and the ids of tasks without dates. */
export function partitionDated<T extends ScheduleTask>(tasks: readonly T[]): { dated: T[]; undated: T[] } {
  const dated: T[] = [];
  const undated: T[] = [];
  for (const t of tasks) (taskSpan(t) ? dated : undated).push(t);
  return { dated, undated };
}
