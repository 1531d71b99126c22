import { fromDay, toDay, weekdayOf } from './dates';
import { taskSpan } from './span';
import type { ScheduleTask } from './types';

export const DEFAULT_MAX_TASKS_PER_DAY = 3;
/** Monday to Friday. Shops that work weekends during a campaign pass all seven days. */
export const DEFAULT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5];

export interface WorkloadOptions {
  /** A person is over-allocated on a day with more than this many tasks. Default 3. */
  maxTasksPerDay?: number;
  /** Weekdays people work, 0 = Sunday. Default Monday to Friday. */
  workingDays?: readonly number[];
  /** Only count days in [from, to] (ISO, inclusive). */
  from?: string | null;
  to?: string | null;
  /** Count finished tasks too (for looking back); default only open ones. */
  includeDone?: boolean;
}

export interface PersonDay {
  assigneeId: string;
  date: string;
  day: number;
  /** Tasks that occupy this working day. */
  count: number;
  /** Share of effort: each task spreads one unit evenly over its working days. */
  load: number;
  taskIds: string[];
}

/**
 * Workload per person per day. A task occupies each working day of its span (all of its days
 * when the span has no working day, e.g. a weekend push); undated and unassigned tasks do not
 * count. Each person's days are sorted by date.
 */
export function workloadByPerson(tasks: readonly ScheduleTask[], options: WorkloadOptions = {}): Map<string, PersonDay[]> {
  const working = new Set(options.workingDays ?? DEFAULT_WORKING_DAYS);
  const from = options.from ? toDay(options.from) : -Infinity;
  const to = options.to ? toDay(options.to) : Infinity;
  const people = new Map<string, Map<number, PersonDay>>();
  for (const t of tasks) {
    if (!t.assigneeId || (!options.includeDone && t.status === 'done')) continue;
    const span = taskSpan(t);
    if (!span) continue;
    const days: number[] = [];
    for (let d = span.start; d <= span.due; d++) if (working.has(weekdayOf(d))) days.push(d);
    if (days.length === 0) for (let d = span.start; d <= span.due; d++) days.push(d);
    const share = 1 / days.length;
    let byDay = people.get(t.assigneeId);
    if (!byDay) people.set(t.assigneeId, (byDay = new Map()));
    for (const d of days) {
      if (d < from || d > to) continue;
      let cell = byDay.get(d);
      if (!cell) byDay.set(d, (cell = { assigneeId: t.assigneeId, date: fromDay(d), day: d, count: 0, load: 0, taskIds: [] }));
      cell.count += 1;
      cell.load += share;
      cell.taskIds.push(t.id);
    }
  }
  const out = new Map<string, PersonDay[]>();
  for (const [person, byDay] of people) out.set(person, [...byDay.values()].sort((a, b) => a.day - b.day));
  return out;
}

/** Person-days with more than `maxTasksPerDay` tasks, by person then date. */
export function overAllocations(workload: ReadonlyMap<string, readonly PersonDay[]>, maxTasksPerDay = DEFAULT_MAX_TASKS_PER_DAY): PersonDay[] {
  const out: PersonDay[] = [];
  for (const days of workload.values()) for (const d of days) if (d.count > maxTasksPerDay) out.push(d);
  return out;
}

export interface LatePredecessor {
  id: string;
  dueDate: string;
  daysLate: number;
}

export interface BlockedTask {
  taskId: string;
  latePredecessors: LatePredecessor[];
}

/** Open tasks waiting on a predecessor that is past its due date and not done. */
export function blockedByLate(tasks: readonly ScheduleTask[], today: string): BlockedTask[] {
  const todayDay = toDay(today);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const out: BlockedTask[] = [];
  for (const t of tasks) {
    if (t.status === 'done' || t.dependsOn.length === 0) continue;
    const late: LatePredecessor[] = [];
    for (const pid of t.dependsOn) {
      const p = byId.get(pid);
      if (!p || p.status === 'done' || !p.dueDate) continue;
      const daysLate = todayDay - toDay(p.dueDate);
      if (daysLate > 0) late.push({ id: p.id, dueDate: p.dueDate, daysLate });
    }
    if (late.length) out.push({ taskId: t.id, latePredecessors: late });
  }
  return out;
}

/** Open tasks due on each day, per person (for "6 tasks due Thursday"). */
export function dueByPersonDay(tasks: readonly ScheduleTask[]): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  for (const t of tasks) {
    if (!t.assigneeId || t.status === 'done' || !t.dueDate) continue;
    let byDate = out.get(t.assigneeId);
    if (!byDate) out.set(t.assigneeId, (byDate = new Map()));
    const list = byDate.get(t.dueDate);
    if (list) list.push(t.id);
    else byDate.set(t.dueDate, [t.id]);
  }
  return out;
}
