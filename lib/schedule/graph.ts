import type { ScheduleTask } from './types';

/**
 * Dependency graph over task indexes. Edges go predecessor → successor (finish-to-start:
 * `succ.dependsOn` lists `pred`). Ids in `dependsOn` that are not in the list (deleted tasks,
 * tasks of a project not loaded) are ignored, duplicates are counted once.
 */
export interface TaskGraph {
  ids: string[];
  index: Map<string, number>;
  preds: number[][];
  succs: number[][];
}

export function buildGraph(tasks: readonly Pick<ScheduleTask, 'id' | 'dependsOn'>[]): TaskGraph {
  const ids = tasks.map((t) => t.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const preds: number[][] = tasks.map(() => []);
  const succs: number[][] = tasks.map(() => []);
  tasks.forEach((t, i) => {
    for (const depId of t.dependsOn) {
      const p = index.get(depId);
      if (p === undefined) continue;
      const list = preds[i] as number[];
      if (list.includes(p)) continue;
      list.push(p);
      (succs[p] as number[]).push(i);
    }
  });
  return { ids, index, preds, succs };
}

/** Kahn's algorithm; stable (ties keep input order). Returns the order and the nodes left in or behind cycles. */
export function topoIndexes(g: TaskGraph): { order: number[]; rest: number[] } {
  const n = g.ids.length;
  const indeg = new Int32Array(n);
  for (let i = 0; i < n; i++) indeg[i] = (g.preds[i] as number[]).length;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) order.push(i);
  for (let head = 0; head < order.length; head++) {
    for (const s of g.succs[order[head] as number] as number[]) {
      indeg[s] = (indeg[s] as number) - 1;
      if (indeg[s] === 0) order.push(s);
    }
  }
  const rest: number[] = [];
  if (order.length < n) for (let i = 0; i < n; i++) if ((indeg[i] as number) > 0) rest.push(i);
  return { order, rest };
}

/**
 * One cycle among the nodes Kahn could not order, in dependency order (each task is a
 * predecessor of the next, the last one of the first). Every such node has a predecessor that
 * is also left over, so walking predecessors must revisit a node: that loop is the cycle.
 */
function cycleAmong(g: TaskGraph, rest: number[]): number[] {
  const left = new Set(rest);
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  let cur = rest[0] as number;
  while (!seenAt.has(cur)) {
    seenAt.set(cur, walk.length);
    walk.push(cur);
    cur = (g.preds[cur] as number[]).find((p) => left.has(p)) as number;
  }
  return walk.slice(seenAt.get(cur)).reverse();
}

/** Ids of one dependency cycle, or null when the graph is acyclic. */
export function findCycle(tasks: readonly Pick<ScheduleTask, 'id' | 'dependsOn'>[]): string[] | null {
  const g = buildGraph(tasks);
  const { rest } = topoIndexes(g);
  return rest.length ? cycleAmong(g, rest).map((i) => g.ids[i] as string) : null;
}

/** Bilingual message naming the tasks of a cycle, e.g. `依赖关系成环：「A」→「B」→「A」 / Dependency cycle: "A" → "B" → "A"`. */
export function cycleMessage(titles: readonly string[]): string {
  const closed = [...titles, titles[0] ?? ''];
  const zh = closed.map((t) => `「${t}」`).join(' → ');
  const en = closed.map((t) => `"${t}"`).join(' → ');
  return `依赖关系成环：${zh}，请去掉其中一个依赖 / Dependency cycle: ${en}; remove one of these dependencies`;
}

export class DependencyCycleError extends Error {
  override readonly name = 'DependencyCycleError';
  /** Task ids in dependency order; the last depends-on-chain leads back to the first. */
  readonly cycle: string[];
  readonly titles: string[];
  constructor(cycle: string[], titles: string[]) {
    super(cycleMessage(titles));
    this.cycle = cycle;
    this.titles = titles;
  }
}

function titlesOf(tasks: readonly Pick<ScheduleTask, 'id' | 'title'>[], ids: readonly string[]): string[] {
  const byId = new Map(tasks.map((t) => [t.id, t.title]));
  return ids.map((id) => byId.get(id) ?? id);
}

/** Task ids with every predecessor before its successors; throws `DependencyCycleError` naming the cycle. */
export function topologicalOrder(tasks: readonly Pick<ScheduleTask, 'id' | 'title' | 'dependsOn'>[]): string[] {
  const g = buildGraph(tasks);
  const { order, rest } = topoIndexes(g);
  if (rest.length) {
    const cycle = cycleAmong(g, rest).map((i) => g.ids[i] as string);
    throw new DependencyCycleError(cycle, titlesOf(tasks, cycle));
  }
  return order.map((i) => g.ids[i] as string);
}

/**
 * The cycle that making `to` depend on `from` (`from` finishes before `to` starts) would
 * close, in dependency order starting at `from`; null when the new dependency is safe.
 */
export function cycleIfAdded(tasks: readonly Pick<ScheduleTask, 'id' | 'dependsOn'>[], from: string, to: string): string[] | null {
  if (from === to) return [from];
  const g = buildGraph(tasks);
  const start = g.index.get(to);
  const target = g.index.get(from);
  if (start === undefined || target === undefined) return null;
  // Breadth-first along successor edges from `to`; reaching `from` means from already depends on to.
  const parent = new Map<number, number>([[start, -1]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const cur = queue[head] as number;
    if (cur === target) {
      const path: number[] = [];
      for (let n = cur; n !== -1; n = parent.get(n) as number) path.push(n);
      // path is from ← … ← to; in dependency order that is to → … → from, and the new edge from → to closes it.
      const chain = path.reverse().map((i) => g.ids[i] as string);
      return [chain[chain.length - 1] as string, ...chain.slice(0, -1)];
    }
    for (const s of g.succs[cur] as number[]) {
      if (!parent.has(s)) {
        parent.set(s, cur);
        queue.push(s);
      }
    }
  }
  return null;
}

/** True when adding "`to` depends on `from`" would create a dependency cycle; use it to refuse the edit. */
export function wouldCreateCycle(tasks: readonly Pick<ScheduleTask, 'id' | 'dependsOn'>[], from: string, to: string): boolean {
  return cycleIfAdded(tasks, from, to) !== null;
}

/** Bilingual refusal for a new dependency, or null when it is allowed. */
export function newDependencyError(tasks: readonly Pick<ScheduleTask, 'id' | 'title' | 'dependsOn'>[], from: string, to: string): string | null {
  const cycle = cycleIfAdded(tasks, from, to);
  return cycle ? cycleMessage(titlesOf(tasks, cycle)) : null;
}
