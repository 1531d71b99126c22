import { buildAdvice, type Advice } from './advice';
import { criticalByProject } from './cpm';
import { DependencyCycleError } from './graph';
import {
  DEFAULT_MAX_TASKS_PER_DAY,
  DEFAULT_WORKING_DAYS,
  blockedByLate,
  dueByPersonDay,
  overAllocations,
  workloadByPerson,
  type BlockedTask,
  type PersonDay,
} from './load';
import type { ScheduleTask } from './types';

export * from './load';
export type { Advice, AdviceKind } from './advice';

export interface WorkloadAnalysisOptions {
  today: string;
  /** For names in the advice; also the people who may take over work. */
  members?: readonly { id: string; name: string }[];
  /** Default 3 tasks a day. */
  maxTasksPerDay?: number;
  workingDays?: readonly number[];
  /** Critical tasks; computed per project when omitted. */
  critical?: ReadonlySet<string>;
  /** How many lines of advice to return (default 5). */
  adviceLimit?: number;
  /** Days ahead to look for pile-ups (default 14). */
  horizonDays?: number;
}

export interface WorkloadAnalysis {
  workload: Map<string, PersonDay[]>;
  overAllocated: PersonDay[];
  blocked: BlockedTask[];
  critical: ReadonlySet<string>;
  /** The short "what to do" list, most urgent first. */
  advice: Advice[];
}

/**
 * Bottlenecks for one project or for every project at once (the input is just a list of
 * tasks): load per person per day, over-allocated days, tasks blocked by late predecessors,
 * and what to do about them.
 */
export function analyzeWorkload(tasks: readonly ScheduleTask[], options: WorkloadAnalysisOptions): WorkloadAnalysis {
  const maxTasksPerDay = options.maxTasksPerDay ?? DEFAULT_MAX_TASKS_PER_DAY;
  const workingDays = options.workingDays ?? DEFAULT_WORKING_DAYS;
  const names = new Map((options.members ?? []).map((m) => [m.id, m.name]));
  const extra: Advice[] = [];
  let critical = options.critical;
  if (!critical) {
    try {
      critical = criticalByProject(tasks);
    } catch (err) {
      if (!(err instanceof DependencyCycleError)) throw err;
      critical = new Set();
      const [zh = err.message, en = ''] = err.message.split(' / ');
      extra.push({ kind: 'cycle', severity: 100, zh, en, text: err.message, taskIds: err.cycle });
    }
  }
  const workload = workloadByPerson(tasks, { maxTasksPerDay, workingDays });
  const blocked = blockedByLate(tasks, options.today);
  const advice = [
    ...extra,
    ...buildAdvice({
      tasks,
      today: options.today,
      names,
      critical,
      workload,
      dueByPerson: dueByPersonDay(tasks),
      blocked,
      maxTasksPerDay,
      workingDays,
      horizonDays: options.horizonDays ?? 14,
    }),
  ].slice(0, options.adviceLimit ?? 5);
  return { workload, overAllocated: overAllocations(workload, maxTasksPerDay), blocked, critical, advice };
}
