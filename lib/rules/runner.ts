import { uuidv5 } from '../sync/uuid5';
import { z } from 'zod';
import { raiseAlert } from '../alerts/store';
import type { ZhangguiDb } from '../db/schema';
import { ME_KEY } from '../db/settings';
import { keptRead } from '../db/write-generation';
import { newId } from '../domain/common';
import { itemNames } from '../items/catalog';
import { memberSchema, type Member } from '../domain/member';
import { projectSchema, type Project } from '../domain/project';
import { taskDraftSchema, taskSchema, type Task } from '../domain/task';
import type { Services } from '../messaging/area';
import type { MetricRecord } from '../metrics/record';
import { metricAcrossScopes } from '../metrics/store';
import { addDays } from './dates';
import { evaluateRules } from './engine';
import type { Firing, SkippedRule } from './firing';
import { metricInfo } from './metrics';
import type { MetricTarget, Rule, Trigger } from './model';
import { dailyRunDue, LAST_DAILY_KEY } from './schedule';
import { disableBrokenRules, type FiringRow, firingAlertInput, firingRow, firingRowSchema, listRules, type RuleRow } from './store';
import { CONTEXT_METRICS } from './suggest';

/**
 * Runs stored rules in the background and acts on what fires: one stored firing per key, one
 * inbox alert, one browser notification for the members it names, and the rule's task created
 * once. Called after every capture (onMetricsIngested), by the daily alarm, after task changes
 * and when a rule is saved. The engine is pure; everything with side effects is here.
 */

export type RunnerServices = Services & { onChange?: () => void | Promise<void> };

/** How far back figures are loaded: the longest window (90 d) + suggestion context (14 d) + refund settling (14 d). */
const HISTORY_DAYS = 120;

export interface RunOptions {
  /** Only rules with these triggers (default: all). */
  triggers?: readonly Trigger[];
  /** Only these rules (e.g. the one just saved). */
  ruleIds?: readonly string[];
}

export interface RunSummary {
  /** Rules evaluated. */
  evaluated: number;
  /** Firings that were new and acted on. */
  fired: FiringRow[];
  /** Firings whose key was already stored: nothing was done again. */
  repeats: number;
  /** Rules switched off because they can no longer run (with reasons on the row). */
  disabled: RuleRow[];
  skipped: SkippedRule[];
}

const EMPTY: RunSummary = { evaluated: 0, fired: [], repeats: 0, disabled: [], skipped: [] };

function valid<T>(rows: unknown[], schema: z.ZodType<T>): T[] {
  return rows.flatMap((r) => {
    const p = schema.safeParse(r);
    return p.success ? [p.data] : [];
  });
}

/** Metric codes a set of rules reads, with the parts of derived metrics (加购率 = 加购人数 / 访客数). */
export function metricsRead(rules: readonly Rule[]): string[] {
  const out = new Set<string>();
  const add = (m: string): void => {
    const d = metricInfo(m)?.derived;
    if (d) {
      out.add(d.numerator);
      out.add(d.denominator);
    } else out.add(m);
  };
  for (const r of rules) {
    if (r.condition.kind !== 'metric') continue;
    add(r.condition.metric);
    if (r.actions.suggestion) CONTEXT_METRICS.forEach(add);
  }
  return [...out].sort();
}

/** Daily figures of one shop (the shop and every item) for the given metrics and dates, metric by metric. */
export async function loadRecords(db: ZhangguiDb, shopId: string, metrics: readonly string[], from: string, to: string): Promise<MetricRecord[]> {
  const out: MetricRecord[] = [];
  for (const m of metrics) {
    const rows = await metricAcrossScopes(db, shopId, m, 'day', from, to);
    out.push(...rows);
  }
  return out;
}

/**
 * Targets (store `targets`, written by lib/metrics/targets.ts) as the engine's daily MetricTarget:
 * a monthly target paces evenly over its month (月目标 / 当月天数 per day, one entry per month of
 * history, since a rule compares each day with that day's share); without one, a lower warning
 * line ('min', e.g. 支付转化率 ≥ 2%) is the target. Read tolerantly: a row we cannot read is skipped.
 */
const targetRowSchema = z.object({
  metric: z.string().min(1).max(40),
  itemKey: z.string(),
  monthly: z.number().finite().positive().nullable().optional(),
  line: z.object({ direction: z.enum(['max', 'min']), value: z.number().finite() }).nullable().optional(),
});

