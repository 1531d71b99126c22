import { z } from 'zod';
import { isoDate, itemId, priority, projectKind, projectStatus, milestoneSchema, role, stage, taskStatus, type Member, type Project, type Shop, type Task, type Template } from '../domain';

export interface WorkspaceState {
  shop: Shop | null;
  members: Member[];
  projects: Project[];
  tasks: Task[];
  templates: Template[];
  meId: string | null;
  onboarded: boolean;
  /** Rows set aside because they failed validation (reported in the side panel). */
  quarantined: number;
}

export const memberInputSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  role,
  taobaoAccount: z.string().nullable().optional(),
});
export type MemberInput = z.infer<typeof memberInputSchema>;

export const setupInputSchema = z.object({
  shopName: z.string(),
  members: z.array(memberInputSchema).max(200),
  meIndex: z.number().int().min(0),
  firstProject: z.object({ templateId: z.string(), keyDate: isoDate, name: z.string().optional() }).optional(),
});
export type SetupInput = z.infer<typeof setupInputSchema>;

/** Fields a person may change on a task; everything else is owned by the service. */
export const taskPatchSchema = z
  .object({
    title: z.string(),
    description: z.string(),
    stage: stage.nullable(),
    assigneeId: z.string().nullable(),
    startDate: isoDate.nullable(),
    dueDate: isoDate.nullable(),
    priority,
    status: taskStatus,
    dependsOn: z.array(z.string()),
    itemIds: z.array(itemId),
    metric: z.string().nullable(),
    progress: z.number().min(0).max(1),
    projectId: z.string().nullable(),
  })
  .partial()
  .strict();
export type TaskPatch = z.infer<typeof taskPatchSchema>;

export const projectPatchSchema = z
  .object({ name: z.string(), kind: projectKind, startDate: isoDate, endDate: isoDate, keyDate: isoDate, status: projectStatus, milestones: z.array(milestoneSchema) })
  .partial()
  .strict();
export type ProjectPatch = z.infer<typeof projectPatchSchema>;
