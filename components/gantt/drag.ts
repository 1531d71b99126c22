import { METRICS } from './metrics';
import type { BarRect, GanttModel, TimeScale } from './layout';
import { barRect } from './layout';

export type DragMode = 'move' | 'start' | 'end';

export interface BarHit {
  row: number;
  taskId: string;
  mode: DragMode;
}

/**
 * The bar under a point in content pixels (timeline x, body y). Near either end (within
 * `METRICS.edgeGrab`, and only when the bar is wide enough to keep a middle) a drag changes only
 * that date.
 */
export function hitBar(model: GanttModel, scale: TimeScale, x: number, y: number, rowHeight: number = METRICS.rowHeight): BarHit | null {
  const row = Math.floor(y / rowHeight);
  const r = model.rows[row];
  if (!r || r.kind !== 'task') return null;
  const rect: BarRect = barRect(model.rowStart[row] as number, model.rowDue[row] as number, row, scale, rowHeight);
  const slop = 3;
  if (x < rect.x - slop || x > rect.x + rect.w + slop || y < rect.y - slop || y > rect.y + rect.h + slop) return null;
  let mode: DragMode = 'move';
  if (rect.w >= 4 * METRICS.edgeGrab) {
    if (x <= rect.x + METRICS.edgeGrab) mode = 'start';
    else if (x >= rect.x + rect.w - METRICS.edgeGrab) mode = 'end';
  }
  return { row, taskId: r.task.id, mode };
}

/** Whole days a pointer moved, rounding to the nearest day. */
export function dayDelta(dx: number, scale: TimeScale): number {
  return Math.round(dx / scale.pxPerDay) || 0;
}

/** New dates of a dragged bar; resizing never makes the due date earlier than the start. */
export function draggedSpan(mode: DragMode, start: number, due: number, delta: number): { start: number; due: number } {
  if (mode === 'move') return { start: start + delta, due: due + delta };
  if (mode === 'start') return { start: Math.min(start + delta, due), due };
  return { start, due: Math.max(due + delta, start) };
}
