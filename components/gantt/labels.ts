import { TONE_LABELS, type BarTone } from './status';
import type { GanttTask } from './types';

/**
 * What a screen reader hears for a row, e.g.
 * `主图拍摄，小美，2025-11-03 至 2025-11-05，进度 40%，关键路径 critical path，已逾期 late`.
 */
export function rowLabel(task: GanttTask, assignee: string | null, tone: BarTone, critical: boolean): string {
  const parts = [task.title, assignee ?? '未分配 unassigned'];
  if (task.startDate || task.dueDate) parts.push(`${task.startDate ?? task.dueDate} 至 ${task.dueDate ?? task.startDate}`);
  else parts.push('未排期 unscheduled');
  parts.push(`进度 progress ${Math.round(task.progress * 100)}%`);
  if (critical) parts.push('关键路径 critical path');
  if (TONE_LABELS[tone]) parts.push(TONE_LABELS[tone]);
  if (task.dependsOn.length) parts.push(`依赖 ${task.dependsOn.length} 个任务 depends on ${task.dependsOn.length}`);
  return parts.join('，');
}

/** Cut a label to fit `maxWidth` using a text measurer, adding an ellipsis. Binary search keeps it to log n measurements. */
export function fitText(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (maxWidth <= 0) return '';
  if (measure(text) <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(`${text.slice(0, mid)}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${text.slice(0, lo)}…`;
}

/**
 * Size of a PNG export at full scale: the whole chart when it fits, otherwise clipped to
 * `maxSide` on each side (a canvas that large is slow to encode and near the browser's limit);
 * the caller starts the clipped export at the rows and days currently in view.
 */
export function exportSize(width: number, height: number, maxSide = 8192): { width: number; height: number; clipped: boolean } {
  const w = Math.max(1, Math.min(Math.ceil(width), maxSide));
  const h = Math.max(1, Math.min(Math.ceil(height), maxSide));
  return { width: w, height: h, clipped: w < Math.ceil(width) || h < Math.ceil(height) };
}
