import { describe, expect, it } from 'vitest';
import { DependencyCycleError, createMovePlanner, previewMove } from '../../../lib/schedule';
import { nov, task } from './helpers';

describe('previewMove', () => {
  const chain = [task('A', 1, 3), task('B', 4, 5, ['A']), task('C', 6, 8, ['B'])];

  it('pushes a chain forward by the least amount, keeping durations', () => {
    const p = previewMove(chain, 'A', nov(2), nov(4));
    expect(p.shifted).toEqual([
      { id: 'B', fromStart: nov(4), fromDue: nov(5), startDate: nov(5), dueDate: nov(6), byDays: 1 },
      { id: 'C', fromStart: nov(6), fromDue: nov(8), startDate: nov(7), dueDate: nov(9), byDays: 1 },
    ]);
    expect(p.conflicts).toEqual([{ predecessorId: 'A', successorId: 'B', resolvedByShift: true }]);
  });

  it('stops where the slack absorbs the move', () => {
    const slack = [task('A', 1, 3), task('B', 4, 5, ['A']), task('C', 10, 12, ['B'])];
    const p = previewMove(slack, 'A', nov(3), nov(5));
    expect(p.shifted.map((s) => [s.id, s.byDays])).toEqual([['B', 2]]);
  });

  it('never pulls dependents earlier', () => {
    const p = previewMove(chain, 'A', nov(1), nov(1));
    expect(p.shifted).toEqual([]);
    expect(p.conflicts).toEqual([]);
  });

  it('shifts a diamond by the longest incoming path', () => {
    const diamond = [task('A', 1, 2), task('B', 3, 4, ['A']), task('C', 3, 6, ['A']), task('D', 7, 8, ['B', 'C'])];
    const p = previewMove(diamond, 'A', nov(3), nov(4));
    expect(p.shifted.map((s) => [s.id, s.startDate, s.dueDate])).toEqual([
      ['B', nov(5), nov(6)],
      ['C', nov(5), nov(8)],
      ['D', nov(9), nov(10)],
    ]);
    const onlyB = previewMove(diamond, 'B', nov(6), nov(7));
    expect(onlyB.shifted.map((s) => [s.id, s.byDays])).toEqual([['D', 1]]);
    expect(onlyB.conflicts).toEqual([{ predecessorId: 'B', successorId: 'D', resolvedByShift: true }]);
  });

  it('reports a move before a predecessor is due as a conflict shifting cannot fix', () => {
    const p = previewMove(chain, 'B', nov(3), nov(4));
    expect(p.conflicts).toEqual([{ predecessorId: 'A', successorId: 'B', resolvedByShift: false }]);
    expect(p.shifted).toEqual([]);
  });

  it('leaves violations that the move did not cause alone', () => {
    const broken = [task('A', 1, 5), task('B', 3, 4, ['A']), task('X', 1, 1), task('C', 6, 6, ['B', 'X'])];
    const p = previewMove(broken, 'X', nov(2), nov(2));
    expect(p.shifted).toEqual([]);
    expect(p.conflicts).toEqual([]);
  });

  it('lists undated dependents instead of inventing dates for them', () => {
    const tasks = [task('A', 1, 2), task('U', null, null, ['A']), task('B', 3, 3, ['A'])];
    const p = previewMove(tasks, 'A', nov(3), nov(4));
    expect(p.undatedDependents).toEqual(['U']);
    expect(p.shifted.map((s) => s.id)).toEqual(['B']);
  });

  it('refuses bad input and cyclic graphs', () => {
    expect(() => previewMove(chain, 'A', nov(5), nov(4))).toThrow(RangeError);
    expect(() => previewMove(chain, 'Z', nov(1), nov(1))).toThrow(RangeError);
    expect(() => createMovePlanner([task('A', 1, 1, ['B']), task('B', 1, 1, ['A'])])).toThrow(DependencyCycleError);
  });

  it('reuses one planner for many previews', () => {
    const plan = createMovePlanner(chain);
    expect(plan('A', nov(2), nov(4)).shifted).toHaveLength(2);
    expect(plan('A', nov(3), nov(5)).shifted.map((s) => s.byDays)).toEqual([2, 2]);
  });
});
