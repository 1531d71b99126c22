import type { Table } from 'dexie';
import { raiseAlert } from '../alerts/store';
import type { ZhangguiDb } from '../db/schema';
import { ME_KEY } from '../db/settings';
import type { Member, Task } from '../domain';
import { AREA_ADAPTERS, adapterForTable, type AreaAdapter } from './area';
import { announceArrivals, type Arrival } from './area/arrivals';
import { holdsSeveralRows, keyText } from './area/adapter';
import { markUntracked } from './area/tracking';
import { checkSyncColumns, fromServerFields, fromServerRow, isLocalTable, parseDependencyRow, type LocalTable } from './mapping';
import { SYNC_KEYS, isPermanent, type OutboxRow, type PushAnswer, type SyncStatus } from './model';
import { SyncCallError, type Mutation, type SyncServer } from './server';

export interface EngineOptions {
  db: ZhangguiDb;
  server: SyncServer;
  shopId: string;
  /** The signed-in auth user: their member row becomes "me" locally. */
  userId?: string | null;
  clock?: () => number;
  /** Mutations per push_changes call (server maximum 1000). */
  batchSize?: number;
  /** Rows per pull_changes page (1..1000). */
  pageSize?: number;
  /** Called after anything visible changed locally (bumps the UI's data version). */
  onChange?: () => void | Promise<void>;
  random?: () => number;
}

interface PendingEdge {
  id: string;
  taskId: string;
  dependsOnId: string;
  live: boolean;
}

const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Pushes the outbox and pulls the server's changes for one shop.
 *   push: batches of outbox rows with their stable seq (idempotent: the server's
 *     ledger answers a re-sent seq without applying it again). Only rows the
 *     server answered are removed: ok → store the revision; rejected for good
 *     (22/23/42/P0 classes) → restore the server's row and raise an inbox alert;
 *     anything else stays queued and is retried with exponential backoff.
 *   pull: pages by revision into IndexedDB; every element validated (bad ones
 *     quarantined); fields with a pending local edit keep the local value
 *     until that edit is acknowledged.
 */
export class SyncEngine {
  private failures = 0;
  private nextAttemptAt = 0;
  private lastError: { kind: SyncCallError['kind']; message: string } | null = null;
  private running: Promise<SyncStatus> | null = null;
  private readonly clock: () => number;
  private emptyAtStart = new Set<LocalTable>();

  constructor(private readonly o: EngineOptions) {
    this.clock = o.clock ?? Date.now;
  }

