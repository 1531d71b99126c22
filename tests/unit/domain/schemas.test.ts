import { describe, expect, it } from 'vitest';
import { isoDate, memberSchema, projectSchema, taskSchema } from '@/lib/domain';

const baseTask = { id: 't1', shopId: 's1', projectId: null, title: '主图优化', createdAt: 1, updatedAt: 1 };

describe('task schema', () => {
  it('fills defaults for a minimal task', () => {
    const t = taskSchema.parse(baseTask);
    expect(t).toMatchObject({ priority: 'P2', status: 'todo', dependsOn: [], itemIds: [], stage: null, progress: 0, deletedAt: null });
  });
  it.each([
    [{ title: '   ' }, '任务标题不能为空'],
    [{ title: 'x'.repeat(201) }, '标题最多200字'],
    [{ startDate: '2026-11-10', dueDate: '2026-11-09' }, '截止日期不能早于开始日期'],
    [{ dependsOn: ['t1'] }, '任务不能依赖自己'],
    [{ priority: 'P4' }, ''],
    [{ status: 'finished' }, ''],
    [{ itemIds: ['abc'] }, '商品ID应为数字'],
    [{ dueDate: '2026-02-30' }, '无效日期'],
    [{ stage: '随便' }, ''],
  ])('refuses %j', (patch, message) => {
    const r = taskSchema.safeParse({ ...baseTask, ...patch });
    expect(r.success).toBe(false);
    if (!r.success && message) expect(r.error.issues.map((i) => i.message).join(' ')).toContain(message);
  });
  it('keeps markup in titles as plain data (rendering escapes it)', () => {
    expect(taskSchema.parse({ ...baseTask, title: '<img src=x onerror=alert(1)>' }).title).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('other schemas', () => {
  it('validates ISO dates strictly', () => {
    expect(isoDate.safeParse('2026-11-11').success).toBe(true);
    expect(isoDate.safeParse('2026-1-1').success).toBe(false);
    expect(isoDate.safeParse('2026-13-01').success).toBe(false);
  });
  it('refuses unknown roles and empty names', () => {
    const m = { id: 'm', shopId: 's', name: '小美', role: 'designer', createdAt: 1, updatedAt: 1 };
    expect(memberSchema.safeParse(m).success).toBe(true);
    expect(memberSchema.safeParse({ ...m, role: 'boss' }).success).toBe(false);
    expect(memberSchema.safeParse({ ...m, name: '' }).success).toBe(false);
  });
  it('refuses a project that ends before it starts', () => {
    const p = { id: 'p', shopId: 's', name: '双11', kind: '大促', startDate: '2026-11-20', endDate: '2026-11-01', keyDate: '2026-11-11', status: 'planning', createdAt: 1, updatedAt: 1 };
    expect(projectSchema.safeParse(p).success).toBe(false);
    expect(projectSchema.safeParse({ ...p, endDate: '2026-11-20' }).success).toBe(true);
  });
});
