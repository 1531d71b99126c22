import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { pushAnswerSchema, type PushAnswer } from './model';

/** What the sync engine needs from the server; supabaseServer() implements it with supabase-js. */
export interface SyncServer {
  push(clientId: string, mutations: readonly Mutation[]): Promise<PushAnswer[]>;
  /** Raw elements: the engine validates each one (a bad one is quarantined, not fatal). */
  pull(shopId: string, since: number, limit: number): Promise<unknown[]>;
  /** The current server rows with `column = value` (RLS applies: hidden rows are absent). */
  select(table: string, column: string, value: string): Promise<Record<string, unknown>[]>;
  /** An attachment's bytes into the Storage bucket (its policies follow the task's visibility). Re-sending one already there is fine. */
  uploadFile(path: string, data: Blob): Promise<void>;
  downloadFile(path: string): Promise<Blob>;
}

/** The Storage bucket of attachment files (supabase/migrations/*_area_records_sync.sql). */
export const ATTACHMENTS_BUCKET = 'attachments';

export interface Mutation {
  seq: number;
  table: string;
  op: 'upsert' | 'delete';
  id: string;
  fields?: Record<string, unknown>;
  base_revision?: number | null;
}

/** A failed call. `kind` decides what the engine does: retry later, or stop and say why. */
export class SyncCallError extends Error {
  constructor(
    message: string,
    readonly kind: 'offline' | 'transient' | 'auth' | 'malformed' | 'refused',
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

interface PgError {
  message: string;
  code?: string;
  details?: string | null;
  hint?: string | null;
}

export function classify(error: PgError, status: number): SyncCallError {
  const code = error.code ?? '';
  if (status === 0 || code === '' && /fetch|network|Failed to|ECONN|abort/i.test(error.message)) return new SyncCallError(error.message, 'offline', null);
  if (code === '22023') return new SyncCallError(error.message, 'malformed', code);
  if (code === '42501' || code === 'PGRST301' || code === 'PGRST302' || status === 401) return new SyncCallError(error.message, 'auth', code);
  if (/^(40|53|57|08)/.test(code) || code === '55P03' || status >= 500 || status === 429) return new SyncCallError(error.message, 'transient', code);
  return new SyncCallError(error.message, 'refused', code || null);
}

/** The sync RPCs through supabase-js (PostgREST): POST /rest/v1/rpc/push_changes, pull_changes; GET /rest/v1/<table>. */
export function supabaseServer(client: SupabaseClient): SyncServer {
  return {
    async push(clientId, mutations) {
      const { data, error, status } = await client.rpc('push_changes', { p_client_id: clientId, p_mutations: mutations });
      if (error) throw classify(error, status);
      const parsed = z.array(pushAnswerSchema).safeParse(data);
      if (!parsed.success) throw new SyncCallError(`push_changes answered something unexpected: ${parsed.error.issues[0]?.message}`, 'transient');
      return parsed.data;
    },
    async pull(shopId, since, limit) {
      const { data, error, status } = await client.rpc('pull_changes', { p_shop_id: shopId, p_since: since, p_limit: limit });
      if (error) throw classify(error, status);
      if (!Array.isArray(data)) throw new SyncCallError('pull_changes did not answer an array', 'transient');
      return data as unknown[];
    },
    async select(table, column, value) {
      const { data, error, status } = await client.from(table).select('*').eq(column, value);
      if (error) throw classify(error, status);
      return (data ?? []) as Record<string, unknown>[];
    },
    async uploadFile(path, data) {
      // No upsert: objects are never overwritten (the bucket has no update policy); an earlier
      // attempt that stored the file before its row was pushed answers "already exists".
      const { error } = await client.storage.from(ATTACHMENTS_BUCKET).upload(path, data, { upsert: false, contentType: data.type || 'application/octet-stream' });
      if (error && !isDuplicate(error)) throw storageError(error);
    },
    async downloadFile(path) {
      const { data, error } = await client.storage.from(ATTACHMENTS_BUCKET).download(path);
      if (error || !data) throw storageError(error ?? { message: 'empty download' });
      return data;
    },
  };
}

interface StorageFailure {
  message: string;
  statusCode?: string | number;
  status?: number;
}

function statusOf(e: StorageFailure): number {
  return Number(e.statusCode ?? e.status ?? 0) || 0;
}

function isDuplicate(e: StorageFailure): boolean {
  return statusOf(e) === 409 || /already exists|duplicate/i.test(e.message);
}

/** Storage answers in HTTP terms: 401/403 refused, 404 gone, anything else is worth retrying. */
function storageError(e: StorageFailure): SyncCallError {
  const status = statusOf(e);
  if (status === 401 || status === 403) return new SyncCallError(`文件存储拒绝 / storage refused: ${e.message}`, 'auth', '42501');
  if (status === 404) return new SyncCallError(`文件不存在 / file not found: ${e.message}`, 'refused', 'P0002');
  return classify({ message: e.message }, status);
}
