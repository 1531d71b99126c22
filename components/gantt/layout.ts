import { STAGES, STAGE_INFO } from '../../lib/domain/stages';
import { toDay } from '../../lib/schedule/dates';
import { taskSpan } from '../../lib/schedule/span';
import { METRICS, PX_PER_DAY } from './metrics';
import type { GanttGroupBy, GanttMember, GanttMilestone, GanttTask, GanttZoom } from './types';

export type GanttRow =
  | { kind: 'group'; key: string; label: string; count: number }
  | { kind: 'task'; task: GanttTask; group: string };

/**
 * Everything the drawing needs that depends only on the data, computed once per change of
 * tasks / grouping. Per-row dates are typed arrays so a frame never parses a date.
 */
export interface GanttModel {
  rows: GanttRow[];
  rowOfTask: Map<string, number>;
  /** Row indexes of task rows in display order (keyboard navigation). */
  taskRows: number[];
  /** Start and due day numbers per row (0 for group rows). */
  rowStart: Int32Array;
  rowDue: Int32Array;
  /** Predecessor row, successor row pairs. */
  edges: Int32Array;
  /** First and last day of the timeline, padded. */
  originDay: number;
  endDay: number;
  /** Tasks without dates, listed below the chart. */
  undated: GanttTask[];
}

const NO_STAGE = '__none__';

function groupKey(t: GanttTask, groupBy: GanttGroupBy): string {
  return (groupBy === 'stage' ? t.stage : t.assigneeId) ?? NO_STAGE;
}

function groupLabel(key: string, groupBy: GanttGroupBy, names: ReadonlyMap<string, string>): string {
  if (key === NO_STAGE) return groupBy === 'stage' ? '未分阶段 No stage' : '未分配 Unassigned';
  if (groupBy === 'stage') {
    const info = STAGE_INFO[key as keyof typeof STAGE_INFO];
    return info ? `${key} ${info.en}` : key;
  }
  return names.get(key) ?? '（已移除）Removed member';
}

export interface ModelInput {
  tasks: readonly GanttTask[];
  groupBy: GanttGroupBy;
  members?: readonly GanttMember[];
  milestones?: readonly GanttMilestone[];
  today?: string | null;
}

/**
 * Rows grouped by stage (pipeline order) or by assignee (member order), each group sorted by
 * start then due date; undated tasks are kept apart. The timeline covers every bar, milestone
 * and today, padded by `METRICS.padDays`.
 */
export function buildModel(input: ModelInput): GanttModel {
  const { groupBy } = input;
  const names = new Map((input.members ?? []).map((m) => [m.id, m.name]));
  const order: string[] = groupBy === 'stage' ? [...STAGES] : (input.members ?? []).map((m) => m.id);
  const groups = new Map<string, { task: GanttTask; start: number; due: number }[]>();
  for (const key of order) groups.set(key, []);
  const undated: GanttTask[] = [];
  let min = Infinity;
  let max = -Infinity;
  for (const task of input.tasks) {
    const span = taskSpan(task);
    if (!span) {
      undated.push(task);
      continue;
    }
    if (span.start < min) min = span.start;
    if (span.due > max) max = span.due;
    const key = groupKey(task, groupBy);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push({ task, start: span.start, due: span.due });
  }
  // Unknown keys (stages from an older schema, removed members) after the known ones, "none" last.
  const none = groups.get(NO_STAGE);
  if (none) {
    groups.delete(NO_STAGE);
    groups.set(NO_STAGE, none);
  }

  const rows: GanttRow[] = [];
  const starts: number[] = [];
  const dues: number[] = [];
  for (const [key, list] of groups) {
    if (list.length === 0) continue;
    list.sort((a, b) => a.start - b.start || a.due - b.due);
    rows.push({ kind: 'group', key, label: groupLabel(key, groupBy, names), count: list.length });
    starts.push(0);
    dues.push(0);
    for (const item of list) {
      rows.push({ kind: 'task', task: item.task, group: key });
      starts.push(item.start);
      dues.push(item.due);
    }
  }

  const rowOfTask = new Map<string, number>();
  const taskRows: number[] = [];
  rows.forEach((row, i) => {
    if (row.kind !== 'task') return;
    rowOfTask.set(row.task.id, i);
    taskRows.push(i);
  });
  const edgeList: number[] = [];
  for (const r of taskRows) {
    const row = rows[r] as Extract<GanttRow, { kind: 'task' }>;
    for (const dep of row.task.dependsOn) {
      const p = rowOfTask.get(dep);
      if (p !== undefined) edgeList.push(p, r);
    }
  }

  for (const m of input.milestones ?? []) {
    const d = toDay(m.date);
    if (d < min) min = d;
    if (d > max) max = d;
  }
  if (input.today) {
    const d = toDay(input.today);
    if (d < min) min = d;
    if (d > max) max = d;
  }
  if (!Number.isFinite(min)) min = max = input.today ? toDay(input.today) : 0;

  return {
    rows,
    rowOfTask,
    taskRows,
    rowStart: Int32Array.from(starts),
    rowDue: Int32Array.from(dues),
    edges: Int32Array.from(edgeList),
    originDay: min - METRICS.padDays,
    endDay: max + METRICS.padDays,
    undated,
  };
}

