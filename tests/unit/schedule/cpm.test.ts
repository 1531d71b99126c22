import { describe, expect, it } from 'vitest';
import { DependencyCycleError, computeSchedule, criticalByProject, fromDay, toDay } from '../../../lib/schedule';
import { nov, task } from './helpers';

const d = (n: number): number => toDay(nov(n));

describe('computeSchedule', () => {
  // A(1-3) → B(4-5) → D(6-8); A → C(4-4) → D. Hand-computed: end 8, C has 1 day of slack.
  const diamond = [task('A', 1, 3), task('B', 4, 5, ['A']), task('C', 4, 4, ['A']), task('D', 6, 8, ['B', 'C'])];

  it('computes earliest/latest dates, slack and the critical path of a diamond', () => {
    const s = computeSchedule(diamond);
    const row = (id: string): number[] => {
      const t = s.timings.get(id);
      if (!t) throw new Error(id);
      return [t.duration, t.es - d(0), t.ef - d(0), t.ls - d(0), t.lf - d(0), t.slack];
    };
    expect(row('A')).toEqual([3, 1, 3, 1, 3, 0]);
    expect(row('B')).toEqual([2, 4, 5, 4, 5, 0]);
    expect(row('C')).toEqual([1, 4, 4, 5, 5, 1]);
    expect(row('D')).toEqual([3, 6, 8, 6, 8, 0]);
    expect(s.criticalPath).toEqual(['A', 'B', 'D']);
    expect([...s.critical].sort()).toEqual(['A', 'B', 'D']);
    expect(s.start).toBe(nov(1));
    expect(s.end).toBe(nov(8));
  });

  it('measures slack against a deadline, negative when the deadline is too early', () => {
    const later = computeSchedule(diamond, { deadline: nov(10) });
    expect(['A', 'B', 'C', 'D'].map((id) => later.timings.get(id)?.slack)).toEqual([2, 2, 3, 2]);
    expect(later.criticalPath).toEqual(['A', 'B', 'D']);
    expect(later.end).toBe(nov(10));
    const early = computeSchedule(diamond, { deadline: nov(7) });
    expect(['A', 'B', 'C', 'D'].map((id) => early.timings.get(id)?.slack)).toEqual([-1, -1, 0, -1]);
    expect(early.criticalPath).toEqual(['A', 'B', 'D']);
  });

  it('keeps a planned start later than the predecessors as a start-no-earlier-than', () => {
    const s = computeSchedule([task('A', 1, 2), task('B', 10, 11, ['A'])]);
    expect(s.timings.get('B')?.es).toBe(d(10));
    expect(s.timings.get('A')?.slack).toBe(7);
    expect(s.criticalPath).toEqual(['B']);
  });

  it('pushes a task that is planned to start before its predecessor finishes', () => {
    const s = computeSchedule([task('A', 1, 5), task('B', 3, 4, ['A'])]);
    expect(fromDay(s.timings.get('B')?.es ?? 0)).toBe(nov(6));
    expect(fromDay(s.timings.get('B')?.ef ?? 0)).toBe(nov(7));
    expect(s.end).toBe(nov(7));
  });

  it('lists tasks without dates apart and never schedules them', () => {
    const s = computeSchedule([task('A', 1, 2), task('U', null, null, ['A']), task('B', 3, 3, ['U']), task('Due', null, 4)]);
    expect(s.undated).toEqual(['U']);
    expect(s.timings.has('U')).toBe(false);
    // a task with only a due date is a one-day task on that date
    expect(s.timings.get('Due')).toMatchObject({ duration: 1, es: d(4), ef: d(4) });
    expect(s.timings.get('B')?.es).toBe(d(3));
  });

  it('returns an empty schedule when nothing has dates', () => {
    const s = computeSchedule([task('U', null, null)]);
    expect(s).toMatchObject({ start: null, end: null, undated: ['U'], criticalPath: [] });
  });

  it('throws a named cycle error', () => {
    expect(() => computeSchedule([task('A', 1, 1, ['B']), task('B', 2, 2, ['A'])])).toThrow(DependencyCycleError);
  });
});

describe('criticalByProject', () => {
  it('gives each project its own critical path when tasks of several projects are mixed', () => {
    const tasks = [
      task('A1', 1, 3, [], { projectId: 'p1' }),
      task('A2', 4, 9, ['A1'], { projectId: 'p1' }),
      task('A3', 4, 5, ['A1'], { projectId: 'p1' }),
      task('B1', 1, 2, [], { projectId: 'p2' }),
      task('B2', 3, 4, ['B1'], { projectId: 'p2' }),
    ];
    expect([...criticalByProject(tasks)].sort()).toEqual(['A1', 'A2', 'B1', 'B2']);
    // as one list, the shorter project would get slack and drop off
    expect([...computeSchedule(tasks).critical].sort()).toEqual(['A1', 'A2']);
  });
});
