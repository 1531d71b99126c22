import { z } from 'zod';
import { memberSchema, projectSchema, shopSchema, taskSchema, type Member, type Project, type Shop, type Task } from '../domain';

/**
 * Local records (camelCase, epoch ms, lib/domain) ↔ server rows (snake_case,
 * timestamptz, supabase/migrations). The one place that knows both shapes.
 *   member.name ↔ members.display_name; task.dependsOn ↔ task_dependencies rows
 *   (one row per edge, see uuid5.dependencyId); createdAt/updatedAt/deletedAt are
 *   server-managed (a delete is op "delete", never a field).
 */

export const LOCAL_TABLES = ['shops', 'members', 'projects', 'tasks'] as const;
export type LocalTable = (typeof LOCAL_TABLES)[number];
export const SERVER_TABLES = [...LOCAL_TABLES, 'task_dependencies'] as const;
export type ServerTable = (typeof SERVER_TABLES)[number];

/** local field → server column, per table (fields the client may write). */
const FIELD_MAP: Record<LocalTable, Record<string, string>> = {
  shops: { name: 'name', taobaoShopId: 'taobao_shop_id' },
  members: { shopId: 'shop_id', name: 'display_name', role: 'role', taobaoAccount: 'taobao_account' },
  projects: {
    shopId: 'shop_id', name: 'name', kind: 'kind', startDate: 'start_date', endDate: 'end_date', keyDate: 'key_date',
    status: 'status', milestones: 'milestones', templateId: 'template_id',
  },
  tasks: {
    shopId: 'shop_id', projectId: 'project_id', title: 'title', description: 'description', stage: 'stage', assigneeId: 'assignee_id',
    startDate: 'start_date', dueDate: 'due_date', priority: 'priority', status: 'status', itemIds: 'item_ids', metric: 'metric',
    sourceUrl: 'source_url', sourceTitle: 'source_title', progress: 'progress', createdBy: 'created_by',
  },
};

export function isLocalTable(t: string): t is LocalTable {
  return (LOCAL_TABLES as readonly string[]).includes(t);
}

/** The server columns for some local fields (unknown and server-managed fields are dropped). */
export function toServerFields(table: LocalTable, local: Record<string, unknown>, only?: readonly string[]): Record<string, unknown> {
  const map = FIELD_MAP[table];
  const out: Record<string, unknown> = {};
  for (const [from, to] of Object.entries(map)) {
    if (only && !only.includes(from)) continue;
    if (from in local) out[to] = local[from] ?? null;
  }
  return out;
}

/** The local fields for some server columns (the inverse of toServerFields, for pending-edit overlays). */
export function fromServerFields(table: LocalTable, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [from, to] of Object.entries(FIELD_MAP[table])) if (to in fields) out[from] = fields[to];
  return out;
}

// --- server rows, validated at the receiver -------------------------------------
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not a uuid');
const ts = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a timestamp');
const syncCols = { id: uuid, revision: z.number().int().nonnegative(), created_at: ts, updated_at: ts, deleted_at: ts.nullable() };

export const serverRowSchemas = {
  shops: z.object({ ...syncCols, name: z.string(), taobao_shop_id: z.string().nullable(), created_by: uuid }),
  members: z.object({ ...syncCols, shop_id: uuid, user_id: uuid, role: z.string(), display_name: z.string(), taobao_account: z.string().nullable() }),
  projects: z.object({
    ...syncCols, shop_id: uuid, name: z.string(), kind: z.string(), start_date: z.string(), end_date: z.string(), key_date: z.string(),
    status: z.string(), milestones: z.array(z.unknown()), template_id: z.string().nullable(),
  }),
  tasks: z.object({
    ...syncCols, shop_id: uuid, project_id: uuid.nullable(), title: z.string(), description: z.string(), stage: z.string().nullable(),
    work_area: z.string(), assignee_id: uuid.nullable(), start_date: z.string().nullable(), due_date: z.string().nullable(),
    priority: z.string(), status: z.string(), item_ids: z.array(z.string()), metric: z.string().nullable(), source_url: z.string().nullable(),
    source_title: z.string().nullable(), progress: z.number(), created_by: uuid.nullable(),
  }),
  task_dependencies: z.object({ ...syncCols, shop_id: uuid, task_id: uuid, depends_on_id: uuid }),
} as const;
export type ServerRow<T extends ServerTable> = z.infer<(typeof serverRowSchemas)[T]>;

