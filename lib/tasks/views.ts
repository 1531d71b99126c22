import { isOpen, STAGES } from '../domain/vocab';
import { daysBetween } from '../domain/dates';
import type { Priority, Stage, Task, TaskStatus } from '../domain';

/** How a task's due date stands today: drives the "overdue" mark and the sort. */
export type DueState = 'overdue' | 'today' | 'soon' | 'later' | 'none';

export function dueState(t: Pick<Task, 'dueDate' | 'status'>, today: string): DueState {
  if (!t.dueDate) return 'none';
  const d = daysBetween(today, t.dueDate);
  if (d < 0) return t.status === 'done' ? 'later' : 'overdue';
  if (d === 0) return 'today';
  return d <= 3 ? 'soon' : 'later';
}

export const DUE_CLASS: Record<DueState, string> = { overdue: 'due-overdue', today: 'due-today', soon: 'due-soon', later: 'due-later', none: 'due-none' };

/** "逾期2天 / 今天到期 / 3天后 / 11-28 / 无截止日期" */
export function dueLabel(t: Pick<Task, 'dueDate' | 'status'>, today: string): string {
  if (!t.dueDate) return '无截止日期';
  const d = daysBetween(today, t.dueDate);
  switch (dueState(t, today)) {
    case 'overdue':
      return `逾期${-d}天`;
    case 'today':
      return '今天到期';
    case 'soon':
      return `${d}天后到期`;
    default:
      return t.dueDate.slice(5);
  }
}

const PRIORITY_RANK: Record<Priority, number> = { P0: 0, P1: 1, P2: 2, P3: 3 };

/** Due soonest first (overdue first of all), undated last, then by priority. */
export function byUrgency(a: Task, b: Task): number {
  if (a.dueDate !== b.dueDate) {
    if (!a.dueDate) return 1;
    if (!b.dueDate) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.title.localeCompare(b.title, 'zh');
}

export function myOpenTasks(tasks: readonly Task[], memberId: string | null): Task[] {
  if (!memberId) return [];
  return tasks.filter((t) => isOpen(t) && t.assigneeId === memberId).sort(byUrgency);
}

export function tasksForItem(tasks: readonly Task[], itemId: string): Task[] {
  return tasks.filter((t) => isOpen(t) && t.itemIds.includes(itemId)).sort(byUrgency);
}

/** Open-task count per item ID, for the 商品管理 row badges. */
export function openCountsByItem(tasks: readonly Task[], itemIds: readonly string[]): Record<string, number> {
  const wanted = new Set(itemIds);
  const counts: Record<string, number> = Object.fromEntries(itemIds.map((id) => [id, 0]));
  for (const t of tasks) {
    if (!isOpen(t)) continue;
    for (const id of t.itemIds) if (wanted.has(id)) counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

export interface TaskFilter {
  assigneeId?: string | 'unassigned' | null;
  status?: TaskStatus | 'open' | null;
  priority?: Priority | null;
  due?: 'overdue' | 'today' | 'week' | 'none' | null;
  projectId?: string | null;
  text?: string | null;
}

export function filterTasks(tasks: readonly Task[], f: TaskFilter, today: string): Task[] {
  const text = f.text?.trim().toLowerCase();
  return tasks.filter((t) => {
    if (f.projectId && t.projectId !== f.projectId) return false;
    if (f.assigneeId === 'unassigned' ? t.assigneeId !== null : f.assigneeId && t.assigneeId !== f.assigneeId) return false;
    if (f.status === 'open' ? !isOpen(t) : f.status && t.status !== f.status) return false;
    if (f.priority && t.priority !== f.priority) return false;
    if (f.due) {
      const s = dueState(t, today);
      if (f.due === 'overdue' && s !== 'overdue') return false;
      if (f.due === 'today' && s !== 'today') return false;
      if (f.due === 'none' && s !== 'none') return false;
      if (f.due === 'week' && !(t.dueDate && daysBetween(today, t.dueDate) >= 0 && daysBetween(today, t.dueDate) < 7)) return false;
    }
    if (text && !`${t.title} ${t.description} ${t.itemIds.join(' ')}`.toLowerCase().includes(text)) return false;
    return true;
  });
}

/** Board columns in pipeline order; tasks without a stage go to "其他". */
export function boardByStage(tasks: readonly Task[]): { stage: Stage | null; tasks: Task[] }[] {
  const cols: { stage: Stage | null; tasks: Task[] }[] = [...STAGES.map((s) => ({ stage: s as Stage | null, tasks: [] as Task[] })), { stage: null, tasks: [] }];
  for (const t of tasks) cols[t.stage ? STAGES.indexOf(t.stage) : STAGES.length]!.tasks.push(t);
  for (const c of cols) c.tasks.sort(byUrgency);
  return cols;
}

/** A person's day: overdue, due today, blocked, in progress, then everything else still open. Each task appears once. */
export function todayFor(tasks: readonly Task[], memberId: string, today: string): { overdue: Task[]; dueToday: Task[]; blocked: Task[]; doing: Task[]; upcoming: Task[] } {
  const day = { overdue: [] as Task[], dueToday: [] as Task[], blocked: [] as Task[], doing: [] as Task[], upcoming: [] as Task[] };
  for (const t of myOpenTasks(tasks, memberId)) {
    const due = dueState(t, today);
    if (due === 'overdue') day.overdue.push(t);
    else if (due === 'today') day.dueToday.push(t);
    else if (t.status === 'blocked') day.blocked.push(t);
    else if (t.status === 'doing') day.doing.push(t);
    else day.upcoming.push(t);
  }
  return day;
}

export function overdueTasks(tasks: readonly Task[], today: string): Task[] {
  return tasks.filter((t) => isOpen(t) && dueState(t, today) === 'overdue').sort(byUrgency);
}

/**
 * Blocked by status, or due to start (start date reached) while a predecessor
 * is still open: the people upstream are holding it up.
 */
export function blockedTasks(tasks: readonly Task[], today: string): { task: Task; waitingOn: Task[] }[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return tasks
    .filter(isOpen)
    .map((task) => ({ task, waitingOn: task.dependsOn.flatMap((id) => byId.get(id) ?? []).filter(isOpen) }))
    .filter(({ task, waitingOn }) => task.status === 'blocked' || (waitingOn.length > 0 && task.startDate !== null && task.startDate <= today))
    .sort((a, b) => byUrgency(a.task, b.task));
}
