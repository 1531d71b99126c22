import { z } from 'zod';
import { id, isoDate, timestamp } from './common';
import { PROJECT_KINDS, PROJECT_STATUSES } from './vocab';

export { PROJECT_KINDS, PROJECT_STATUSES } from './vocab';
export const projectKind = z.enum(PROJECT_KINDS);
export const projectStatus = z.enum(PROJECT_STATUSES);

export const milestoneSchema = z.object({ name: z.string().trim().min(1).max(40), date: isoDate });
export type Milestone = z.infer<typeof milestoneSchema>;

export const projectSchema = z
  .object({
    id,
    shopId: id,
    name: z.string().trim().min(1, '项目名称不能为空 / project name is required').max(100),
    kind: projectKind,
    startDate: isoDate,
    endDate: isoDate,
    /** The day the template's offsets count from (e.g. 11-11 for 双11). */
    keyDate: isoDate,
    status: projectStatus,
    milestones: z.array(milestoneSchema).max(50).default([]),
    templateId: z.string().nullable().default(null),
    createdAt: timestamp,
    updatedAt: timestamp,
    deletedAt: timestamp.nullable().default(null),
  })
  .refine((p) => p.endDate >= p.startDate, {
    message: '结束日期不能早于开始日期 / end date is before start date',
    path: ['endDate'],
  });
export type Project = z.infer<typeof projectSchema>;
