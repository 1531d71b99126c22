import { describe, expect, it } from 'vitest';
import { MoveRefused, describeMove, heatRows, planMove, previewMove, summarizeSchedule, tasksInScope, workloadByPerson } from '../../../lib/schedule';
import { nov, task } from './helpers';

const chain = [task('A', 3, 5, [], { title: '主图' }), task('B', 6, 7, ['A'], { title: '海报' }), task('C', 10, 12, ['B'], { title: '会场' }), task('P', 1, 2, [], { title: '选品' })];
const shifts = (taskId: string, start: string, due: string): { id: string; startDate: string; dueDate: string }[] =>
  previewMove(chain, taskId, start, due).shifted.map((s) => ({ id: s.id, startDate: s.startDate, dueDate: s.dueDate }));

describe('planMove', () => {
  it('returns the moved task then every shifted dependent, as previewed', () => {
    const { changes } = planMove(chain, { id: 'A', startDate: nov(6), dueDate: nov(8) }, shifts('A', nov(6), nov(8)), false);
    expect(changes).toEqual([
      { id: 'A', startDate: nov(6), dueDate: nov(8) },
      { id: 'B', startDate: nov(9), dueDate: nov(10) },
      { id: 'C', startDate: nov(11), dueDate: nov(13) },
    ]);
  });

  it('refuses when the schedule changed since the person saw the preview', () => {
    const seen = shifts('A', nov(6), nov(8));
    const changed = chain.map((t) => (t.id === 'C' ? { ...t, startDate: nov(12), dueDate: nov(14) } : t));
    expect(() => planMove(changed, { id: 'A', startDate: nov(6), dueDate: nov(8) }, seen, false)).toThrow(MoveRefused);
    // Claiming fewer shifts than the move causes is refused as well.
    expect(() => planMove(chain, { id: 'A', startDate: nov(6), dueDate: nov(8) }, [], false)).toThrowError(/review the move again/);
  });

  it('refuses a move that breaks a dependency unless the person accepted it', () => {
    const withPred = chain.map((t) => (t.id === 'A' ? { ...t, dependsOn: ['P'] } : t));
    const move = { id: 'A', startDate: nov(2), dueDate: nov(4) };
    const err = (() => {
      try {
        planMove(withPred, move, [], false);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(MoveRefused);
    expect((err as MoveRefused).reason).toBe('conflict');
    expect(planMove(withPred, move, [], true).changes).toEqual([move]);
  });

  it('refuses unknown tasks and reversed ranges', () => {
    expect(() => planMove(chain, { id: 'nope', startDate: nov(1), dueDate: nov(2) }, [], false)).toThrowError(/task not found/);
    expect(() => planMove(chain, { id: 'A', startDate: nov(5), dueDate: nov(2) }, [], false)).toThrowError(/due date is before start date/);
  });
});

describe('describeMove', () => {
  it('names the task, the pushed dependents and the days', () => {
    const p = previewMove(chain, 'A', nov(6), nov(8));
    const d = describeMove(p, (id) => chain.find((t) => t.id === id)?.title ?? id, chain[0]);
    expect(d.headline).toBe('移动「主图」到 11-06 至 11-08（推后 3 天），将顺延 2 个后续任务 / Moving "主图" to 11-06 – 11-08 (3 days later), pushing 2 later tasks');
    expect(d.shifted.map((l) => l.text)).toEqual(['「海报」11-06 → 11-09（顺延 3 天）/ "海报" +3 days', '「会场」11-10 → 11-11（顺延 1 天）/ "会场" +1 day']);
    expect(d.needsOverride).toBe(false);
  });

  it('flags a broken dependency as needing an override', () => {
    const withPred = chain.map((t) => (t.id === 'A' ? { ...t, dependsOn: ['P'] } : t));
    const d = describeMove(previewMove(withPred, 'A', nov(2), nov(4)), (id) => withPred.find((t) => t.id === id)?.title ?? id);
    expect(d.headline).toContain('不影响其他任务');
    expect(d.conflicts.map((c) => c.text)).toEqual(['「主图」将在前置任务「选品」截止前开始 / "主图" would start before its predecessor "选品" is due']);
    expect(d.needsOverride).toBe(true);
  });
});

describe('summarizeSchedule', () => {
  it('gives each project its own critical path and slack', () => {
    const tasks = [
      task('a1', 3, 5, [], { projectId: 'p1' }),
      task('a2', 6, 10, ['a1'], { projectId: 'p1' }),
      task('a3', 3, 4, [], { projectId: 'p1' }),
      task('b1', 3, 4, [], { projectId: 'p2' }),
    ];
    const s = summarizeSchedule(tasks);
    expect([...s.critical].sort()).toEqual(['a1', 'a2', 'b1']);
    expect(s.slack.get('a3')).toBe(6);
    expect(s.cycle).toBeNull();
    expect(tasksInScope(tasks, { projectId: 'p2' }).map((t) => t.id)).toEqual(['b1']);
  });

  it('marks loose tasks critical only when a dependency links them', () => {
    const s = summarizeSchedule([task('x', 3, 20), task('y', 3, 4), task('z', 5, 6, ['y'])]);
    expect(s.critical.has('x')).toBe(false);
    expect(s.slack.get('x')).toBe(0);
  });

  it('turns a dependency cycle into a message instead of throwing', () => {
    const s = summarizeSchedule([task('A', 1, 2, ['B'], { title: '主图' }), task('B', 3, 4, ['A'], { title: '海报' })]);
    expect(s.cycle?.message).toContain('依赖关系成环');
    expect(s.cycle?.taskIds.sort()).toEqual(['A', 'B']);
    expect(s.critical.size).toBe(0);
  });
});

describe('heatRows', () => {
  it('counts tasks per member per day, flags over-allocation and puts the busiest first', () => {
    const tasks = [
      task('1', 3, 5, [], { assigneeId: 'm1' }),
      task('2', 4, 4, [], { assigneeId: 'm1' }),
      task('3', 4, 6, [], { assigneeId: 'm1' }),
      task('4', 4, 4, [], { assigneeId: 'm1' }),
      task('5', 3, 3, [], { assigneeId: 'm2' }),
      task('6', 20, 21, [], { assigneeId: 'm3' }),
    ];
    const rows = heatRows(workloadByPerson(tasks), [{ id: 'm1', name: '小美' }, { id: 'm2', name: '阿强' }, { id: 'm3', name: '老张' }], {
      from: nov(3),
      days: 7,
      maxTasksPerDay: 3,
      workingDays: [1, 2, 3, 4, 5],
    });
    expect(rows.map((r) => r.name)).toEqual(['小美', '阿强']); // 老张 has nothing this week
    const m1 = rows[0]!;
    expect(m1.cells.map((c) => c.count)).toEqual([1, 4, 2, 1, 0, 0, 0]);
    expect(m1.cells[1]).toMatchObject({ date: nov(4), over: true, workingDay: true });
    expect(m1.overDays).toBe(1);
    expect(m1.cells[5]?.workingDay).toBe(false); // 2025-11-08 is a Saturday
  });
});
