import { fromDay, toDay } from './dates';
import { DependencyCycleError, buildGraph, findCycle, topoIndexes } from './graph';
import { spanDays, taskSpan } from './span';
import type { DaySpan, ScheduleTask } from './types';

/** CPM figures for one dated task, as day numbers (see `dates.ts`; `fromDay` turns them into ISO dates). */
export interface TaskTiming {
  id: string;
  /** Calendar days, due - start + 1. */
  duration: number;
  /** Earliest start: the planned start, pushed later by predecessors that finish after it. */
  es: number;
  ef: number;
  ls: number;
  lf: number;
  /** Total float in days: how far the task can slip before the project end moves. */
  slack: number;
  critical: boolean;
}

export interface Schedule {
  timings: Map<string, TaskTiming>;
  /** Ids on the critical path (the tasks with the least slack). */
  critical: Set<string>;
  /** The same ids in dependency order. */
  criticalPath: string[];
  /** Earliest planned start and the end the slack is measured against (max finish, or the deadline). */
  start: string | null;
  end: string | null;
  /** Tasks without dates: not scheduled, listed apart. */
  undated: string[];
}

export interface ScheduleOptions {
  /** Measure slack against this day instead of the latest finish; a deadline before the finish gives negative slack. */
  deadline?: string | null;
}

/**
 * Critical path method over the planned spans.
 *
 * Invariants: duration = due - start + 1; a task starts no earlier than its planned start nor
 * before the day after every dated predecessor's earliest finish (finish-to-start); the
 * backward pass runs from the project end (max earliest finish, or `deadline`). Edges to tasks
 * without dates are ignored for dates (those tasks are reported in `undated`). Throws
 * `DependencyCycleError` when the dependencies loop.
 */
export function computeSchedule(tasks: readonly ScheduleTask[], options: ScheduleOptions = {}): Schedule {
  const g = buildGraph(tasks);
  const { order, rest } = topoIndexes(g);
  if (rest.length) {
    const cycle = findCycle(tasks) ?? [];
    const byId = new Map(tasks.map((t) => [t.id, t.title]));
    throw new DependencyCycleError(cycle, cycle.map((id) => byId.get(id) ?? id));
  }
  const n = tasks.length;
  const spans: (DaySpan | null)[] = tasks.map(taskSpan);
  const undated: string[] = [];
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  let minStart = Infinity;
  let maxFinish = -Infinity;
  for (const i of order) {
    const span = spans[i];
    if (!span) continue;
    let start = span.start;
    for (const p of g.preds[i] as number[]) if (spans[p] && (ef[p] as number) + 1 > start) start = (ef[p] as number) + 1;
    es[i] = start;
    ef[i] = start + spanDays(span) - 1;
    if (span.start < minStart) minStart = span.start;
    if ((ef[i] as number) > maxFinish) maxFinish = ef[i] as number;
  }
  for (let i = 0; i < n; i++) if (!spans[i]) undated.push(tasks[i]?.id as string);
  const end = options.deadline ? toDay(options.deadline) : maxFinish;
  let minSlack = Infinity;
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k] as number;
    const span = spans[i];
    if (!span) continue;
    let finish = end;
    for (const s of g.succs[i] as number[]) if (spans[s] && (ls[s] as number) - 1 < finish) finish = (ls[s] as number) - 1;
    lf[i] = finish;
    ls[i] = finish - spanDays(span) + 1;
    const slack = (ls[i] as number) - (es[i] as number);
    if (slack < minSlack) minSlack = slack;
  }
  const timings = new Map<string, TaskTiming>();
  const critical = new Set<string>();
  const criticalPath: string[] = [];
  for (const i of order) {
    const span = spans[i];
    if (!span) continue;
    const id = g.ids[i] as string;
    const slack = (ls[i] as number) - (es[i] as number);
    const isCritical = slack === minSlack;
    if (isCritical) {
      critical.add(id);
      criticalPath.push(id);
    }
    timings.set(id, {
      id,
      duration: spanDays(span),
      es: es[i] as number,
      ef: ef[i] as number,
      ls: ls[i] as number,
      lf: lf[i] as number,
      slack,
      critical: isCritical,
    });
  }
  const dated = timings.size > 0;
  return {
    timings,
    critical,
    criticalPath,
    start: dated ? fromDay(minStart) : null,
    end: dated || options.deadline ? fromDay(end) : null,
    undated,
  };
}

/**
 * Critical tasks when the list spans several projects: each project (by `projectId`; tasks
 * without one form their own group) gets its own critical path, since one project's end
 * should not give another project's tasks slack.
 */
export function criticalByProject(tasks: readonly ScheduleTask[], deadlines: ReadonlyMap<string, string> = new Map()): Set<string> {
  const groups = new Map<string, ScheduleTask[]>();
  for (const t of tasks) {
    const key = t.projectId ?? '';
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(t);
  }
  const out = new Set<string>();
  for (const [key, list] of groups) {
    for (const id of computeSchedule(list, { deadline: deadlines.get(key) ?? null }).critical) out.add(id);
  }
  return out;
}
