import { z } from 'zod';
import { isoDate, itemId } from '../domain';
import { memberInputSchema, projectPatchSchema, setupInputSchema, taskPatchSchema } from '../workspace/types';

/**
 * Every message the background accepts: one zod union, parsed at the
 * receiver. Content scripts run next to a page we do not control, so their
 * messages are treated as untrusted input like any other.
 */
export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('workspace.get') }),
  z.object({ type: z.literal('panel.get'), url: z.string().max(4000) }),
  z.object({ type: z.literal('tasks.countsByItem'), itemIds: z.array(itemId).max(500) }),
  z.object({ type: z.literal('task.create'), draft: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('task.update'), id: z.string().min(1), patch: taskPatchSchema }),
  z.object({ type: z.literal('task.delete'), id: z.string().min(1) }),
  z.object({ type: z.literal('project.fromTemplate'), templateId: z.string().min(1), keyDate: isoDate, name: z.string().max(100).optional() }),
  z.object({ type: z.literal('project.create'), project: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('project.update'), id: z.string().min(1), patch: projectPatchSchema }),
  z.object({ type: z.literal('project.saveAsTemplate'), projectId: z.string().min(1), name: z.string().min(1).max(100), notes: z.string().max(10000).optional() }),
  z.object({ type: z.literal('member.upsert'), member: memberInputSchema }),
  z.object({ type: z.literal('member.remove'), id: z.string().min(1) }),
  z.object({ type: z.literal('me.set'), memberId: z.string().min(1) }),
  z.object({ type: z.literal('setup.complete'), setup: setupInputSchema }),
  z.object({ type: z.literal('setup.reopen') }),
  z.object({ type: z.literal('setup.sample') }),
  z.object({ type: z.literal('activity.list'), entityId: z.string().optional(), limit: z.number().int().min(1).max(2000).optional() }),
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string; field?: string };

export { DATA_VERSION_KEY, QUICK_ADD_EVENT } from './events';
