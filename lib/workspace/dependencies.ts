import { UserError } from './errors';

/**
 * Finds a finish-to-start cycle through `taskId` if its predecessors were
 * `dependsOn`, returning the task ids on the cycle (for a message naming them).
 */
export function cycleThrough(
  taskId: string,
  dependsOn: readonly string[],
  predecessorsOf: (id: string) => readonly string[],
): string[] | null {
  const path: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string): boolean => {
    if (id === taskId) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    path.push(id);
    for (const p of predecessorsOf(id)) if (visit(p)) return true;
    path.pop();
    return false;
  };
  for (const d of dependsOn) {
    if (visit(d)) return [taskId, ...path];
  }
  return null;
}

export function assertNoCycle(
  taskId: string,
  dependsOn: readonly string[],
  tasks: ReadonlyMap<string, { title: string; dependsOn: readonly string[] }>,
): void {
  const cycle = cycleThrough(taskId, dependsOn, (id) => tasks.get(id)?.dependsOn ?? []);
  if (cycle) {
    const names = cycle.map((id) => `「${tasks.get(id)?.title ?? id}」`).join(' → ');
    throw new UserError(`依赖形成循环：${names} / dependency cycle: ${names}`, 'dependsOn');
  }
}