  /** One push + pull round; concurrent calls share the running round. Skipped while backing off unless forced. */
  sync(opts: { force?: boolean } = {}): Promise<SyncStatus> {
    if (this.running) return this.running;
    this.running = this.round(opts.force ?? false).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round(force: boolean): Promise<SyncStatus> {
    if (!force && this.clock() < this.nextAttemptAt) return this.status();
    let moved = false;
    try {
      const pushed = await this.push();
      const pulled = await this.pull();
      moved = pushed.acknowledged + pushed.rejected + pulled.rows > 0;
      this.failures = 0;
      this.nextAttemptAt = 0;
      this.lastError = null;
      await this.o.db.table('syncState').put({ key: 'lastSyncAt', value: this.clock() });
    } catch (e) {
      if (!(e instanceof SyncCallError)) throw e;
      this.lastError = { kind: e.kind, message: e.message };
      this.failures += 1;
      const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.failures - 1, 12));
      this.nextAttemptAt = this.clock() + base * (0.5 + (this.o.random ?? Math.random)() / 2);
    }
    const s = await this.status();
    const before = (await this.o.db.table('syncState').get(SYNC_KEYS.status))?.value as SyncStatus | undefined;
    await this.o.db.table('syncState').put({ key: SYNC_KEYS.status, value: s });
    // Only tell the UI when something it shows changed (its refetch must not trigger another round).
    if (moved || !before || before.state !== s.state || before.pending !== s.pending || before.reason !== s.reason) await this.o.onChange?.();
    return s;
  }

  /** When the next attempt is due (0 = now); for alarms and tests. */
  retryAt(): number {
    return this.nextAttemptAt;
  }

  async status(): Promise<SyncStatus> {
    const pending = await this.o.db.table('outbox').count();
    const lastSyncAt = ((await this.o.db.table('syncState').get('lastSyncAt'))?.value as number | undefined) ?? null;
    const boundAccount = ((await this.o.db.table('syncState').get('boundAccount'))?.value as string | undefined) ?? null;
    const e = this.lastError;
    const state: SyncStatus['state'] = e ? (e.kind === 'offline' || e.kind === 'transient' ? 'offline' : 'error') : pending > 0 ? 'pending' : 'synced';
    return { state, pending, reason: e?.message ?? null, lastSyncAt, boundAccount };
  }

  async clientId(): Promise<string> {
    const t = this.o.db.table('syncState');
    const existing = (await t.get(SYNC_KEYS.clientId))?.value;
    if (typeof existing === 'string') return existing;
    const id = crypto.randomUUID();
    await t.put({ key: SYNC_KEYS.clientId, value: id });
    return id;
  }

  // --- push --------------------------------------------------------------------------
  async push(): Promise<{ acknowledged: number; rejected: number }> {
    const clientId = await this.clientId();
    const batch = this.o.batchSize ?? 200;
    let acknowledged = 0;
    let rejected = 0;
    let afterSeq = 0;
    for (;;) {
      const queued = (await this.o.db.table('outbox').where('seq').above(afterSeq).limit(batch).toArray()) as OutboxRow[];
      if (queued.length === 0) break;
      // A file's upload is checked against the server's view of its task: the rows before it go first.
      const cut = queued.findIndex((row, i) => i > 0 && carriesFile(row));
      const rows = cut > 0 ? queued.slice(0, cut) : queued;
      afterSeq = rows[rows.length - 1]!.seq;
      const fileRefusals = await this.uploadFiles(rows);
      const sendable = rows.filter((row) => !fileRefusals.some((a) => a.seq === row.seq));
      const answers = sendable.length > 0 ? await this.o.server.push(clientId, sendable.map(toMutation)) : [];
      const r = await this.applyAnswers(rows, [...answers, ...fileRefusals]);
      acknowledged += r.acknowledged;
      rejected += r.rejected;
      if (r.transient > 0) throw new SyncCallError(`${r.transient} change(s) hit a temporary server error; retrying`, 'transient');
    }
    return { acknowledged, rejected };
  }

  /**
   * A new attachment's bytes go to Storage before its row is pushed, so a teammate who sees the
   * row can open the file. A failure worth retrying stops the round (the row stays queued); a
   * refusal (the bucket's policies) is answered like a refused row: rolled back, author told.
   */
  private async uploadFiles(rows: OutboxRow[]): Promise<PushAnswer[]> {
    const refused: PushAnswer[] = [];
    for (const row of rows) {
      const path = row.fields.storage_path;
      if (!carriesFile(row) || typeof path !== 'string') continue;
      const data = ((await this.o.db.table('attachments').get(row.rowId)) as { data?: unknown } | undefined)?.data;
      if (!(data instanceof Blob) || data.size === 0) continue; // deleted meanwhile: the row alone goes
      try {
        await this.o.server.uploadFile(path, data);
      } catch (e) {
        if (!(e instanceof SyncCallError) || (e.kind !== 'auth' && e.kind !== 'refused')) throw e;
        refused.push({ seq: row.seq, status: 'rejected', revision: null, code: e.code ?? '42501', message: e.message, conflicts: [] });
      }
    }
    return refused;
  }

  private async applyAnswers(rows: OutboxRow[], answers: PushAnswer[]): Promise<{ acknowledged: number; rejected: number; transient: number }> {
    const bySeq = new Map(answers.map((a) => [a.seq, a]));
    const db = this.o.db;
    const ok: { row: OutboxRow; a: PushAnswer }[] = [];
    const refused: { row: OutboxRow; a: PushAnswer }[] = [];
    let transient = 0;
    for (const row of rows) {
      const a = bySeq.get(row.seq);
      if (!a) continue; // not confirmed: stays queued
      if (a.status === 'ok') ok.push({ row, a });
      else if (isPermanent(a.code)) refused.push({ row, a });
      else transient += 1;
    }
    await db.transaction('rw', [db.table('outbox'), db.table('syncState')], async () => {
      for (const { row, a } of ok) {
        await db.table('outbox').delete(row.seq);
        if (a.revision !== null) {
          const key = SYNC_KEYS.rev(row.table, row.rowId);
          const prev = ((await db.table('syncState').get(key))?.value as number | undefined) ?? 0;
          if (a.revision > prev) await db.table('syncState').put({ key, value: a.revision });
        }
      }
    });
    for (const { row, a } of refused) await this.rollback(row, a);
    return { acknowledged: ok.length, rejected: refused.length, transient };
  }

  /** Restores the server's version of a refused row, tells its author, then drops the outbox row. */
  private async rollback(row: OutboxRow, a: PushAnswer): Promise<void> {
    const db = this.o.db;
    const server = await this.o.server.select(row.table, 'id', row.rowId); // may throw: the row stays queued and is retried
    const meId = ((await db.settings.get(ME_KEY))?.value as string | undefined) ?? null;
    await db.transaction('rw', [...this.writeScope()], async () => {
      markUntracked();
      await db.table('outbox').delete(row.seq);
      if (row.table === 'task_dependencies') {
        const edge = server[0] ? parseDependencyRow(server[0]) : null;
        const taskId = edge?.ok ? edge.row.task_id : (row.fields.task_id as string | undefined);
        const dependsOnId = edge?.ok ? edge.row.depends_on_id : (row.fields.depends_on_id as string | undefined);
        if (taskId && dependsOnId) await this.setEdge(taskId, dependsOnId, edge?.ok === true && edge.row.deleted_at === null);
      } else if (isLocalTable(row.table)) {
        if (server[0]) await this.applyRows(row.table, [server[0]]);
        else await db.table(row.table).delete(row.rowId); // never reached the server and may not: gone
      } else {
        const adapter = adapterForTable(row.table);
        if (adapter && server[0]) await this.applyAreaRows(adapter, [server[0]], []);
        // A record holding several rows (a metric month) is never removed for one refused row.
        else if (adapter && row.op === 'upsert' && !holdsSeveralRows(adapter)) await db.table(adapter.store).delete(adapter.localKey({ id: row.rowId, ...row.fields }));
      }
    });
    const taskId = row.table === 'tasks' ? row.rowId : row.table === 'task_dependencies' ? ((row.fields.task_id as string | undefined) ?? null) : null;
    const title = taskId ? (((await db.tasks.get(taskId)) as Task | undefined)?.title ?? null) : null;
    await raiseAlert(db, {
      id: crypto.randomUUID(),
      shopId: this.o.shopId,
      key: `sync|${await this.clientId()}|${row.seq}`,
      kind: 'task',
      title: '服务器拒绝了你的修改 / The server refused your change',
      message: `${describe(row)}${title ? `「${title}」` : ''}: ${explain(a.code)} (${a.code}: ${a.message ?? ''}) — 已恢复服务器上的版本 / the server's version was restored`,
      memberIds: meId ? [meId] : [],
      evidence: { table: row.table, rowId: row.rowId, op: row.op, code: a.code, fields: Object.keys(row.fields) },
      taskId: row.table === 'tasks' ? row.rowId : null,
      at: this.clock(),
    });
  }

  // --- pull --------------------------------------------------------------------------
  async pull(): Promise<{ rows: number; quarantined: number }> {
    const db = this.o.db;
    const limit = this.o.pageSize ?? 1000;
    const fetch = (since: number): Promise<unknown[]> => this.o.server.pull(this.o.shopId, since, limit);
    let rows = 0;
    let quarantined = 0;
    let since = ((await db.table('syncState').get(SYNC_KEYS.cursor))?.value as number | undefined) ?? 0;
    // A table empty when the pull starts only receives new ids (each row comes once per pull),
    // so its pages need no read of existing rows: the initial pull of a big shop writes only.
    this.emptyAtStart = new Set();
    for (const t of ['shops', 'members', 'projects', 'tasks'] as const) if ((await db.table(t).count()) === 0) this.emptyAtStart.add(t);
    let next: Promise<unknown[]> | null = fetch(since);
    while (next) {
      const page: unknown[] = await next;
      if (page.length === 0) break;
      // Ask for the next page while this one is written to IndexedDB (the cursor is known already).
      const last = maxRevision(page, since);
      next = page.length >= limit && last > since ? fetch(last) : null;
      next?.catch(() => undefined); // a failure surfaces when awaited; never unhandled
      const r = await this.applyPage(page, since);
      since = last;
      rows += page.length;
      quarantined += r.quarantined;
    }
    return { rows, quarantined };
  }

  private async applyPage(page: unknown[], since: number): Promise<{ quarantined: number }> {
    const db = this.o.db;
    let cursor = since;
    let quarantined = 0;
    const grouped: Record<LocalTable, Record<string, unknown>[]> = { shops: [], members: [], projects: [], tasks: [] };
    const edges: unknown[] = [];
    const area = new Map<AreaAdapter, Record<string, unknown>[]>();
    const arrivals: Arrival[] = [];
    const bad: { key: string; row: unknown; reason: string }[] = [];
    for (const raw of page) {
      // The envelope ({table, revision, row}); each row is then validated by its table's schema.
      const p = raw as { table?: unknown; revision?: unknown; row?: unknown } | null;
      if (typeof p !== 'object' || p === null || typeof p.table !== 'string' || typeof p.revision !== 'number' || !Number.isInteger(p.revision) || typeof p.row !== 'object' || p.row === null) {
        bad.push({ key: '?', row: raw, reason: 'pull element: expected {table, revision, row}' });
        continue;
      }
      const item = { table: p.table, revision: p.revision, row: p.row as Record<string, unknown> };
      cursor = Math.max(cursor, item.revision);
      if (isLocalTable(item.table)) grouped[item.table].push(item.row);
      else if (item.table === 'task_dependencies') edges.push(item.row);
      else {
        const adapter = adapterForTable(item.table);
        if (adapter) area.set(adapter, [...(area.get(adapter) ?? []), item.row]);
        // Tables this version does not keep locally (invitations) are skipped.
      }
    }
    await db.transaction('rw', [...this.writeScope()], async () => {
      markUntracked();
      for (const t of ['shops', 'members', 'projects', 'tasks'] as const) quarantined += await this.applyRows(t, grouped[t]);
      for (const e of edges) {
        const p = parseDependencyRow(e);
        if (!p.ok) {
          bad.push({ key: String((e as { id?: unknown }).id ?? '?'), row: e, reason: p.reason });
          continue;
        }
        const pending = await db.table('outbox').where('rowId').equals(p.row.id).count();
        if (pending === 0) await this.setEdge(p.row.task_id, p.row.depends_on_id, p.row.deleted_at === null, p.row.id);
      }
      await this.resolvePendingEdges();
      for (const [adapter, rows] of area) quarantined += await this.applyAreaRows(adapter, rows, arrivals);
      for (const b of bad) await db.quarantine.add({ table: 'sync', key: b.key, row: b.row, reason: b.reason, at: this.clock() });
      await db.table('syncState').put({ key: SYNC_KEYS.cursor, value: cursor });
    });
    if (arrivals.length > 0) await announceArrivals(db, arrivals, this.clock());
    return { quarantined: quarantined + bad.length };
  }

  /** Every store a pulled page or a rollback may write (the area stores join the workspace ones). */
  private writeScope(): Table[] {
    const db = this.o.db;
    return [db.shops, db.members, db.projects, db.tasks, db.table('outbox'), db.table('syncState'), db.quarantine, db.settings, ...AREA_ADAPTERS.map((a) => db.table(a.store))];
  }

  /**
   * Pulled rows of one area store (inside the caller's untracked transaction). A row with a
   * pending local change keeps the local record until the server acknowledges it (the next pull
   * brings the merged row), except a metric day (merged by capture time); a tombstone removes a
   * hard-deleted record, never a record holding several rows (a metric month); anything the
   * store's schema refuses is quarantined. New records are reported as arrivals (inbox alerts).
   */
  private async applyAreaRows(adapter: AreaAdapter, rows: Record<string, unknown>[], arrivals: Arrival[]): Promise<number> {
    const db = this.o.db;
    const table = db.table(adapter.store);
    const pending = new Set(((await db.table('outbox').where('rowId').anyOf(rows.map((r) => String(r.id ?? ''))).toArray()) as OutboxRow[]).map((o) => o.rowId));
    let quarantined = 0;
    for (const row of rows) {
      const bad = checkSyncColumns(row, []);
      if (bad) {
        quarantined += 1;
        await db.quarantine.add({ table: `sync:${adapter.table}`, key: String(row.id ?? '?'), row, reason: bad, at: this.clock() });
        continue;
      }
      // Metric days need no shadowing: the later capture wins on both sides (fromServer, server trigger).
      if (pending.has(row.id as string) && !holdsSeveralRows(adapter)) continue;
      const key = adapter.localKey(row);
      const before = (await table.get(key)) as Record<string, unknown> | undefined;
      if (row.deleted_at !== null && adapter.deletes !== 'soft') {
        if (before && !holdsSeveralRows(adapter)) await table.delete(key);
        continue;
      }
      const parsed = adapter.fromServer(row, before);
      if (!parsed.ok) {
        quarantined += 1;
        await db.quarantine.add({ table: `sync:${adapter.table}`, key: keyText(key), row, reason: parsed.reason, at: this.clock() });
        continue;
      }
      await table.put(parsed.record);
      if (!before) arrivals.push({ store: adapter.store, record: parsed.record });
    }
    return quarantined;
  }

  /** Validates and stores server rows of one table (inside the caller's transaction). Returns how many were quarantined. */
  private async applyRows(table: LocalTable, rows: Record<string, unknown>[]): Promise<number> {
    if (rows.length === 0) return 0;
    const db = this.o.db;
    const ids = rows.map((r) => String(r.id ?? ''));
    // One key-range cursor over the ids (much cheaper in Chromium than one get per id).
    const found = this.emptyAtStart.has(table)
      ? new Map<string, Record<string, unknown>>()
      : new Map(((await db.table(table).where(':id').anyOf(ids).toArray()) as Record<string, unknown>[]).map((r) => [r.id as string, r]));
    const existing = ids.map((id) => found.get(id));
    const pendingByRow = new Map<string, OutboxRow[]>();
    for (const o of (await db.table('outbox').where('rowId').anyOf(ids).toArray()) as OutboxRow[]) {
      pendingByRow.set(o.rowId, [...(pendingByRow.get(o.rowId) ?? []), o]);
    }
    const puts: Record<string, unknown>[] = [];
    let quarantined = 0;
    for (let i = 0; i < rows.length; i++) {
      const before = existing[i];
      const mapped = fromServerRow(table, rows[i], { dependsOn: (before?.dependsOn as string[] | undefined) ?? [] });
      if (!mapped.ok) {
        quarantined += 1;
        await db.quarantine.add({ table: `sync:${table}`, key: ids[i]!, row: rows[i], reason: mapped.reason, at: this.clock() });
        continue;
      }
      let rec: Record<string, unknown> = mapped.record as unknown as Record<string, unknown>;
      const pending = pendingByRow.get(ids[i]!);
      if (pending && before) {
        // Pending local edits shadow the server's values until the server acknowledges them.
        for (const o of pending) {
          if (o.op === 'delete') rec = { ...rec, deletedAt: before.deletedAt ?? rec.deletedAt };
          else rec = { ...rec, ...fromServerFields(table, o.fields) };
        }
      }
      puts.push(rec);
      if (table === 'members' && this.o.userId && mapped.userId === this.o.userId) {
        const m = mapped.record as Member;
        if (m.deletedAt === null) await db.settings.put({ key: ME_KEY, value: m.id });
        await db.table('syncState').put({ key: 'boundAccount', value: m.taobaoAccount });
      }
    }
    await db.table(table).bulkPut(puts);
    return quarantined;
  }

  /** Adds or removes one edge in the local task's dependsOn; holds it when the task has not arrived yet. */
  private async setEdge(taskId: string, dependsOnId: string, live: boolean, id?: string): Promise<void> {
    const db = this.o.db;
    const task = (await db.tasks.get(taskId)) as Task | undefined;
    if (!task) {
      const held = ((await db.table('syncState').get(SYNC_KEYS.pendingEdges))?.value as PendingEdge[] | undefined) ?? [];
      const next = held.filter((e) => !(e.taskId === taskId && e.dependsOnId === dependsOnId));
      next.push({ id: id ?? '', taskId, dependsOnId, live });
      await db.table('syncState').put({ key: SYNC_KEYS.pendingEdges, value: next });
      return;
    }
    const has = task.dependsOn.includes(dependsOnId);
    if (live && !has) await db.tasks.put({ ...task, dependsOn: [...task.dependsOn, dependsOnId] });
    if (!live && has) await db.tasks.put({ ...task, dependsOn: task.dependsOn.filter((d) => d !== dependsOnId) });
  }

  private async resolvePendingEdges(): Promise<void> {
    const db = this.o.db;
    const held = ((await db.table('syncState').get(SYNC_KEYS.pendingEdges))?.value as PendingEdge[] | undefined) ?? [];
    if (held.length === 0) return;
    const tasks = (await db.tasks.bulkGet(held.map((e) => e.taskId))) as (Task | undefined)[];
    const still: PendingEdge[] = [];
    for (let i = 0; i < held.length; i++) {
      const e = held[i]!;
      if (tasks[i]) await this.setEdge(e.taskId, e.dependsOnId, e.live);
      else still.push(e);
    }
    await db.table('syncState').put({ key: SYNC_KEYS.pendingEdges, value: still });
  }
}

