import { z } from 'zod';
import { id, isoDate, itemId } from '../domain/common';
import { projectKind } from '../domain/project';
import { role } from '../domain/roles';
import { stage } from '../domain/stages';
import { priority, taskStatus } from '../domain/task';

/**
 * Automation rules as plain data, so they sync, diff and validate like any other row.
 * `version` lets a later shape migrate stored rules instead of misreading them.
 * Messages are "中文 / English" like the domain schemas; validate.ts splits them.
 */

/** Hard bounds on look-back windows: a quarter is the longest trend a daily alert should judge. */
export const MAX_WINDOW_DAYS = 90;

const windowDays = z
  .number()
  .int('天数必须是整数 / days must be a whole number')
  .min(1, '天数至少为1 / days must be at least 1')
  .max(MAX_WINDOW_DAYS, `天数最多为${MAX_WINDOW_DAYS} / days must be at most ${MAX_WINDOW_DAYS}`);

export const TRIGGERS = ['capture', 'daily', 'task.overdue', 'task.status'] as const;
export const trigger = z.enum(TRIGGERS);
export type Trigger = z.infer<typeof trigger>;

export const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shop') }),
  z.object({ kind: z.literal('item'), itemId }),
  z.object({ kind: z.literal('everyItem') }),
]);
export type RuleScope = z.infer<typeof scopeSchema>;

export const COMPARATORS = ['lt', 'lte', 'gt', 'gte'] as const;
export const comparator = z.enum(COMPARATORS);
export type Comparator = z.infer<typeof comparator>;

export const thresholdSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), value: z.number().finite() }),
  /** A share of the target the caller passes in (e.g. 0.8 = 80% of the daily sales target). */
  z.object({
    kind: z.literal('targetFraction'),
    fraction: z.number().gt(0, '目标比例必须大于0 / target fraction must be above 0').max(10, '目标比例最多为10 / target fraction must be at most 10'),
  }),
]);
export type Threshold = z.infer<typeof thresholdSchema>;

export const windowSchema = z.discriminatedUnion('kind', [
  /** Every one of the last `days` days meets the comparison. */
  z.object({ kind: z.literal('consecutiveDays'), days: windowDays }),
  /** The mean of the last `days` days meets the comparison. */
  z.object({ kind: z.literal('avg'), days: windowDays }),
  /** The last day moved by at least `fraction` against the mean of the `days` days before it (lt/lte: drop, gt/gte: rise). */
  z.object({
    kind: z.literal('dropVsAvg'),
    days: windowDays,
    fraction: z.number().gt(0, '变化比例必须大于0 / fraction must be above 0').max(10, '变化比例最多为10 / fraction must be at most 10'),
  }),
]);
export type RuleWindow = z.infer<typeof windowSchema>;

/**
 * 'provisional': judge the freshest days and flag the firing as provisional when any is not final.
 * 'wait': judge only settled days (the window ends at the last mature day), never fire on provisional data.
 */
export const MATURITY_POLICIES = ['provisional', 'wait'] as const;
export const maturityPolicy = z.enum(MATURITY_POLICIES);
export type MaturityPolicy = z.infer<typeof maturityPolicy>;

export const metricConditionSchema = z.object({
  kind: z.literal('metric'),
  metric: z.string().min(1).max(40),
  scope: scopeSchema,
  comparator,
  /** Not used by `dropVsAvg`, which compares against the series' own average. */
  threshold: thresholdSchema.nullable().default(null),
  window: windowSchema,
  maturity: maturityPolicy.default('provisional'),
});
export type MetricCondition = z.infer<typeof metricConditionSchema>;

export const taskOverdueConditionSchema = z.object({
  kind: z.literal('taskOverdue'),
  /** 0 = fire on the first day after the due date. */
  minDaysLate: z.number().int().min(0).max(MAX_WINDOW_DAYS).default(0),
  projectId: id.nullable().default(null),
});

export const taskStatusConditionSchema = z.object({
  kind: z.literal('taskStatus'),
  status: taskStatus,
  projectId: id.nullable().default(null),
});

export const milestoneConditionSchema = z.object({
  kind: z.literal('milestone'),
  /** Fire when a milestone of an open project falls within this many days from today. */
  withinDays: z.number().int().min(0).max(MAX_WINDOW_DAYS),
  projectKind: projectKind.nullable().default(null),
});

export const conditionSchema = z.discriminatedUnion('kind', [
  metricConditionSchema,
  taskOverdueConditionSchema,
  taskStatusConditionSchema,
  milestoneConditionSchema,
]);
export type RuleCondition = z.infer<typeof conditionSchema>;

/** `taskAssignee` = whoever the task in a task firing is assigned to. */
export const recipientSchema = z.union([z.object({ role }), z.object({ memberId: id }), z.object({ taskAssignee: z.literal(true) })]);
export type Recipient = z.infer<typeof recipientSchema>;

export const createTaskActionSchema = z.object({
  /** May use {metric}, {item}, {value}, {date} placeholders, filled from the firing. */
  title: z.string().trim().min(1, '任务标题不能为空 / task title is required').max(200),
  stage: stage.nullable().default(null),
  assignee: recipientSchema.nullable().default(null),
  dueInDays: z.number().int().min(0).max(MAX_WINDOW_DAYS),
  priority: priority.default('P2'),
});
export type CreateTaskAction = z.infer<typeof createTaskActionSchema>;

export const actionsSchema = z.object({
  notify: z.array(recipientSchema).max(20).default([]),
  createTask: createTaskActionSchema.nullable().default(null),
  /** Attach a suggestion written from the data (suggest.ts). */
  suggestion: z.boolean().default(false),
});
export type RuleActions = z.infer<typeof actionsSchema>;

export const ruleSchema = z.object({
  version: z.literal(1),
  id,
  name: z.string().trim().min(1, '规则名称不能为空 / rule name is required').max(100),
  enabled: z.boolean().default(true),
  trigger,
  condition: conditionSchema,
  actions: actionsSchema,
  /** More firings than this in one evaluation become one summary firing (alert storm guard). */
  stormLimit: z.number().int().min(1).max(1000).default(20),
});
export type Rule = z.infer<typeof ruleSchema>;
export type RuleInput = z.input<typeof ruleSchema>;

/** A daily target the caller owns (e.g. 日销售目标). itemId null = shop level. Optional date range. */
export const metricTargetSchema = z.object({
  metric: z.string().min(1).max(40),
  itemId: itemId.nullable(),
  value: z.number().finite(),
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
});
export type MetricTarget = z.infer<typeof metricTargetSchema>;

/** A change to an item the caller knows about (price, main image…), quoted in suggestions. */
export interface ItemChange {
  itemId: string;
  kind: 'price' | 'image' | 'title' | 'stock';
  date: string;
  from?: string | number | null;
  to?: string | number | null;
}
