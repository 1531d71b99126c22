import { z } from 'zod';
import { id, timestamp } from './common';

export const ENTITY_KINDS = ['shop', 'member', 'project', 'task', 'template'] as const;

/** One line of the local activity log: who changed which field of what, old → new. */
export const activitySchema = z.object({
  id,
  shopId: id,
  at: timestamp,
  actorId: id.nullable(),
  entity: z.enum(ENTITY_KINDS),
  entityId: id,
  action: z.enum(['create', 'update', 'delete']),
  field: z.string().nullable(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
});
export type Activity = z.infer<typeof activitySchema>;