function monthsBack(today: string, count: number): Array<{ from: string; to: string; days: number }> {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const out: Array<{ from: string; to: string; days: number }> = [];
  for (let k = count - 1; k >= 0; k--) {
    const d = new Date(Date.UTC(y, m - 1 - k, 1));
    const days = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    const from = d.toISOString().slice(0, 10);
    out.push({ from, to: `${from.slice(0, 8)}${String(days).padStart(2, '0')}`, days });
  }
  return out;
}

export async function loadTargets(db: ZhangguiDb, shopId: string, today: string): Promise<MetricTarget[]> {
  const rows = valid(await db.table('targets').where('shopId').equals(shopId).toArray(), targetRowSchema);
  const months = monthsBack(today, Math.ceil(HISTORY_DAYS / 28) + 1);
  const out: MetricTarget[] = [];
  for (const t of rows) {
    const itemId = t.itemKey === '' ? null : t.itemKey;
    if (t.monthly) {
      for (const mo of months) out.push({ metric: t.metric, itemId, value: t.monthly / mo.days, from: mo.from, to: mo.to });
    } else if (t.line?.direction === 'min') {
      out.push({ metric: t.metric, itemId, value: t.line.value, from: null, to: null });
    }
  }
  return out;
}

export interface ShopData {
  shopId: string;
  members: Member[];
  tasks: Task[];
  projects: Project[];
  meId: string | null;
}

/** The shop and its people and work, read and validated straight from the stores. */
export function loadShopData(db: ZhangguiDb): Promise<ShopData | null> {
  // Kept between runs until one of these tables is written: every capture runs the rules.
  return keptRead(db, 'rules.shopData', ['shops', 'members', 'tasks', 'projects', 'settings'], () => readShopData(db));
}

async function readShopData(db: ZhangguiDb): Promise<ShopData | null> {
  const shop = await db.shops.toCollection().first();
  if (!shop) return null;
  const [members, tasks, projects, me] = await Promise.all([
    db.members.where('shopId').equals(shop.id).toArray(),
    db.tasks.where('shopId').equals(shop.id).toArray(),
    db.projects.where('shopId').equals(shop.id).toArray(),
    db.settings.get(ME_KEY),
  ]);
  return {
    shopId: shop.id,
    members: valid(members, memberSchema).filter((m) => m.deletedAt === null),
    tasks: valid(tasks, taskSchema).filter((t) => t.deletedAt === null),
    projects: valid(projects, projectSchema).filter((p) => p.deletedAt === null),
    meId: typeof me?.value === 'string' ? me.value : null,
  };
}

/** Evaluations of one database run one after another: a capture and the alarm at once must not race. */
const queues = new WeakMap<ZhangguiDb, Promise<unknown>>();
function serial<T>(db: ZhangguiDb, job: () => Promise<T>): Promise<T> {
  const prev = queues.get(db) ?? Promise.resolve();
  const next = prev.then(job, job);
  queues.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}

function taskDescription(f: Firing): string {
  const parts = [f.task?.description ?? '', f.task?.description?.includes(f.messageZh) ? '' : f.messageZh, `规则 Rule：${f.ruleName}`];
  return parts.filter(Boolean).join('\n\n').slice(0, 5000);
}

/**
 * Acts on one firing exactly once. The check for its key, the task, the alert and the firing row
 * commit in ONE transaction (createTask and raiseAlert join it), so two evaluations racing, or a
 * crash half-way, can never leave a task without its firing or create it twice.
 */
async function actOnce(services: RunnerServices, data: ShopData, f: Firing): Promise<FiringRow | null> {
  const { db, workspace } = services;
  const at = services.now();
  const tables = [db.table('firings'), db.table('alerts'), db.tasks, db.members, db.projects, db.activity, db.shops];
  return db.transaction('rw', tables, async () => {
    if (await db.table('firings').get(f.key)) return null;
    let taskId: string | null = null;
    let taskError: string | null = null;
    if (f.task) {
      const draft = {
        title: f.task.title,
        description: taskDescription(f),
        stage: f.task.stage,
        assigneeId: f.task.assigneeId && data.members.some((m) => m.id === f.task!.assigneeId) ? f.task.assigneeId : null,
        startDate: services.today(),
        dueDate: f.task.dueDate,
        priority: f.task.priority,
        metric: f.task.metric,
        itemIds: f.task.itemIds,
        projectId: null,
      };
      const ok = taskDraftSchema.safeParse(draft);
      // The id comes from the firing key, so teammates' browsers firing the same rule make one task.
      if (ok.success) taskId = (await workspace.createTask(null, draft, { id: uuidv5(`rule-task|${data.shopId}|${f.key}`) })).id;
      else taskError = ok.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    }
    const alert = await raiseAlert(
      db,
      firingAlertInput({ ...f, evidence: f.evidence as unknown as Record<string, unknown> }, data.shopId, taskId, at, newId()),
    );
    const row = firingRowSchema.parse(firingRow(f, data.shopId, at, { alertId: alert?.id ?? null, taskId, taskError }));
    await db.table('firings').add(row);
    return row;
  });
}

