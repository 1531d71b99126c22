import type { Table } from 'dexie';
import type { Activity } from '../domain';
import type { ZhangguiDb } from '../db/schema';
import { toServerFields, type LocalTable } from './mapping';
import { SYNC_KEYS, type NewOutboxRow } from './model';
import { dependencyId } from './uuid5';

const ENTITY_TABLE: Partial<Record<Activity['entity'], LocalTable>> = { shop: 'shops', member: 'members', project: 'projects', task: 'tasks' };

/** The Dexie tables an outbox write touches (add them to the write transaction's scope). */
export function outboxTables(db: ZhangguiDb): Table[] {
  return [db.table('outbox'), db.table('syncState')];
}

/**
 * Turns the activity rows of one write into outbox rows, inside that write's
 * transaction (WorkspaceService.log calls it), so a change and its outbox row
 * commit or fail together. Reads the record as just written; only changed
 * fields are queued; a tombstone becomes op "delete"; dependsOn becomes
 * task_dependencies edges (one row per added/removed edge).
 */
export async function recordOutbox(db: ZhangguiDb, activity: readonly Activity[], at: number): Promise<void> {
  const byEntity = new Map<string, Activity[]>();
  for (const a of activity) {
    if (!ENTITY_TABLE[a.entity]) continue;
    const k = `${a.entity}|${a.entityId}`;
    byEntity.set(k, [...(byEntity.get(k) ?? []), a]);
  }
  const rows: NewOutboxRow[] = [];
  for (const group of byEntity.values()) {
    const table = ENTITY_TABLE[group[0]!.entity]!;
    const id = group[0]!.entityId;
    const record = (await db.table(table).get(id)) as Record<string, unknown> | undefined;
    if (!record) continue;
    const base = await baseRevision(db, table, id);
    const created = group.some((a) => a.action === 'create');
    const deleted = group.some((a) => a.field === 'deletedAt' && a.newValue !== null);
    if (created) {
      rows.push({ table, rowId: id, op: 'upsert', fields: toServerFields(table, record), baseRevision: null, at });
      if (table === 'tasks') for (const d of (record.dependsOn as string[]) ?? []) rows.push(edge(record, d, 'upsert', at));
      if (record.deletedAt != null) rows.push({ table, rowId: id, op: 'delete', fields: {}, baseRevision: null, at });
      continue;
    }
    const changed = group.map((a) => a.field).filter((f): f is string => f !== null && f !== 'deletedAt');
    const fields = toServerFields(table, record, changed);
    if (Object.keys(fields).length > 0) rows.push({ table, rowId: id, op: 'upsert', fields, baseRevision: base, at });
    const dep = group.find((a) => a.field === 'dependsOn');
    if (dep && table === 'tasks') {
      const before = new Set((dep.oldValue as string[] | null) ?? []);
      const after = new Set((dep.newValue as string[] | null) ?? []);
      for (const d of after) if (!before.has(d)) rows.push(edge(record, d, 'upsert', at));
      for (const d of before) if (!after.has(d)) rows.push(edge(record, d, 'delete', at));
    }
    if (deleted) rows.push({ table, rowId: id, op: 'delete', fields: {}, baseRevision: base, at });
  }
  if (rows.length > 0) await db.table('outbox').bulkAdd(rows);
}

/**
 * The revision this browser last saw the row at: everything up to the pull
 * cursor has been seen, and our own acknowledged writes may be newer (stored per
 * row on acknowledgement). Null before the first pull. Only used by the server
 * to report conflicts.
 */
async function baseRevision(db: ZhangguiDb, table: string, id: string): Promise<number | null> {
  const cursor = await db.table('syncState').get(SYNC_KEYS.cursor);
  const own = await db.table('syncState').get(SYNC_KEYS.rev(table, id));
  const c = cursor?.value as number | undefined;
  const o = own?.value as number | undefined;
  if (c === undefined && o === undefined) return null;
  return Math.max(c ?? 0, o ?? 0);
}

function edge(task: Record<string, unknown>, dependsOnId: string, op: 'upsert' | 'delete', at: number): NewOutboxRow {
  const taskId = task.id as string;
  return {
    table: 'task_dependencies',
    rowId: dependencyId(taskId, dependsOnId),
    op,
    fields: op === 'upsert' ? { shop_id: task.shopId, task_id: taskId, depends_on_id: dependsOnId } : {},
    baseRevision: null,
    at,
  };
}

/** Queues rows outside a workspace write (uploading a local shop, tests). */
export async function enqueue(db: ZhangguiDb, rows: readonly NewOutboxRow[]): Promise<void> {
  await db.table('outbox').bulkAdd([...rows]);
}