const ms = (s: string): number => Math.floor(Date.parse(s));
const msOrNull = (s: string | null): number | null => (s === null ? null : ms(s));

export interface LocalOf {
  shops: Shop;
  members: Member;
  projects: Project;
  tasks: Task;
}

/**
 * One server row → the local record, validated with the local zod schema too.
 * `dependsOn` is not a column: the caller keeps the local one (edges arrive as
 * task_dependencies rows). Returns a reason instead of throwing.
 */
export function fromServerRow<T extends LocalTable>(
  table: T,
  raw: unknown,
  keep: { dependsOn?: string[]; userId?: string | null } = {},
): { ok: true; record: LocalOf[T]; userId?: string } | { ok: false; reason: string } {
  // The local zod schema below validates every field we keep; here only what it cannot see
  // (the row's shape, ids, revision, server timestamps). One zod pass per row keeps the initial
  // pull of a large shop fast (see tests/bench/sync).
  const bad = checkSyncColumns(raw, table === 'members' ? ['user_id'] : []);
  if (bad) return { ok: false, reason: bad };
  const r = raw as Record<string, unknown> & { id: string; created_at: string; updated_at: string; deleted_at: string | null };
  const stamps = { createdAt: ms(r.created_at), updatedAt: ms(r.updated_at), deletedAt: msOrNull(r.deleted_at) };
  let candidate: Record<string, unknown>;
  let schema: z.ZodType;
  switch (table) {
    case 'shops':
      candidate = { id: r.id, ...fromServerFields('shops', r), createdAt: stamps.createdAt, updatedAt: stamps.updatedAt };
      schema = shopSchema;
      break;
    case 'members':
      candidate = { id: r.id, ...fromServerFields('members', r), ...stamps };
      schema = memberSchema;
      break;
    case 'projects':
      candidate = { id: r.id, ...fromServerFields('projects', r), ...stamps };
      schema = projectSchema;
      break;
    default:
      // item_ids is text[] on the server; the local schema checks each id.
      candidate = { id: r.id, ...fromServerFields('tasks', r), dependsOn: keep.dependsOn ?? [], ...stamps };
      if (typeof candidate.progress === 'string') candidate.progress = Number(candidate.progress);
      schema = taskSchema;
  }
  const local = schema.safeParse(candidate);
  if (!local.success) return { ok: false, reason: issues(local.error) };
  return { ok: true, record: local.data as LocalOf[T], ...(table === 'members' ? { userId: r.user_id as string } : {}) };
}

export function parseDependencyRow(raw: unknown): { ok: true; row: ServerRow<'task_dependencies'> } | { ok: false; reason: string } {
  const p = serverRowSchemas.task_dependencies.safeParse(raw);
  return p.success ? { ok: true, row: p.data } : { ok: false, reason: issues(p.error) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The sync columns every server row has (id, revision, timestamps); a reason, or null when they are sound. */
export function checkSyncColumns(raw: unknown, uuids: readonly string[]): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return '(row): not an object';
  const r = raw as Record<string, unknown>;
  for (const k of ['id', ...uuids]) if (typeof r[k] !== 'string' || !UUID.test(r[k] as string)) return `${k}: not a uuid`;
  if (typeof r.revision !== 'number' || !Number.isInteger(r.revision) || r.revision < 0) return 'revision: not a revision number';
  for (const k of ['created_at', 'updated_at']) if (typeof r[k] !== 'string' || Number.isNaN(Date.parse(r[k] as string))) return `${k}: not a timestamp`;
  if (r.deleted_at !== null && (typeof r.deleted_at !== 'string' || Number.isNaN(Date.parse(r.deleted_at)))) return 'deleted_at: not a timestamp or null';
  return null;
}

function issues(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ');
}