/** A browser notification for the member using this browser, when the firing names them. */
async function notifyMe(services: RunnerServices, data: ShopData, row: FiringRow): Promise<void> {
  if (!services.notify) return;
  if (data.meId !== null && !row.notify.includes(data.meId)) return;
  if (data.meId === null && row.notify.length > 0) return;
  const tag = row.provisional ? '（数据未定 provisional）' : '';
  await services.notify({ id: `zg-rule-${row.key}`.slice(0, 200), title: `掌柜 · ${row.ruleName}`.slice(0, 100), message: `${row.messageZh}${tag}`.slice(0, 300) }).catch(() => undefined);
}

async function run(services: RunnerServices, opts: RunOptions): Promise<RunSummary> {
  const { db } = services;
  const data = await loadShopData(db);
  if (!data) return EMPTY;
  const rows = (await listRules(db, data.shopId)).filter(
    (r) => (!opts.triggers || opts.triggers.includes(r.trigger)) && (!opts.ruleIds || opts.ruleIds.includes(r.id)),
  );
  const { enabled, disabled } = await disableBrokenRules(db, rows, data.members, services.now());
  if (enabled.length === 0) return { ...EMPTY, disabled };
  const today = services.today();
  const metrics = metricsRead(enabled);
  const [records, targets] = await Promise.all([
    metrics.length ? loadRecords(db, data.shopId, metrics, addDays(today, -HISTORY_DAYS), today) : Promise.resolve([]),
    loadTargets(db, data.shopId, today),
  ]);
  // Names for the items the figures are about: firings say "title (ID)" (the item catalog).
  const names = await itemNames(db, data.shopId, [...new Set(records.map((r) => r.itemKey).filter((k) => k !== ''))]);
  const result = evaluateRules({ rules: enabled, records, targets, tasks: data.tasks, members: data.members, projects: data.projects, today, itemNames: names });
  const fired: FiringRow[] = [];
  let repeats = 0;
  for (const f of result.firings) {
    const row = await actOnce(services, data, f);
    if (row) fired.push(row);
    else repeats++;
  }
  for (const row of fired) await notifyMe(services, data, row);
  if (fired.length > 0 || disabled.length > 0) await services.onChange?.();
  return { evaluated: enabled.length, fired, repeats, disabled, skipped: result.skipped };
}

/** Evaluates stored rules and acts on new firings (serialised per database). */
export function runRules(services: RunnerServices, opts: RunOptions = {}): Promise<RunSummary> {
  return serial(services.db, () => run(services, opts));
}

/**
 * The metrics area calls this after storing captured figures. Daily rules run too: they judge
 * yesterday, whose figures usually arrive when someone opens Sycm after the 08:05 check, so
 * waiting for tomorrow's check would judge the wrong day. Keys make the extra runs harmless.
 */
export async function onMetricsIngested(services: RunnerServices, records: readonly unknown[]): Promise<RunSummary> {
  if (records.length === 0) return EMPTY;
  return runRules(services, { triggers: ['capture', 'daily'] });
}

/** After a task changed: rules on task status. */
export function onTaskChanged(services: RunnerServices): Promise<RunSummary> {
  return runRules(services, { triggers: ['task.status'] });
}

/** The daily alarm: daily rules (metrics, milestones) and overdue tasks; remembers the day it ran. */
export async function runDaily(services: RunnerServices): Promise<RunSummary> {
  const summary = await runRules(services, { triggers: ['daily', 'task.overdue'] });
  await services.db.settings.put({ key: LAST_DAILY_KEY, value: services.today() });
  return summary;
}

/** On browser start: run the daily check if today's was missed (the browser was closed at run time). */
export async function runDailyIfMissed(services: RunnerServices): Promise<RunSummary | null> {
  const last = (await services.db.settings.get(LAST_DAILY_KEY))?.value;
  if (!dailyRunDue(typeof last === 'string' ? last : null, services.today(), services.now())) return null;
  return runDaily(services);
}
