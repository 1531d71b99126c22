import { toDay } from '../../lib/schedule/dates';
import { createMovePlanner, type MovePlanner } from '../../lib/schedule/preview-move';
import type { MovePreviewDays } from './draw';
import type { GanttTask } from './types';

/**
 * Lazily built move planner for the current task list: built on the first drag so a chart that
 * is only looked at never pays for it; null when the dependencies form a cycle (no preview then).
 */
export function plannerCache(): (tasks: readonly GanttTask[]) => MovePlanner | null {
  let forTasks: readonly GanttTask[] | null = null;
  let planner: MovePlanner | null = null;
  return (tasks) => {
    if (tasks !== forTasks) {
      forTasks = tasks;
      try {
        planner = createMovePlanner(tasks);
      } catch {
        planner = null;
      }
    }
    return planner;
  };
}

/** A move with its shifted dependents, as day numbers for drawing. */
export function previewDays(planner: MovePlanner | null, taskId: string, start: number, due: number, startIso: string, dueIso: string): MovePreviewDays {
  const ghosts = new Map<string, { start: number; due: number }>();
  if (planner) {
    try {
      for (const s of planner(taskId, startIso, dueIso).shifted) ghosts.set(s.id, { start: toDay(s.startDate), due: toDay(s.dueDate) });
    } catch {
      // unknown task or bad range: draw the bar alone
    }
  }
  return { taskId, start, due, ghosts };
}
