import type { IndexableType } from 'dexie';
import type { z } from 'zod';
import type { ZhangguiDb } from '../../db/schema';
import type { Role } from '../../domain';

/**
 * How one area store (comments, rules, boards…) travels through team sync:
 * the server table it maps to, the server id of a local record, the columns
 * a client writes, and the way back for a pulled row. The workspace tables
 * (shops, members, projects, tasks, dependencies) have their own mapping in
 * ../mapping.ts because their changes come from the activity log; area stores
 * are tracked at the IndexedDB level (./tracking.ts) and diffed per column.
 */
export interface AreaAdapter {
  /** The Dexie store (lib/db/schema.ts). */
  readonly store: string;
  /** The server table (supabase/migrations), one of private.syncable_tables(). */
  readonly table: string;
  /**
   * 'soft': a local delete is a `deletedAt` field (kept as history, comes back as one);
   * 'hard': the local row is removed, and a pulled tombstone removes it;
   * 'none': a local delete stays local (the store is a cache, e.g. the item catalog,
   * whose quarantine must not remove a teammate's row); a pulled tombstone still removes it.
   */
  readonly deletes: 'soft' | 'hard' | 'none';
  /** The row's server id, or null when the record is not shared (not of a synced shop, a local-only id). */
  serverId(record: Record<string, unknown>): string | null;
  /** The columns a client writes (server-managed ones — id, revision, timestamps — never). */
  toServer(record: Record<string, unknown>): Record<string, unknown>;
  /**
   * What an upsert carries, given the server columns that changed (never empty) and the
   * record's full server columns; null queues nothing. Default: the changed columns.
   */
  upsertFields?(changed: Record<string, unknown>, full: Record<string, unknown>): Record<string, unknown> | null;
  /** The Dexie key a pulled row is stored under (hard deletes remove it); compound for compound-key stores. */
  localKey(row: Record<string, unknown>): IndexableType;
  /**
   * Fields naming a member (a local member id). A local shop put on the server maps them to
   * server members; a required one that has no server member keeps the record local.
   */
  readonly memberFields?: readonly { field: string; required: boolean }[];
  /** A pulled live row → the local record, validated by the store's own schema. */
  fromServer(row: Record<string, unknown>, before: Record<string, unknown> | undefined): Parsed;
  /**
   * For a store whose record holds several server rows (the metric store: a month bucket, one
   * row per day): the parts a change from `before` to `after` may have changed, as [before, after]
   * pairs (undefined = the part is absent). serverId, toServer and upsertFields then apply to
   * parts. fromServer merges a pulled row into the record (localKey names the record), and sync
   * never removes such a record for one row: a pulled tombstone or a refused push leaves it alone.
   */
  changedParts?(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): Array<[Record<string, unknown> | undefined, Record<string, unknown> | undefined]>;
  /**
   * The roles the server lets record this store's rows (default: every member). A browser whose
   * member has another role (or none yet) queues nothing for the store's tracked writes, so the
   * server never refuses its captures and no rollback touches them. (A first upload of a local
   * shop is not gated: its uploader is the new shop's owner, see ./upload.ts.)
   */
  readonly writeRoles?: readonly Role[];
  /**
   * What a first upload of a local shop (./upload.ts) sends of the store, read by the adapter: for
   * a store too large to send whole (the metric store: the last 90 days, older months not even
   * read). The records are sent as returned, without member remapping, so only a store without
   * member fields may have it. Default: every record of the shop, whole, members remapped.
   */
  uploadRecords?(db: ZhangguiDb, shopId: string, now: number): Promise<Record<string, unknown>[]>;
}

export type Parsed = { ok: true; record: Record<string, unknown> } | { ok: false; reason: string };

/**
 * Whether a record of the adapter's store holds several server rows (it has changedParts: the
 * metric store's month buckets). Sync never removes such a record for one row, and merges a
 * pulled row into it instead of letting a pending local change shadow it.
 */
export const holdsSeveralRows = (adapter: AreaAdapter): boolean => adapter.changedParts !== undefined;

/** A Dexie key as text (quarantine rows, messages): compound keys joined with '|'. */
export const keyText = (key: IndexableType): string => (Array.isArray(key) ? key.map((k) => String(k)).join('|') : String(key));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

/** Server timestamps (timestamptz as ISO text) → epoch ms; null stays null. */
export function ms(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.floor(t);
}
export const iso = (v: number | null | undefined): string | null => (typeof v === 'number' ? new Date(v).toISOString() : null);

/** numeric columns may arrive as strings (PostgREST keeps precision that way). */
export function num(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return null;
}

/** Validates a candidate local record with the store's schema; the reason names the fields. */
export function parseWith(schema: z.ZodType, candidate: Record<string, unknown>): Parsed {
  const p = schema.safeParse(candidate);
  if (p.success) return { ok: true, record: p.data as Record<string, unknown> };
  return { ok: false, reason: p.error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ') };
}
