import { z } from 'zod';

/**
 * An alert in the in-app inbox (and, once, a browser notification). `key` is
 * the idempotency key — e.g. `target|<metric>|<scope>|<date>` for a breached
 * warning line or a rule firing's `ruleId|scope|period` — so re-evaluating,
 * or three teammates' browsers, never raise the same alert twice.
 */
export const alertSchema = z.object({
  id: z.string().min(1),
  shopId: z.string().min(1),
  key: z.string().min(1).max(300),
  kind: z.enum(['target', 'rule', 'risk', 'mention', 'task']),
  title: z.string().min(1).max(200),
  message: z.string().max(4000),
  /** The data was not final yet (refund metrics settle late): the alert says so. */
  provisional: z.boolean().default(false),
  /** Who should see it; empty = everyone in the shop. */
  memberIds: z.array(z.string()).max(200).default([]),
  /** Numbers that caused it, for the inbox detail. */
  evidence: z.record(z.string(), z.unknown()).default({}),
  taskId: z.string().nullable().default(null),
  at: z.number().int().nonnegative(),
  read: z.union([z.literal(0), z.literal(1)]).default(0),
});
export type Alert = z.infer<typeof alertSchema>;
export type AlertInput = z.input<typeof alertSchema>;
