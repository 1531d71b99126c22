import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZhangguiDb } from '@/lib/db/schema';
import { WorkspaceService } from '@/lib/workspace/service';
import { UserError } from '@/lib/workspace/errors';

let db: ZhangguiDb;
let ws: WorkspaceService;
let clock = 1000;

beforeEach(async () => {
  db = new ZhangguiDb(`zg-ws-${Math.random()}`);
  ws = new WorkspaceService(db, () => ++clock);
  await ws.setup({
    shopName: '木语家居旗舰店',
    members: [
      { name: '王店长', role: 'owner' },
      { name: '小美', role: 'designer' },
      { name: '阿强', role: 'operator' },
    ],
    meIndex: 0,
  });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const ids = async (): Promise<Record<string, string>> => Object.fromEntries((await ws.state()).members.map((m) => [m.name, m.id]));

describe('WorkspaceService', () => {
  it('sets up a shop with members and me, and records it in the activity log', async () => {
    const s = await ws.state();
    expect(s.shop?.name).toBe('木语家居旗舰店');
    expect(s.onboarded).toBe(true);
    expect(s.members.find((m) => m.id === s.meId)?.name).toBe('王店长');
    expect((await ws.activity({})).filter((a) => a.entity === 'member')).toHaveLength(3);
  });

  it('creates a project from a template with tasks assigned by role', async () => {
    const { project, tasks } = await ws.createProjectFromTemplate(null, { templateId: 'builtin-double11', keyDate: '2026-11-11' });
    expect(project.name).toBe('2026 双11大促');
    const m = await ids();
    expect(tasks.find((t) => t.stage === '主图优化')!.assigneeId).toBe(m['小美']);
    expect((await ws.state()).tasks).toHaveLength(tasks.length);
  });

  it('logs every field change as old → new with who and when', async () => {
    const m = await ids();
    const t = await ws.createTask(m['王店长']!, { title: '换主图', projectId: null });
    await ws.updateTask(m['王店长']!, t.id, { assigneeId: m['小美']!, priority: 'P0' });
    const log = await ws.activity({ entityId: t.id });
    expect(log.map((a) => [a.action, a.field, a.oldValue, a.newValue]).sort()).toEqual(
      [
        ['create', null, null, '换主图'],
        ['update', 'assigneeId', null, m['小美']],
        ['update', 'priority', 'P2', 'P0'],
      ].sort(),
    );
    expect(log.every((a) => a.actorId === m['王店长'])).toBe(true);
  });

  it.each([
    [{ title: '' }, '任务标题不能为空'],
    [{ title: 'x', startDate: '2026-11-10', dueDate: '2026-11-01' }, '截止日期不能早于开始日期'],
    [{ title: 'x', assigneeId: 'ghost' }, '负责人不是店铺成员'],
    [{ title: 'x', dependsOn: ['nope'] }, '依赖的任务不存在'],
  ])('refuses %j with a clear message and saves nothing', async (draft, message) => {
    const before = await db.tasks.count();
    const logBefore = await db.activity.count();
    await expect(ws.createTask(null, { projectId: null, ...draft })).rejects.toThrow(message);
    expect(await db.tasks.count()).toBe(before);
    expect(await db.activity.count()).toBe(logBefore);
  });

  it('refuses a dependency cycle, naming the tasks', async () => {
    const a = await ws.createTask(null, { title: '选品', projectId: null });
    const b = await ws.createTask(null, { title: '主图', projectId: null, dependsOn: [a.id] });
    const c = await ws.createTask(null, { title: '报名', projectId: null, dependsOn: [b.id] });
    const err = await ws.updateTask(null, a.id, { dependsOn: [c.id] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain('依赖关系成环');
    expect((err as Error).message).toContain('「选品」');
    expect((err as Error).message).toContain('「报名」');
    expect((await db.tasks.get(a.id))!.dependsOn).toEqual([]);
  });

  it('soft-deletes a task and unlinks its dependents', async () => {
    const a = await ws.createTask(null, { title: 'a', projectId: null });
    const b = await ws.createTask(null, { title: 'b', projectId: null, dependsOn: [a.id] });
    await ws.deleteTask(null, a.id);
    expect((await db.tasks.get(a.id))!.deletedAt).not.toBeNull();
    expect((await db.tasks.get(b.id))!.dependsOn).toEqual([]);
    expect((await ws.state()).tasks.map((t) => t.id)).toEqual([b.id]);
  });

  it('removing a member unassigns their open tasks and keeps history', async () => {
    const m = await ids();
    const t = await ws.createTask(null, { title: 'x', projectId: null, assigneeId: m['小美'] });
    await ws.removeMember(null, m['小美']!);
    expect((await db.tasks.get(t.id))!.assigneeId).toBeNull();
    expect((await ws.state()).members.map((x) => x.name)).not.toContain('小美');
    expect(await db.members.get(m['小美']!)).toBeTruthy();
  });

  it('saves a project as a template and reuses it', async () => {
    const { project } = await ws.createProjectFromTemplate(null, { templateId: 'builtin-new-launch', keyDate: '2026-12-05', name: '冬季新品' });
    const tpl = await ws.saveProjectAsTemplate(null, project.id, '我们的新品首发', '主图要先测两版');
    expect(tpl.builtIn).toBe(false);
    const again = await ws.createProjectFromTemplate(null, { templateId: tpl.id, keyDate: '2027-03-01' });
    expect(again.tasks).toHaveLength(6);
    expect((await ws.state()).templates.map((t) => t.name)).toContain('我们的新品首发');
  });
});
