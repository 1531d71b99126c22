import { z } from 'zod';
import { id, timestamp } from './common';
import { projectKind } from './project';
import { role } from './roles';
import { stage } from './stages';
import { priority } from './task';

/** A task in a template; dates are day offsets from the project's key date. */
export const templateTaskSchema = z
  .object({
    key: z.string().min(1).max(40),
    title: z.string().trim().min(1).max(200),
    description: z.string().max(5000).default(''),
    stage,
    role,
    startOffset: z.number().int().min(-365).max(365),
    dueOffset: z.number().int().min(-365).max(365),
    priority: priority.default('P2'),
    dependsOn: z.array(z.string()).default([]),
  })
  .refine((t) => t.dueOffset >= t.startOffset, { message: '截止早于开始 / due before start', path: ['dueOffset'] });
export type TemplateTask = z.infer<typeof templateTaskSchema>;

export const templateSchema = z.object({
  id,
  name: z.string().trim().min(1).max(100),
  kind: projectKind,
  builtIn: z.boolean(),
  /** Days of the project before and after its key date. */
  startOffset: z.number().int().min(-365).max(0),
  endOffset: z.number().int().min(0).max(365),
  milestones: z.array(z.object({ name: z.string().min(1).max(40), offset: z.number().int() })).default([]),
  tasks: z.array(templateTaskSchema).min(1).max(500),
  /** A lesson carried from a 复盘, shown when the template is used. */
  notes: z.string().max(10000).default(''),
  createdAt: timestamp,
});
export type Template = z.infer<typeof templateSchema>;
