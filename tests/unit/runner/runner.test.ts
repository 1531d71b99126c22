import Dexie from 'dexie';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { inbox } from '@/lib/alerts/store';
import { ZhangguiDb } from '@/lib/db/schema';
import { allRecords, putRecords } from '@/lib/metrics/store';
import type { MetricRecord } from '@/lib/metrics/record';
import { addDays } from '@/lib/rules/dates';
import { RULE_TEMPLATES } from '@/lib/rules/templates';
import { type RunnerServices, onMetricsIngested, runDaily, runDailyIfMissed, runRules } from '@/lib/rules/runner';
import { listFirings, listRules, saveRule } from '@/lib/rules/store';
import { WorkspaceService } from '@/lib/workspace/service';
import type { RuleInput } from '@/lib/rules/model';

const TODAY = '2026-11-20';
const ITEM = '700000000001';
const dbs: ZhangguiDb[] = [];

afterAll(async () => {
  for (const db of dbs) {
    db.close();
    await Dexie.delete(db.name);
  }
});

interface Client {
  db: ZhangguiDb;
  services: RunnerServices;
  notify: ReturnType<typeof vi.fn>;
  ids: Record<string, string>;
  shopId: string;
}

function servicesFor(db: ZhangguiDb): { services: RunnerServices; notify: ReturnType<typeof vi.fn> } {
  const notify = vi.fn(async () => undefined);
  let t = 1_000;
  return { services: { db, workspace: new WorkspaceService(db), today: () => TODAY, now: () => t++, notify }, notify };
}

function rec(itemKey: string, metric: string, date: string, value: number, shopId: string): MetricRecord {
  return { metric, itemId: itemKey || null, itemKey, date, value, period: 'day', source: 'response', shopId, capturedAt: 1, provisional: false };
}

/** A shop whose item sold ¥500 a day for the last 3 days against a ¥30,000 monthly target (¥1,000 a day in November). */
async function client(): Promise<Client> {
  const db = new ZhangguiDb(`zg-runner-${Math.random()}`);
  dbs.push(db);
  const { services, notify } = servicesFor(db);
  await services.workspace.setup({
    shopName: '木语',
    members: [
      { name: '阿强', role: 'operator' },
      { name: '小美', role: 'designer' },
      { name: '李总监', role: 'ops_director' },
    ],
    meIndex: 0,
  });
  const s = await services.workspace.state();
  const shopId = s.shop!.id;
  const ids = Object.fromEntries(s.members.map((m) => [m.name, m.id]));
  const rows: MetricRecord[] = [];
  for (let d = 1; d <= 20; d++) {
    const date = addDays(TODAY, -d);
    rows.push(rec(ITEM, 'payAmt', date, d <= 3 ? 500 : 1200, shopId), rec(ITEM, 'uv', date, d <= 3 ? 200 : 400, shopId));
  }
  await putRecords(db, rows);
  await db.table('targets').put({ id: `${shopId}|payAmt|${ITEM}`, shopId, metric: 'payAmt', itemKey: ITEM, monthly: 30_000, line: null, updatedAt: 1, updatedBy: null });
  return { db, services, notify, ids, shopId };
}

/** The editor's example: 当某商品的支付金额连续3天低于目标的80%时，通知运营并创建任务. */
function exampleRule(id = 'r-sales'): RuleInput {
  return {
    version: 1,
    id,
    name: '某商品支付金额连续3天低于目标80%',
    trigger: 'daily',
    condition: {
      kind: 'metric',
      metric: 'payAmt',
      scope: { kind: 'item', itemId: ITEM },
      comparator: 'lt',
      threshold: { kind: 'targetFraction', fraction: 0.8 },
      window: { kind: 'consecutiveDays', days: 3 },
    },
    actions: { notify: [{ role: 'operator' }], createTask: { title: '调整关键词/价格：{item}{metric}偏低', assignee: { role: 'operator' }, dueInDays: 2 }, suggestion: true },
  };
}

async function save(c: Client, rule: RuleInput): Promise<void> {
  const s = await c.services.workspace.state();
  await saveRule(c.db, c.shopId, rule, { members: s.members, targets: [{ metric: 'payAmt', itemId: ITEM, value: 1000, from: null, to: null }] }, 1);
}

async function counts(c: Client): Promise<{ tasks: number; alerts: number; firings: number }> {
  return { tasks: (await c.services.workspace.state()).tasks.length, alerts: await c.db.table('alerts').count(), firings: await c.db.table('firings').count() };
}

