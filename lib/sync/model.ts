import { z } from 'zod';
import { AREA_SERVER_TABLES } from './area';
import { SERVER_TABLES } from './mapping';

/**
 * One queued local change (store `outbox`, key `seq` = the push sequence number,
 * so a retried push re-sends the same seq and the server's ledger answers it
 * without applying it twice). `fields` are server columns, changed ones only.
 */
export const outboxRowSchema = z.object({
  seq: z.number().int().positive().max(999_999_999),
  table: z.enum([...SERVER_TABLES, ...AREA_SERVER_TABLES]),
  rowId: z.string().min(1),
  op: z.enum(['upsert', 'delete']),
  fields: z.record(z.string(), z.unknown()),
  baseRevision: z.number().int().nonnegative().nullable(),
  at: z.number().int().nonnegative(),
});
export type OutboxRow = z.infer<typeof outboxRowSchema>;
export type NewOutboxRow = Omit<OutboxRow, 'seq'>;

/** push_changes answer element (supabase/README.md "Sync protocol"). */
export const pushAnswerSchema = z.object({
  seq: z.number().int().nonnegative(),
  status: z.enum(['ok', 'rejected']),
  revision: z.number().int().nullable(),
  code: z.string().nullable(),
  message: z.string().nullable(),
  conflicts: z.array(z.string()).default([]),
});
export type PushAnswer = z.infer<typeof pushAnswerSchema>;

export const SYNC_STATES = ['local', 'synced', 'pending', 'offline', 'error'] as const;
export const syncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  pending: z.number().int().nonnegative(),
  reason: z.string().nullable(),
  lastSyncAt: z.number().int().nullable(),
  /** The signed-in member's Taobao sub-account (the panel compares it with the page). */
  boundAccount: z.string().nullable().default(null),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** SQLSTATE classes the server reports for writes that will never succeed (roll back, tell the author). */
export function isPermanent(code: string | null): boolean {
  if (!code) return false;
  if (/^(40|53)/.test(code) || code === '55P03' || code === '57014') return false;
  return /^(22|23|42|P0)/.test(code);
}

/** syncState keys (store `syncState`, key → value). */
export const SYNC_KEYS = {
  config: 'config',
  clientId: 'clientId',
  cursor: 'cursor',
  status: 'status',
  pendingEdges: 'pendingEdges',
  rev: (table: string, id: string): string => `rev|${table}|${id}`,
} as const;
