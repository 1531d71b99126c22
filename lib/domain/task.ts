import { z } from 'zod';
import { id, isoDate, itemId, timestamp } from './common';
import { stage } from './stages';
import { PRIORITIES, TASK_STATUSES } from './vocab';

export { PRIORITIES, TASK_STATUSES, STATUS_LABELS, isOpen, type Priority, type TaskStatus } from './vocab';
export const priority = z.enum(PRIORITIES);
export const taskStatus = z.enum(TASK_STATUSES);

const taskFields = {
  id,
  shopId: id,
  projectId: id.nullable(),
  title: z.string().trim().min(1, '任务标题不能为空 / title is required').max(200, '标题最多200字 / title is at most 200 characters'),
  description: z.string().max(5000).default(''),
  stage: stage.nullable().default(null),
  assigneeId: id.nullable().default(null),
  startDate: isoDate.nullable().default(null),
  dueDate: isoDate.nullable().default(null),
  priority: priority.default('P2'),
  status: taskStatus.default('todo'),
  /** Finish-to-start: this task starts after every listed task is done. */
  dependsOn: z.array(id).max(100).default([]),
  itemIds: z.array(itemId).max(50).default([]),
  /** Metric code this task is about (from a KPI badge or a rule), for badge counts. */
  metric: z.string().max(40).nullable().default(null),
  sourceUrl: z.url({ protocol: /^https?$/, error: '来源链接应为 http(s) 网址 / source must be an http(s) URL' }).max(2000).nullable().default(null),
  sourceTitle: z.string().max(300).nullable().default(null),
  /** 0..1, shown on the Gantt bar. */
  progress: z.number().min(0).max(1).default(0),
  createdBy: id.nullable().default(null),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable().default(null),
};

function checkTask(t: { startDate: string | null; dueDate: string | null; id: string; dependsOn: string[] }, ctx: z.RefinementCtx): void {
  if (t.startDate && t.dueDate && t.dueDate < t.startDate) {
    ctx.addIssue({ code: 'custom', message: '截止日期不能早于开始日期 / due date is before start date', path: ['dueDate'] });
  }
  if (t.dependsOn.includes(t.id)) {
    ctx.addIssue({ code: 'custom', message: '任务不能依赖自己 / a task cannot depend on itself', path: ['dependsOn'] });
  }
}

export const taskSchema = z.object(taskFields).superRefine(checkTask);
export type Task = z.infer<typeof taskSchema>;

/** What a person fills in; ids, shop and timestamps are added by the service. */
export const taskDraftSchema = z.object(taskFields).omit({ id: true, shopId: true, createdAt: true, updatedAt: true, deletedAt: true, createdBy: true });
export type TaskDraft = z.input<typeof taskDraftSchema>;

