import type { Task } from '../domain/task';

/**
 * The fields the schedule engine reads. Any `Task` fits; tests and the bench pass plain objects.
 * Tasks may come from one project or from all projects (the engine only sees a list).
 */
export type ScheduleTask = Pick<Task, 'id' | 'title' | 'startDate' | 'dueDate' | 'dependsOn' | 'status'> &
  Partial<Pick<Task, 'assigneeId' | 'projectId' | 'progress' | 'stage' | 'priority'>>;

/** A task's planned span as day numbers (inclusive on both ends). */
export interface DaySpan {
  start: number;
  due: number;
}