/** A new attachment row: its file is uploaded right before it is pushed. */
function carriesFile(row: OutboxRow): boolean {
  return row.table === 'attachments' && row.op === 'upsert' && typeof row.fields.storage_path === 'string';
}

function maxRevision(page: unknown[], since: number): number {
  let m = since;
  for (const p of page) {
    const r = (p as { revision?: unknown } | null)?.revision;
    if (typeof r === 'number' && Number.isInteger(r) && r > m) m = r;
  }
  return m;
}

function toMutation(r: OutboxRow): Mutation {
  return r.op === 'delete'
    ? { seq: r.seq, table: r.table, op: 'delete', id: r.rowId }
    : { seq: r.seq, table: r.table, op: 'upsert', id: r.rowId, fields: r.fields, base_revision: r.baseRevision };
}

const TABLE_LABEL: Record<string, string> = {
  shops: '店铺 shop',
  members: '成员 member',
  projects: '项目 project',
  tasks: '任务 task',
  task_dependencies: '任务依赖 dependency',
  comments: '评论 comment',
  attachments: '附件 attachment',
  image_versions: '图片版本 image version',
  price_changes: '改价记录 price change',
  targets: '目标 target',
  rules: '规则 rule',
  alerts: '规则触发 rule firing',
  boards: '看板 board',
  item_catalog: '商品名称 item title',
  metric_snapshots: '指标数据 metric figure',
};

function describe(r: OutboxRow): string {
  const what = TABLE_LABEL[r.table] ?? r.table;
  if (r.op === 'delete') return `删除${what} / delete ${what}`;
  return `修改${what} / change ${what} (${Object.keys(r.fields).join(', ')})`;
}

/** A short human reason for a SQLSTATE the server answered. */
export function explain(code: string | null): string {
  if (code === '42501') return '你的角色无权这样做 / your role is not allowed to do this';
  if (code === '23505') return '与已有数据重复 / duplicates an existing record';
  if (code === '23503') return '引用的数据不存在 / refers to something that does not exist on the server';
  if (code === '23502') return '缺少必填项 / a required field is missing';
  if (code === '23514') return '数据不符合规则 / the value breaks a rule';
  if (code?.startsWith('22')) return '数值无效 / invalid value';
  if (code === '42703') return '字段无效 / unknown field';
  if (code === 'P0002') return '服务器上不存在 / not found on the server';
  return '被拒绝 / refused';
}
