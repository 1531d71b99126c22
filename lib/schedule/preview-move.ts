import { fromDay, toDay } from './dates';
import { DependencyCycleError, buildGraph, findCycle, topoIndexes } from './graph';
import { taskSpan } from './span';
import type { DaySpan, ScheduleTask } from './types';

export interface ShiftedTask {
  id: string;
  fromStart: string;
  fromDue: string;
  startDate: string;
  dueDate: string;
  /** Days pushed forward (always > 0); the duration is kept. */
  byDays: number;
}

/** A finish-to-start dependency of the moved task that its new dates break. */
export interface DependencyConflict {
  predecessorId: string;
  successorId: string;
  /**
   * True for the moved task's successors: shifting them (see `shifted`) repairs it.
   * False when the task now starts before a predecessor is due: only the person can fix that.
   */
  resolvedByShift: boolean;
}

export interface MovePreview {
  taskId: string;
  startDate: string;
  dueDate: string;
  /** Dependents pushed forward, in dependency order. */
  shifted: ShiftedTask[];
  conflicts: DependencyConflict[];
  /** Dependents without dates: not shifted, the person may want to look at them. */
  undatedDependents: string[];
}

export type MovePlanner = (taskId: string, newStart: string, newDue: string) => MovePreview;

/**
 * Prepares the graph once so repeated previews (every pointer move of a drag) only walk the
 * moved task's dependents.
 *
 * Invariant of a preview: a dependent is pushed forward only by predecessors whose dates
 * changed, by the least number of days that makes it start the day after each of them is due;
 * dependents are never pulled earlier, and existing violations unrelated to the move stay as
 * they are.
 */
export function createMovePlanner(tasks: readonly ScheduleTask[]): MovePlanner {
  const g = buildGraph(tasks);
  const { order, rest } = topoIndexes(g);
  if (rest.length) {
    const cycle = findCycle(tasks) ?? [];
    const byId = new Map(tasks.map((t) => [t.id, t.title]));
    throw new DependencyCycleError(cycle, cycle.map((id) => byId.get(id) ?? id));
  }
  const rank = new Int32Array(tasks.length);
  order.forEach((node, k) => (rank[node] = k));
  const spans: (DaySpan | null)[] = tasks.map(taskSpan);

  return (taskId, newStart, newDue) => {
    const moved = g.index.get(taskId);
    if (moved === undefined) throw new RangeError(`找不到任务 ${taskId} / no task ${taskId}`);
    const start = toDay(newStart);
    const due = toDay(newDue);
    if (due < start) throw new RangeError('截止日期不能早于开始日期 / due date is before start date');

    const next = new Map<number, DaySpan>([[moved, { start, due }]]);
    const conflicts: DependencyConflict[] = [];
    const before = spans[moved];
    for (const p of g.preds[moved] as number[]) {
      const ps = spans[p];
      if (ps && start <= ps.due && !(before && before.start <= ps.due)) {
        conflicts.push({ predecessorId: g.ids[p] as string, successorId: taskId, resolvedByShift: false });
      }
    }
    for (const s of g.succs[moved] as number[]) {
      const ss = spans[s];
      if (ss && ss.start <= due && !(before && ss.start <= before.due)) {
        conflicts.push({ predecessorId: taskId, successorId: g.ids[s] as string, resolvedByShift: true });
      }
    }

    // Dependents of the moved task, visited in dependency order.
    const seen = new Set<number>([moved]);
    const stack = [moved];
    const dependents: number[] = [];
    while (stack.length) {
      for (const s of g.succs[stack.pop() as number] as number[]) {
        if (seen.has(s)) continue;
        seen.add(s);
        dependents.push(s);
        stack.push(s);
      }
    }
    dependents.sort((a, b) => (rank[a] as number) - (rank[b] as number));

    const shifted: ShiftedTask[] = [];
    const undatedDependents: string[] = [];
    for (const d of dependents) {
      const span = spans[d];
      if (!span) {
        undatedDependents.push(g.ids[d] as string);
        continue;
      }
      let need = span.start;
      for (const p of g.preds[d] as number[]) {
        const changed = next.get(p);
        if (changed && changed.due + 1 > need) need = changed.due + 1;
      }
      if (need === span.start) continue;
      const by = need - span.start;
      next.set(d, { start: need, due: span.due + by });
      shifted.push({
        id: g.ids[d] as string,
        fromStart: fromDay(span.start),
        fromDue: fromDay(span.due),
        startDate: fromDay(need),
        dueDate: fromDay(span.due + by),
        byDays: by,
      });
    }
    return { taskId, startDate: newStart, dueDate: newDue, shifted, conflicts, undatedDependents };
  };
}

/** What moving `taskId` to [newStart, newDue] does to its dependents; see `createMovePlanner`. */
export function previewMove(tasks: readonly ScheduleTask[], taskId: string, newStart: string, newDue: string): MovePreview {
  return createMovePlanner(tasks)(taskId, newStart, newDue);
}
