import type { Milestone } from '../../lib/domain/project';
import type { Task } from '../../lib/domain/task';

export type GanttZoom = 'day' | 'week' | 'month';
export type GanttGroupBy = 'stage' | 'assignee';

/** The task fields the chart reads; any `Task` fits. */
export type GanttTask = Pick<Task, 'id' | 'title' | 'stage' | 'assigneeId' | 'startDate' | 'dueDate' | 'status' | 'dependsOn' | 'progress'> &
  Partial<Pick<Task, 'projectId' | 'priority'>>;

export interface GanttMember {
  id: string;
  name: string;
}

export type GanttMilestone = Pick<Milestone, 'name' | 'date'>;

/** A move the parent is asking the person about; the chart keeps showing it as a preview. */
export interface PendingMove {
  taskId: string;
  startDate: string;
  dueDate: string;
}
