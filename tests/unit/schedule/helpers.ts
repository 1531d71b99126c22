import type { ScheduleTask } from '../../../lib/schedule';

/** A task with dates in November 2025 given as day-of-month (2025-11-03 is a Monday). */
export function task(id: string, start: number | null, due: number | null, dependsOn: string[] = [], extra: Partial<ScheduleTask> = {}): ScheduleTask {
  const iso = (d: number | null): string | null => (d === null ? null : `2025-11-${String(d).padStart(2, '0')}`);
  return { id, title: `任务${id}`, startDate: iso(start), dueDate: iso(due), dependsOn, status: 'todo', ...extra };
}

export const nov = (d: number): string => `2025-11-${String(d).padStart(2, '0')}`;
