import { describe, expect, it } from 'vitest';
import { DependencyCycleError, cycleIfAdded, findCycle, newDependencyError, topologicalOrder, wouldCreateCycle } from '../../../lib/schedule';
import { task } from './helpers';

describe('topologicalOrder', () => {
  it('puts every predecessor before its successors and keeps input order for ties', () => {
    const tasks = [task('D', 1, 1, ['B', 'C']), task('B', 1, 1, ['A']), task('A', 1, 1), task('C', 1, 1, ['A']), task('E', 1, 1)];
    const order = topologicalOrder(tasks);
    expect(order).toEqual(['A', 'E', 'B', 'C', 'D']);
  });

  it('ignores dependencies on tasks that are not in the list', () => {
    expect(topologicalOrder([task('B', 1, 1, ['gone']), task('A', 1, 1)])).toEqual(['B', 'A']);
  });

  it('throws an error naming the tasks of the cycle in zh and en', () => {
    const tasks = [
      task('A', 1, 1, ['C'], { title: '选品' }),
      task('B', 1, 1, ['A'], { title: '拍图' }),
      task('C', 1, 1, ['B'], { title: '定价' }),
      task('D', 1, 1, ['C'], { title: '报名' }),
      task('E', 1, 1, [], { title: '复盘' }),
    ];
    let error: unknown;
    try {
      topologicalOrder(tasks);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DependencyCycleError);
    const cycle = (error as DependencyCycleError).cycle;
    expect([...cycle].sort()).toEqual(['A', 'B', 'C']);
    // dependency order: each task is a predecessor of the next, rotating back to the first
    const idx = cycle.indexOf('A');
    expect([cycle[idx], cycle[(idx + 1) % 3], cycle[(idx + 2) % 3]]).toEqual(['A', 'B', 'C']);
    const msg = (error as Error).message;
    expect(msg).toContain('依赖关系成环');
    expect(msg).toContain('Dependency cycle');
    for (const title of ['选品', '拍图', '定价']) expect(msg).toContain(title);
    expect(msg).not.toContain('报名');
    expect(msg).not.toContain('复盘');
  });

  it('reports a self-dependency as a cycle of one', () => {
    expect(findCycle([task('A', 1, 1, ['A'])])).toEqual(['A']);
    expect(findCycle([task('A', 1, 1), task('B', 1, 1, ['A'])])).toBeNull();
  });
});

describe('wouldCreateCycle', () => {
  const chain = [task('A', 1, 1), task('B', 1, 1, ['A']), task('C', 1, 1, ['B'])];

  it('refuses a dependency that closes a loop and names it from the new predecessor', () => {
    expect(wouldCreateCycle(chain, 'C', 'A')).toBe(true);
    expect(cycleIfAdded(chain, 'C', 'A')).toEqual(['C', 'A', 'B']);
    expect(newDependencyError(chain, 'C', 'A')).toContain('「任务C」 → 「任务A」 → 「任务B」 → 「任务C」');
  });

  it('allows redundant and unrelated dependencies', () => {
    expect(wouldCreateCycle(chain, 'A', 'C')).toBe(false);
    expect(wouldCreateCycle([...chain, task('X', 1, 1)], 'X', 'A')).toBe(false);
    expect(newDependencyError(chain, 'A', 'C')).toBeNull();
  });

  it('refuses a task depending on itself and ignores unknown ids', () => {
    expect(wouldCreateCycle(chain, 'B', 'B')).toBe(true);
    expect(wouldCreateCycle(chain, 'nope', 'A')).toBe(false);
  });
});