export interface TimeScale {
  originDay: number;
  pxPerDay: number;
  /** Left edge of a day, in timeline pixels. */
  x(day: number): number;
  /** The day under a timeline pixel. */
  dayAt(x: number): number;
}

export function timeScale(zoom: GanttZoom, originDay: number): TimeScale {
  const pxPerDay = PX_PER_DAY[zoom];
  return {
    originDay,
    pxPerDay,
    x: (day) => (day - originDay) * pxPerDay,
    dayAt: (x) => originDay + Math.floor(x / pxPerDay),
  };
}

/** Timeline width in pixels (all days of the model). */
export function timelineWidth(model: Pick<GanttModel, 'originDay' | 'endDay'>, scale: TimeScale): number {
  return (model.endDay - model.originDay + 1) * scale.pxPerDay;
}

export interface Range {
  first: number;
  /** Inclusive; `last < first` means nothing is visible. */
  last: number;
}

/** Rows that intersect the body viewport, plus `overscan` rows each side, clamped to the data. */
export function visibleRows(scrollTop: number, bodyHeight: number, rowHeight: number, rowCount: number, overscan = 1): Range {
  if (rowCount === 0 || bodyHeight <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rowCount - 1, Math.floor((scrollTop + bodyHeight - 1) / rowHeight) + overscan);
  return { first, last };
}

/** Days that intersect the body viewport, clamped to the model's timeline. */
export function visibleDays(scrollLeft: number, bodyWidth: number, scale: TimeScale, model: Pick<GanttModel, 'originDay' | 'endDay'>): Range {
  if (bodyWidth <= 0) return { first: 0, last: -1 };
  const first = Math.max(model.originDay, scale.dayAt(scrollLeft));
  const last = Math.min(model.endDay, scale.dayAt(scrollLeft + bodyWidth - 1));
  return { first, last };
}

export interface BarRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A bar from the left edge of its start day to the right edge of its due day, in content pixels. */
export function barRect(start: number, due: number, row: number, scale: TimeScale, rowHeight: number = METRICS.rowHeight, barHeight: number = METRICS.barHeight): BarRect {
  const x = scale.x(start);
  return { x, y: row * rowHeight + (rowHeight - barHeight) / 2, w: Math.max(2, (due - start + 1) * scale.pxPerDay), h: barHeight };
}

/**
 * Scroll offsets that bring a row (and the start of its bar) into view, or null when already
 * visible. Keyboard steps scroll the least; a jump (`center`) puts the row two rows from the
 * top so the dependents, which follow it, show below.
 */
export function scrollToReveal(
  row: number,
  startX: number | null,
  view: { scrollTop: number; scrollLeft: number; bodyHeight: number; bodyWidth: number },
  rowHeight: number = METRICS.rowHeight,
  center = false,
): { top: number; left: number } | null {
  let top = view.scrollTop;
  let left = view.scrollLeft;
  const y = row * rowHeight;
  const outside = y < top || y + rowHeight > top + view.bodyHeight;
  if (outside && center) top = y - 2 * rowHeight;
  else if (y < top) top = y;
  else if (y + rowHeight > top + view.bodyHeight) top = y + rowHeight - view.bodyHeight;
  if (startX !== null && (startX < left || startX > left + view.bodyWidth - 40)) left = Math.max(0, startX - 40);
  return top === view.scrollTop && left === view.scrollLeft ? null : { top: Math.max(0, top), left };
}

/**
 * Where the timeline starts scrolled: a week before today when some bar in the first screen of
 * rows is in view there, otherwise two days before the earliest of those bars (a chart that
 * opens on empty space looks broken).
 */
export function initialScrollLeft(model: GanttModel, scale: TimeScale, today: number, bodyWidth: number, bodyHeight: number): number {
  const rows = visibleRows(0, bodyHeight, METRICS.rowHeight, model.rows.length, 0);
  const fromToday = Math.max(0, scale.x(today - 7));
  let earliest = Infinity;
  for (let r = rows.first; r <= rows.last; r++) {
    if (model.rows[r]?.kind !== 'task') continue;
    const start = scale.x(model.rowStart[r] as number);
    const end = scale.x((model.rowDue[r] as number) + 1);
    if (end > fromToday && start < fromToday + bodyWidth) return fromToday;
    if (start < earliest) earliest = start;
  }
  return Number.isFinite(earliest) ? Math.max(0, earliest - 2 * scale.pxPerDay) : fromToday;
}
