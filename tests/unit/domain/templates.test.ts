import { describe, expect, it } from 'vitest';
import { STAGES, STAGE_INFO, templateSchema, type Member } from '@/lib/domain';
import { BUILTIN_TEMPLATES, DOUBLE_11 } from '@/lib/templates/builtin';
import { instantiateTemplate, templateFromProject } from '@/lib/templates/instantiate';

const member = (id: string, role: Member['role']): Member => ({ id, shopId: 's', name: id, role, taobaoAccount: null, createdAt: 0, updatedAt: 0, deletedAt: null });
const team = [member('boss', 'owner'), member('dir', 'ops_director'), member('op', 'operator'), member('mei', 'designer'), member('wh', 'warehouse'), member('csl', 'cs_lead')];
let n = 0;
const seqId = (): string => `id${++n}`;

describe('built-in templates', () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.name, t]))('%s is valid, covers every stage in order, and its dependencies point backwards', (_name, t) => {
    expect(templateSchema.parse(t)).toBeTruthy();
    const stages = t.tasks.map((x) => STAGES.indexOf(x.stage));
    expect(new Set(t.tasks.map((x) => x.stage)).size).toBe(STAGES.length);
    expect([...stages].sort((a, b) => a - b)).toEqual(stages);
    const keys = t.tasks.map((x) => x.key);
    t.tasks.forEach((x, i) => x.dependsOn.forEach((d) => expect(keys.indexOf(d)).toBeLessThan(i)));
    // finish-to-start holds in the template's own dates
    for (const x of t.tasks) for (const d of x.dependsOn) expect(t.tasks.find((y) => y.key === d)!.dueOffset).toBeLessThan(x.startOffset + 1);
  });
  it('uses the default role of each stage for image and pricing work', () => {
    expect(DOUBLE_11.tasks.find((t) => t.stage === '主图优化')!.role).toBe(STAGE_INFO['主图优化'].defaultRole);
    expect(DOUBLE_11.tasks.find((t) => t.stage === '定价策略')!.role).toBe('operator');
  });
});

describe('instantiateTemplate', () => {
  const { project, tasks } = instantiateTemplate({ template: DOUBLE_11, shopId: 's', name: '2026 双11', keyDate: '2026-11-11', members: team, now: 5, newIdFn: seqId });
  it('schedules due dates relative to the key date', () => {
    expect(project.startDate).toBe('2026-09-27');
    expect(project.endDate).toBe('2026-11-18');
    expect(project.milestones).toContainEqual({ name: '报名截止', date: '2026-10-17' });
    const signup = tasks.find((t) => t.stage === '活动报名' && t.priority === 'P0')!;
    expect(signup.dueDate).toBe('2026-10-17');
    expect(tasks.find((t) => t.stage === '数据复盘')!.dueDate).toBe('2026-11-18');
  });
  it('assigns by role and rewires dependencies to the new ids', () => {
    expect(tasks.find((t) => t.stage === '主图优化')!.assigneeId).toBe('mei');
    expect(tasks.find((t) => t.stage === '定价策略')!.assigneeId).toBe('op');
    const ids = new Set(tasks.map((t) => t.id));
    for (const t of tasks) for (const d of t.dependsOn) expect(ids.has(d)).toBe(true);
    expect(tasks.find((t) => t.title.includes('报名'))!.dependsOn).toHaveLength(2);
  });
  it('leaves a task unassigned when nobody has the role', () => {
    const r = instantiateTemplate({ template: DOUBLE_11, shopId: 's', name: 'x', keyDate: '2026-11-11', members: [member('boss', 'owner')], now: 5 });
    expect(r.tasks.every((t) => t.assigneeId === null)).toBe(true);
  });
  it('round-trips through templateFromProject', () => {
    const t = templateFromProject({ project, tasks, members: team, name: '我们的双11', now: 9, newIdFn: seqId });
    expect(templateSchema.parse(t).tasks).toHaveLength(DOUBLE_11.tasks.length);
    expect(t.tasks.map((x) => [x.stage, x.role, x.startOffset, x.dueOffset, x.dependsOn.length])).toEqual(
      DOUBLE_11.tasks.map((x) => [x.stage, x.role, x.startOffset, x.dueOffset, x.dependsOn.length]),
    );
    expect(t.milestones).toEqual(DOUBLE_11.milestones);
    const again = instantiateTemplate({ template: t, shopId: 's', name: 'again', keyDate: '2027-11-11', members: team, now: 9 });
    expect(again.tasks.map((x) => x.dueDate)).toEqual(tasks.map((x) => x.dueDate!.replace('2026', '2027')));
  });
});
