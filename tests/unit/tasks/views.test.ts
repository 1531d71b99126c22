import { describe, expect, it } from 'vitest';
import { taskSchema, type Task } from '@/lib/domain';
import { blockedTasks, boardByStage, dueState, filterTasks, myOpenTasks, openCountsByItem, tasksForItem, todayFor } from '@/lib/tasks/views';

const T = (id: string, over: Partial<Task>): Task => taskSchema.parse({ id, shopId: 's', projectId: null, title: id, createdAt: 0, updatedAt: 0, ...over });
const today = '2026-11-20';
const tasks = [
  T('late', { assigneeId: 'mei', dueDate: '2026-11-18', itemIds: ['700000000001'] }),
  T('today', { assigneeId: 'mei', dueDate: '2026-11-20', priority: 'P0', status: 'doing' }),
  T('soon', { assigneeId: 'mei', dueDate: '2026-11-22', itemIds: ['700000000001', '700000000002'], stage: '主图优化' }),
  T('undated', { assigneeId: 'mei' }),
  T('done', { assigneeId: 'mei', dueDate: '2026-11-01', status: 'done', itemIds: ['700000000001'] }),
  T('other', { assigneeId: 'op', dueDate: '2026-11-19', status: 'blocked', stage: '定价策略' }),
  T('waiting', { assigneeId: 'op', startDate: '2026-11-19', dueDate: '2026-11-25', dependsOn: ['late'] }),
];

describe('task views', () => {
  it('lists my open tasks due soonest first, overdue first, undated last', () => {
    expect(myOpenTasks(tasks, 'mei').map((t) => t.id)).toEqual(['late', 'today', 'soon', 'undated']);
    expect(myOpenTasks(tasks, null)).toEqual([]);
  });
  it('marks due states', () => {
    expect(tasks.map((t) => dueState(t, today))).toEqual(['overdue', 'today', 'soon', 'none', 'later', 'overdue', 'later']);
  });
  it('counts open tasks per item', () => {
    expect(openCountsByItem(tasks, ['700000000001', '700000000002', '700000000009'])).toEqual({ '700000000001': 2, '700000000002': 1, '700000000009': 0 });
    expect(tasksForItem(tasks, '700000000001').map((t) => t.id)).toEqual(['late', 'soon']);
  });
  it('filters by assignee, status, priority, due and text', () => {
    expect(filterTasks(tasks, { assigneeId: 'op' }, today).map((t) => t.id)).toEqual(['other', 'waiting']);
    expect(filterTasks(tasks, { status: 'open', due: 'overdue' }, today).map((t) => t.id)).toEqual(['late', 'other']);
    expect(filterTasks(tasks, { priority: 'P0' }, today).map((t) => t.id)).toEqual(['today']);
    expect(filterTasks(tasks, { due: 'week' }, today).map((t) => t.id)).toEqual(['today', 'soon', 'waiting']);
    expect(filterTasks(tasks, { text: '700000000002' }, today).map((t) => t.id)).toEqual(['soon']);
    expect(filterTasks(tasks, { assigneeId: 'unassigned' }, today)).toEqual([]);
  });
  it('groups a board by stage in pipeline order', () => {
    const cols = boardByStage(tasks);
    expect(cols.map((c) => c.stage)).toEqual(['选品策划', '主图优化', '定价策略', '活动报名', '投流测试', '数据复盘', null]);
    expect(cols[1]!.tasks.map((t) => t.id)).toEqual(['soon']);
    expect(cols[6]!.tasks).toHaveLength(5);
  });
  it("builds a person's day and the blocked list", () => {
    const day = todayFor(tasks, 'mei', today);
    expect(day.overdue.map((t) => t.id)).toEqual(['late']);
    expect(day.dueToday.map((t) => t.id)).toEqual(['today']);
    expect(day.upcoming.map((t) => t.id)).toEqual(['soon', 'undated']);
    expect(day.doing).toEqual([]);
    const blocked = blockedTasks(tasks, today);
    expect(blocked.map((b) => b.task.id)).toEqual(['other', 'waiting']);
    expect(blocked[1]!.waitingOn.map((t) => t.id)).toEqual(['late']);
  });
});
