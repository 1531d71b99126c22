import { computeSchedule } from './cpm';
import { DependencyCycleError } from './graph';
import type { ScheduleTask } from './types';

/** Which tasks a Gantt view shows: one project, or every task of the shop (projects and loose tasks). */
export type GanttScope = { projectId: string } | 'all';

export function tasksInScope<T extends ScheduleTask>(tasks: readonly T[], scope: GanttScope): T[] {
  return scope === 'all' ? [...tasks] : tasks.filter((t) => t.projectId === scope.projectId);
}

export interface ScheduleSummary {
  critical: Set<string>;
  slack: Map<string, number>;
  /** Per project (tasks without a project form one group): end of the critical path. */
  ends: Map<string, string | null>;
  /** The dependency cycle message (zh / en) when the dependencies loop; critical and slack are then empty. */
  cycle: { message: string; taskIds: string[] } | null;
}

function linkedIds(tasks: readonly ScheduleTask[]): Set<string> {
  const ids = new Set(tasks.map((t) => t.id));
  const out = new Set<string>();
  for (const t of tasks) {
    for (const d of t.dependsOn) {
      if (!ids.has(d)) continue;
      out.add(d);
      out.add(t.id);
    }
  }
  return out;
}

/**
 * Critical path and slack for what the chart shows. Each project is scheduled on its own (one
 * project's end must not give another project's tasks slack; tasks without a project count as
 * critical only when a dependency links them); a dependency cycle becomes a
 * message instead of an exception, so the chart still draws.
 */
export function summarizeSchedule(tasks: readonly ScheduleTask[]): ScheduleSummary {
  const groups = new Map<string, ScheduleTask[]>();
  for (const t of tasks) {
    const key = t.projectId ?? '';
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(t);
  }
  const out: ScheduleSummary = { critical: new Set(), slack: new Map(), ends: new Map(), cycle: null };
  try {
    for (const [key, list] of groups) {
      const s = computeSchedule(list);
      // Tasks outside any project share no end date: a lone task is not on a "path".
      const linked = key === '' ? linkedIds(list) : null;
      for (const id of s.critical) if (!linked || linked.has(id)) out.critical.add(id);
      for (const [id, timing] of s.timings) out.slack.set(id, timing.slack);
      out.ends.set(key, s.end);
    }
  } catch (e) {
    if (!(e instanceof DependencyCycleError)) throw e;
    return { critical: new Set(), slack: new Map(), ends: new Map(), cycle: { message: e.message, taskIds: e.cycle } };
  }
  return out;
}
