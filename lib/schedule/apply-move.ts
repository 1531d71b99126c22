import { previewMove, type DependencyConflict, type MovePreview } from './preview-move';
import type { ScheduleTask } from './types';

/** New dates for one task, as the person confirmed them in the move dialog. */
export interface DatedChange {
  id: string;
  startDate: string;
  dueDate: string;
}

/** What `planMove` refuses with: a bilingual message and why (so the UI can offer to review again). */
export class MoveRefused extends Error {
  override readonly name = 'MoveRefused';
  constructor(
    message: string,
    readonly reason: 'unknown-task' | 'stale' | 'conflict' | 'range',
  ) {
    super(message);
  }
}

/** Conflicts that shifting dependents does not repair: only the person can accept them. */
export function unresolvedConflicts(preview: Pick<MovePreview, 'conflicts'>): DependencyConflict[] {
  return preview.conflicts.filter((c) => !c.resolvedByShift);
}

const key = (c: DatedChange): string => `${c.id}|${c.startDate}|${c.dueDate}`;

/**
 * The date changes to save for a confirmed move, recomputed from the tasks as they are now.
 *
 * The person confirmed a dialog built from the tasks they had loaded; if someone changed the
 * schedule since, the recomputed shifts differ from `expectedShifts` and the move is refused
 * ('stale') rather than applying shifts nobody saw. A move that leaves a dependency broken
 * (the task now starts before a predecessor is due) is refused unless `acceptConflicts`.
 * Returns the moved task first, then its shifted dependents in dependency order.
 */
export function planMove(
  tasks: readonly ScheduleTask[],
  move: DatedChange,
  expectedShifts: readonly DatedChange[],
  acceptConflicts: boolean,
): { changes: DatedChange[]; preview: MovePreview } {
  if (!tasks.some((t) => t.id === move.id)) throw new MoveRefused('任务不存在或已删除 / task not found', 'unknown-task');
  let preview: MovePreview;
  try {
    preview = previewMove(tasks, move.id, move.startDate, move.dueDate);
  } catch (e) {
    if (e instanceof RangeError) throw new MoveRefused(e.message, 'range');
    throw e;
  }
  const shifts: DatedChange[] = preview.shifted.map((s) => ({ id: s.id, startDate: s.startDate, dueDate: s.dueDate }));
  const expected = new Set(expectedShifts.map(key));
  if (shifts.length !== expected.size || !shifts.every((s) => expected.has(key(s)))) {
    throw new MoveRefused('排期已被他人修改，请重新确认这次移动 / the schedule changed since you looked; review the move again', 'stale');
  }
  if (!acceptConflicts && unresolvedConflicts(preview).length > 0) {
    throw new MoveRefused('这次移动会让任务早于前置任务完成前开始，需要确认 / this move starts a task before its predecessor is due; confirm it first', 'conflict');
  }
  return { changes: [{ id: move.id, startDate: move.startDate, dueDate: move.dueDate }, ...shifts], preview };
}