describe('rule runner', () => {
  let c: Client;
  beforeEach(async () => {
    c = await client();
    await save(c, exampleRule());
  });

  it('fires once with its numbers: one task with the suggestion, one rule alert for the operator, one notification', async () => {
    const first = await runRules(c.services);
    expect(first.fired).toHaveLength(1);
    const f = first.fired[0]!;
    expect(f.key).toBe(`r-sales|item:${ITEM}|2026-11-19`);
    expect(f.evidence).toMatchObject({ metric: 'payAmt', itemId: ITEM, observed: 500, target: 1000, line: 800 });
    expect((f.evidence.points as unknown[]).length).toBe(3);
    const { tasks } = await c.services.workspace.state();
    expect(tasks).toHaveLength(1);
    const task = tasks[0]!;
    expect(task).toMatchObject({ metric: 'payAmt', itemIds: [ITEM], assigneeId: c.ids['阿强'], dueDate: '2026-11-22' });
    expect(task.title).toContain('调整关键词/价格');
    expect(task.description).toContain('建议'); // the suggestion written from the data
    expect(task.description).toContain('连续3天');
    expect(f.taskId).toBe(task.id);
    const alerts = await inbox(c.db, c.shopId, c.ids['阿强']!);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'rule', provisional: false, taskId: task.id, memberIds: [c.ids['阿强']] });
    expect(await inbox(c.db, c.shopId, c.ids['小美']!)).toHaveLength(0);
    expect(c.notify).toHaveBeenCalledOnce();
    expect(c.notify.mock.calls[0]![0].message).toContain('连续3天');
  });

  it('never repeats: evaluating again, from another trigger, or twice at once does nothing new', async () => {
    await runRules(c.services);
    const after = await counts(c);
    expect(after).toEqual({ tasks: 1, alerts: 1, firings: 1 });
    const again = await runRules(c.services);
    expect(again.fired).toHaveLength(0);
    expect(again.repeats).toBe(1);
    await onMetricsIngested(c.services, [{}]);
    await runDaily(c.services);
    expect(await counts(c)).toEqual(after);
    expect(c.notify).toHaveBeenCalledOnce();
  });

  it('two evaluations racing (a capture and the alarm) create the task once', async () => {
    const [a, b] = await Promise.all([runRules(c.services), onMetricsIngested(c.services, [{}])]);
    expect(a.fired.length + b.fired.length).toBe(1);
    expect(await counts(c)).toEqual({ tasks: 1, alerts: 1, firings: 1 });
  });

  it('two browsers sharing firings (synced by key) act once; without the shared firing the other would act', async () => {
    await runRules(c.services);
    const copy = async (withFirings: boolean): Promise<Client> => {
      const db = new ZhangguiDb(`zg-runner-b-${Math.random()}`);
      dbs.push(db);
      const tables = ['shops', 'members', 'projects', 'tasks', 'settings', 'targets', 'rules', ...(withFirings ? ['firings'] : [])];
      for (const t of tables) await db.table(t).bulkPut(await c.db.table(t).toArray());
      await putRecords(db, await allRecords(c.db));
      const { services, notify } = servicesFor(db);
      return { ...c, db, services, notify };
    };
    const b = await copy(true);
    const before = await counts(b);
    const run = await runRules(b.services);
    expect(run.fired).toHaveLength(0);
    expect(await counts(b)).toEqual(before);
    expect(b.notify).not.toHaveBeenCalled();
    const lone = await copy(false);
    const loneRun = await runRules(lone.services);
    expect(loneRun.fired).toHaveLength(1);
    // Even then, the task's id comes from the firing key: the team still has one task.
    const original = (await c.services.workspace.state()).tasks[0]!;
    expect(loneRun.fired[0]!.taskId).toBe(original.id);
    expect((await lone.services.workspace.state()).tasks.map((t) => t.id)).toEqual([original.id]);
  });

  it("derives a rule task's id from the shop and the firing key (the same firing in another shop is another task)", async () => {
    const first = await runRules(c.services);
    const other = await client();
    await save(other, exampleRule());
    const second = await runRules(other.services);
    expect(second.fired[0]!.key).toBe(first.fired[0]!.key);
    expect(first.fired[0]!.taskId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-/);
    expect(second.fired[0]!.taskId).not.toBe(first.fired[0]!.taskId);
  });

  it('switches off a rule whose member was removed, with the reason, and refuses an unknown metric', async () => {
    await save(c, { ...exampleRule('r-mei'), actions: { notify: [{ memberId: c.ids['小美']! }], createTask: null, suggestion: false } });
    await c.services.workspace.removeMember(c.ids['阿强']!, c.ids['小美']!);
    const run = await runRules(c.services);
    expect(run.disabled.map((r) => r.id)).toEqual(['r-mei']);
    const row = (await listRules(c.db, c.shopId)).find((r) => r.id === 'r-mei')!;
    expect(row.enabled).toBe(false);
    expect(row.disabledReasons[0]!.zh).toContain('不存在');
    const bad = exampleRule('r-bad');
    await expect(save(c, { ...bad, condition: { ...(bad.condition as object), metric: 'nope' } as RuleInput['condition'] })).rejects.toThrow(/未知指标/);
    expect((await listRules(c.db, c.shopId)).map((r) => r.id)).not.toContain('r-bad');
  });

  it('the daily run fires overdue-task rules once per task and due date, and remembers the day', async () => {
    const s = await c.services.workspace.state();
    await c.services.workspace.createTask(c.ids['阿强']!, { title: '核对库存', projectId: null, assigneeId: c.ids['小美'], dueDate: addDays(TODAY, -2) });
    await save(c, { ...RULE_TEMPLATES.find((t) => t.key === 'taskOverdue')!.build('r-late') });
    expect(s.tasks).toHaveLength(0);
    const first = await runDaily(c.services);
    const late = first.fired.filter((f) => f.ruleId === 'r-late');
    expect(late).toHaveLength(1);
    expect(late[0]!.notify).toContain(c.ids['小美']);
    expect((await runDaily(c.services)).fired).toHaveLength(0);
    expect((await c.db.settings.get('rules.lastDaily'))?.value).toBe(TODAY);
    expect(await runDailyIfMissed(c.services)).toBeNull();
    expect((await listFirings(c.db, c.shopId)).length).toBe(2);
  });

  it('does nothing for an empty capture', async () => {
    expect((await onMetricsIngested(c.services, [])).evaluated).toBe(0);
    expect(await counts(c)).toEqual({ tasks: 0, alerts: 0, firings: 0 });
  });
});
