import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZhangguiDb } from '@/lib/db/schema';
import { addDays } from '@/lib/domain';
import { loadSampleWorkspace } from '@/lib/demo/sample';
import { handleMessage } from '@/lib/messaging/handler';
import { analyzeWorkload, heatRows, previewMove, summarizeSchedule } from '@/lib/schedule';
import { WorkspaceService } from '@/lib/workspace/service';
import { openCountsByItem } from '@/lib/tasks/views';

const TODAY = '2026-11-23'; // a Monday
let db: ZhangguiDb;
let workspace: WorkspaceService;
const onChange = vi.fn();
const ctx = (): Parameters<typeof handleMessage>[1] => ({ db, workspace, onChange, today: () => TODAY, now: () => Date.now() });

beforeEach(async () => {
  db = new ZhangguiDb(`zg-sched-${Math.random()}`);
  workspace = new WorkspaceService(db);
  await loadSampleWorkspace(workspace, TODAY);
  onChange.mockClear();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const byTitle = async (title: string) => (await workspace.state()).tasks.find((t) => t.title === title)!;

describe('the sample for the Gantt', () => {
  it('keeps the item-linked counts and makes 小美 over-allocated on one day with critical work', async () => {
    const s = await workspace.state();
    expect(openCountsByItem(s.tasks, ['700000000001', '700000000002', '700000000003'])).toEqual({ '700000000001': 2, '700000000002': 1, '700000000003': 1 });
    const summary = summarizeSchedule(s.tasks);
    expect(summary.cycle).toBeNull();
    const a = analyzeWorkload(s.tasks, { today: TODAY, members: s.members, critical: summary.critical });
    const xm = s.members.find((m) => m.name === '小美')!.id;
    expect(a.overAllocated.some((d) => d.assigneeId === xm)).toBe(true);
    // 2026-11-26 is the Thursday: four design tasks due, three feeding the critical venue pages.
    expect(a.advice[0]?.zh).toMatch(/^小美 周四有 4 个任务到期，其中 3 个在关键路径上；可把非关键任务交给 \S+ 或延后$/);
    expect(a.advice.some((x) => x.kind === 'overload' && x.assigneeId === xm)).toBe(true);
    expect(a.blocked.map((b) => b.taskId)).toEqual([(await byTitle('北欧餐桌报名大促会场')).id]);
    const rows = heatRows(a.workload, s.members, { from: TODAY, days: 14, maxTasksPerDay: 3, workingDays: [1, 2, 3, 4, 5] });
    expect(rows[0]?.name).toBe('小美');
  });
});

describe('schedule.applyMove', () => {
  it('moves the task and its dependents in one write, with activity rows', async () => {
    const hero = await byTitle('预热主图');
    const start = addDays(hero.startDate!, 1);
    const due = addDays(hero.dueDate!, 1);
    const preview = previewMove((await workspace.state()).tasks, hero.id, start, due);
    expect(preview.shifted.map((s) => s.id)).toEqual([(await byTitle('预热会场页面搭建')).id, (await byTitle('正式与返场页面更新')).id]);
    const activityBefore = await db.activity.count();
    const r = await handleMessage(
      { type: 'schedule.applyMove', taskId: hero.id, startDate: start, dueDate: due, expectedShifts: preview.shifted.map(({ id, startDate, dueDate }) => ({ id, startDate, dueDate })) },
      ctx(),
    );
    expect(r.ok).toBe(true);
    expect(onChange).toHaveBeenCalledOnce();
    expect(await byTitle('预热主图')).toMatchObject({ startDate: start, dueDate: due });
    for (const s of preview.shifted) expect(await db.tasks.get(s.id)).toMatchObject({ startDate: s.startDate, dueDate: s.dueDate });
    const rows = await db.activity.where('at').above(0).toArray();
    expect(rows.length).toBeGreaterThan(activityBefore);
    const touched = new Set(rows.slice(activityBefore).map((a) => a.entityId));
    expect(touched).toEqual(new Set([hero.id, ...preview.shifted.map((s) => s.id)]));
  });

  it('saves nothing when one of the updates fails (one transaction)', async () => {
    const hero = await byTitle('预热主图');
    const start = addDays(hero.startDate!, 2);
    const due = addDays(hero.dueDate!, 2);
    const preview = previewMove((await workspace.state()).tasks, hero.id, start, due);
    const before = await db.tasks.toArray();
    const activityBefore = await db.activity.count();
    const real = workspace.updateTask.bind(workspace);
    let calls = 0;
    vi.spyOn(workspace, 'updateTask').mockImplementation(async (...args) => {
      if (++calls === 2) throw new Error('disk full');
      return real(...args);
    });
    const r = await handleMessage(
      { type: 'schedule.applyMove', taskId: hero.id, startDate: start, dueDate: due, expectedShifts: preview.shifted.map(({ id, startDate, dueDate }) => ({ id, startDate, dueDate })) },
      ctx(),
    );
    expect(r.ok).toBe(false);
    expect(await db.tasks.toArray()).toEqual(before);
    expect(await db.activity.count()).toBe(activityBefore);
  });

  it('refuses a stale preview and an unconfirmed broken dependency, saving nothing', async () => {
    const hero = await byTitle('预热主图');
    const before = await db.tasks.toArray();
    const stale = await handleMessage({ type: 'schedule.applyMove', taskId: hero.id, startDate: addDays(hero.startDate!, 1), dueDate: addDays(hero.dueDate!, 1), expectedShifts: [] }, ctx());
    expect(stale).toMatchObject({ ok: false, error: expect.stringContaining('请重新确认') });
    const venue = await byTitle('预热会场页面搭建');
    const early = { type: 'schedule.applyMove' as const, taskId: venue.id, startDate: hero.dueDate!, dueDate: venue.dueDate!, expectedShifts: [] };
    const refused = await handleMessage(early, ctx());
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('需要确认') });
    expect(await db.tasks.toArray()).toEqual(before);
    expect(onChange).not.toHaveBeenCalled();
    const accepted = await handleMessage({ ...early, acceptConflicts: true }, ctx());
    expect(accepted.ok).toBe(true);
    expect(await db.tasks.get(venue.id)).toMatchObject({ startDate: hero.dueDate });
  });

  it('rejects malformed moves at the receiver', async () => {
    const r = await handleMessage({ type: 'schedule.applyMove', taskId: 'x', startDate: '2026-13-40', dueDate: '2026-11-01', expectedShifts: [] }, ctx());
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('无效消息') });
  });
});
