import { useCallback, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type JSX, type KeyboardEvent, type MouseEvent as ReactMouseEvent, type PointerEvent as ReactPointerEvent, type Ref } from 'react';
import { fromDay, toDay } from '../../lib/schedule/dates';
import { type DrawStats, type MovePreviewDays, drawGantt, toneOf } from './draw';
import { type DragMode, dayDelta, draggedSpan, hitBar } from './drag';
import { downloadPng } from './export-png';
import { rowLabel } from './labels';
import { barRect, buildModel, initialScrollLeft, scrollToReveal, timeScale, timelineWidth, visibleRows } from './layout';
import { METRICS, THEME } from './metrics';
import { plannerCache, previewDays } from './preview';
import type { GanttGroupBy, GanttMember, GanttMilestone, GanttTask, GanttZoom, PendingMove } from './types';

export interface GanttHandle {
  /** Renders the whole chart (clipped to 8192px a side) to PNG and downloads it; resolves with the image. */
  exportPng(filename?: string): Promise<Blob | null>;
  /** Where a task's bar is on screen (for tests, tours and the benchmark); null when it has no row. */
  barClientRect(taskId: string): DOMRect | null;
  /** Select a task and scroll it into view. */
  revealTask(taskId: string): void;
  /** Draw now and say what was drawn. */
  redraw(): DrawStats | null;
}

export interface GanttChartProps {
  tasks: readonly GanttTask[];
  /** For group labels and the screen-reader text. */
  members?: readonly GanttMember[];
  milestones?: readonly GanttMilestone[];
  groupBy?: GanttGroupBy;
  zoom?: GanttZoom;
  /** ISO date of today (the shop's calendar day). */
  today: string;
  /** Task ids on the critical path: outlined, arrows between them red, counted as "no slack". */
  criticalPath?: ReadonlySet<string>;
  /** Optional total float per task (from `computeSchedule`); refines "no slack" for the at-risk colour. */
  slack?: ReadonlyMap<string, number> | null;
  /**
   * Called when a drag ends on new dates, or on Shift+←/→. The chart does not change the task:
   * the parent shows `previewMove(...)`, asks, then saves (and may pass `pendingMove` meanwhile).
   */
  onMoveRequest?: (taskId: string, newStart: string, newDue: string) => void;
  /** Enter on a row, double-click on a bar, or a click on an unscheduled task. */
  onOpenTask?: (taskId: string) => void;
  /** Controlled selection; omit to let the chart keep its own. */
  selectedTaskId?: string | null;
  onSelectTask?: (taskId: string | null) => void;
  /** A move awaiting confirmation, drawn with its shifted dependents as ghosts. */
  pendingMove?: PendingMove | null;
  /** Height of the scrolling chart area (CSS length); default 480px. */
  height?: number | string;
  readOnly?: boolean;
  ariaLabel?: string;
  ref?: Ref<GanttHandle>;
}

const EMPTY: readonly never[] = [];
const EMPTY_SET: ReadonlySet<string> = new Set();

const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
};

interface DragState {
  taskId: string;
  row: number;
  mode: DragMode;
  startX: number;
  start: number;
  due: number;
  delta: number;
  preview: MovePreviewDays | null;
}

/** Index of `row` in the sorted task-row list, or -1. */
function positionOf(taskRows: readonly number[], row: number): number {
  let lo = 0;
  let hi = taskRows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = taskRows[mid] as number;
    if (v === row) return mid;
    if (v < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Canvas Gantt chart. Only the rows and days in view are drawn, arrows included, so 20,000
 * tasks cost the same per frame as 20. The React part holds the scroll container, the
 * screen-reader rows (only those in view) and the unscheduled list; drawing lives in `draw.ts`.
 */
export function GanttChart(props: GanttChartProps): JSX.Element {
  const {
    tasks,
    members = EMPTY,
    milestones = EMPTY,
    groupBy = 'stage',
    zoom = 'day',
    today,
    criticalPath = EMPTY_SET,
    slack = null,
    onMoveRequest,
    onOpenTask,
    pendingMove = null,
    height = 480,
    readOnly = false,
    ariaLabel = '甘特图 Gantt chart',
  } = props;
  const uid = useId();
  const model = useMemo(() => buildModel({ tasks, groupBy, members, milestones, today }), [tasks, groupBy, members, milestones, today]);
  const scale = useMemo(() => timeScale(zoom, model.originDay), [zoom, model.originDay]);
  const textCache = useMemo(() => new Map<string, string>(), [model]);
  const names = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members]);
  const milestoneDays = useMemo(() => milestones.map((m) => ({ day: toDay(m.date), name: m.name })), [milestones]);
  const todayDay = useMemo(() => toDay(today), [today]);
  const getPlanner = useMemo(() => plannerCache(), []);
  const pendingPreview = useMemo(() => {
    if (!pendingMove || !model.rowOfTask.has(pendingMove.taskId)) return null;
    return previewDays(getPlanner(tasks), pendingMove.taskId, toDay(pendingMove.startDate), toDay(pendingMove.dueDate), pendingMove.startDate, pendingMove.dueDate);
  }, [pendingMove, model, tasks, getPlanner]);

  const [ownSelected, setOwnSelected] = useState<string | null>(null);
  const selectedId = props.selectedTaskId !== undefined ? props.selectedTaskId : ownSelected;
  const selectedRow = selectedId !== null ? (model.rowOfTask.get(selectedId) ?? null) : null;

  const scrollerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const view = useRef({ width: 0, height: 0, scrollLeft: 0, scrollTop: 0 });
  const drag = useRef<DragState | null>(null);
  const frame = useRef(0);
  const [rowWindow, setRowWindow] = useState({ first: 0, last: -1 });

  const totalW = METRICS.labelWidth + timelineWidth(model, scale);
  const totalH = METRICS.headerHeight + model.rows.length * METRICS.rowHeight;

  // Everything a frame reads, refreshed on each render so rAF callbacks see the latest props.
  const latest = useRef({ model, scale, zoom, todayDay, milestoneDays, criticalPath, slack, selectedRow, pendingPreview, textCache });
  latest.current = { model, scale, zoom, todayDay, milestoneDays, criticalPath, slack, selectedRow, pendingPreview, textCache };

  const draw = useCallback((): DrawStats | null => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return null;
    const { width, height: h, scrollLeft, scrollTop } = view.current;
    const dpr = window.devicePixelRatio || 1;
    const bw = Math.max(1, Math.round(width * dpr));
    const bh = Math.max(1, Math.round(h * dpr));
    if (canvas.width !== bw || canvas.height !== bh) {
      canvas.width = bw;
      canvas.height = bh;
      canvas.style.width = `${width}px`;
      canvas.style.height = `${h}px`;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const s = latest.current;
    return drawGantt(ctx, {
      model: s.model,
      scale: s.scale,
      zoom: s.zoom,
      width,
      height: h,
      scrollLeft,
      scrollTop,
      today: s.todayDay,
      milestones: s.milestoneDays,
      critical: s.criticalPath,
      slack: s.slack,
      selectedRow: s.selectedRow,
      preview: drag.current?.preview ?? s.pendingPreview,
      textCache: s.textCache,
    });
  }, []);

  const requestDraw = useCallback((): void => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      draw();
    });
  }, [draw]);

  const syncWindow = useCallback((): void => {
    const v = view.current;
    const r = visibleRows(v.scrollTop, v.height - METRICS.headerHeight, METRICS.rowHeight, latest.current.model.rows.length, 0);
    setRowWindow((w) => (w.first === r.first && w.last === r.last ? w : r));
  }, []);

  const readScroll = useCallback((): void => {
    const el = scrollerRef.current;
    if (!el) return;
    view.current.scrollLeft = el.scrollLeft;
    view.current.scrollTop = el.scrollTop;
  }, []);

  // Size the canvas to the scroller, follow resizes, and start with today in view.
  useLayoutEffect(() => {
    const el = scrollerRef.current;
    if (!el) return;
    const measure = (): void => {
      view.current.width = el.clientWidth;
      view.current.height = el.clientHeight;
    };
    measure();
    const ro = new ResizeObserver(() => {
      measure();
      syncWindow();
      requestDraw();
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [requestDraw, syncWindow]);

  useLayoutEffect(() => {
    const el = scrollerRef.current;
    if (!el) return;
    const { scale: s, model: m, todayDay: t } = latest.current;
    el.scrollLeft = initialScrollLeft(m, s, t, el.clientWidth - METRICS.labelWidth, el.clientHeight - METRICS.headerHeight);
    readScroll();
    syncWindow();
  }, [zoom, readScroll, syncWindow]);

  // Each commit (new data, selection, preview) redraws synchronously so the frame that follows shows it.
  useLayoutEffect(() => {
    draw();
  });

  const select = useCallback(
    (taskId: string | null): void => {
      if (props.selectedTaskId === undefined) setOwnSelected(taskId);
      props.onSelectTask?.(taskId);
    },
    [props.selectedTaskId, props.onSelectTask],
  );

  const reveal = useCallback(
    (row: number, center = false): void => {
      const el = scrollerRef.current;
      if (!el) return;
      const v = view.current;
      const { model: m, scale: s } = latest.current;
      const startX = m.rows[row]?.kind === 'task' ? s.x(m.rowStart[row] as number) : null;
      const next = scrollToReveal(row, startX, {
        scrollTop: v.scrollTop,
        scrollLeft: v.scrollLeft,
        bodyHeight: v.height - METRICS.headerHeight,
        bodyWidth: v.width - METRICS.labelWidth,
      }, METRICS.rowHeight, center);
      if (next) el.scrollTo({ top: next.top, left: next.left });
    },
    [],
  );

  const taskAtRow = (row: number): GanttTask | null => {
    const r = model.rows[row];
    return r?.kind === 'task' ? r.task : null;
  };

  const requestMoveBy = (row: number, days: number): void => {
    const t = taskAtRow(row);
    if (!t || !onMoveRequest || readOnly) return;
    onMoveRequest(t.id, fromDay((model.rowStart[row] as number) + days), fromDay((model.rowDue[row] as number) + days));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const rows = model.taskRows;
    if (rows.length === 0) return;
    const pos = selectedRow !== null ? positionOf(rows, selectedRow) : -1;
    const page = Math.max(1, Math.floor((view.current.height - METRICS.headerHeight) / METRICS.rowHeight) - 1);
    let target: number | null = null;
    switch (e.key) {
      case 'ArrowDown':
        target = pos < 0 ? 0 : Math.min(rows.length - 1, pos + 1);
        break;
      case 'ArrowUp':
        target = pos < 0 ? 0 : Math.max(0, pos - 1);
        break;
      case 'PageDown':
        target = Math.min(rows.length - 1, Math.max(0, pos) + page);
        break;
      case 'PageUp':
        target = Math.max(0, pos - page);
        break;
      case 'Home':
        target = 0;
        break;
      case 'End':
        target = rows.length - 1;
        break;
      case 'ArrowLeft':
      case 'ArrowRight': {
        const dir = e.key === 'ArrowRight' ? 1 : -1;
        if (e.shiftKey) {
          if (selectedRow !== null) requestMoveBy(selectedRow, dir);
        } else {
          scrollerRef.current?.scrollBy({ left: dir * 7 * scale.pxPerDay });
        }
        e.preventDefault();
        return;
      }
      case 'Enter':
        if (selectedId !== null && selectedRow !== null) onOpenTask?.(selectedId);
        e.preventDefault();
        return;
      case 'Escape':
        if (drag.current) endDrag(false);
        return;
      default:
        return;
    }
    e.preventDefault();
    const row = rows[target] as number;
    const t = taskAtRow(row);
    if (t) select(t.id);
    reveal(row);
  };

  const contentPoint = (clientX: number, clientY: number): { x: number; y: number; inBody: boolean; inLabels: boolean } | null => {
    const canvas = canvasRef.current;
    if (!canvas) return null;
    const rect = canvas.getBoundingClientRect();
    const lx = clientX - rect.left;
    const ly = clientY - rect.top;
    const inRows = ly >= METRICS.headerHeight;
    return {
      x: lx - METRICS.labelWidth + view.current.scrollLeft,
      y: ly - METRICS.headerHeight + view.current.scrollTop,
      inBody: inRows && lx >= METRICS.labelWidth,
      inLabels: inRows && lx < METRICS.labelWidth,
    };
  };

  // Window listeners are registered once per drag; they call through refs so a re-render
  // during the drag (selection changes) neither loses them nor leaves stale ones behind.
  const onWindowMove = useRef((_e: PointerEvent): void => {});
  const onWindowUp = useRef((_e: PointerEvent): void => {});
  const windowListeners = useRef({
    move: (e: PointerEvent): void => onWindowMove.current(e),
    up: (e: PointerEvent): void => onWindowUp.current(e),
  });

  const endDrag = (commit: boolean): void => {
    const { move, up } = windowListeners.current;
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    window.removeEventListener('pointercancel', up);
    const d = drag.current;
    drag.current = null;
    if (canvasRef.current) canvasRef.current.style.cursor = '';
    if (commit && d && d.delta !== 0) {
      const span = draggedSpan(d.mode, d.start, d.due, d.delta);
      if (span.start !== d.start || span.due !== d.due) onMoveRequest?.(d.taskId, fromDay(span.start), fromDay(span.due));
    }
    requestDraw();
  };

  /** Follow the pointer; the preview is recomputed only when the bar lands on another day. */
  const dragTo = (clientX: number): void => {
    const d = drag.current;
    if (!d) return;
    const delta = dayDelta(clientX - d.startX, latest.current.scale);
    if (delta === d.delta) return;
    d.delta = delta;
    const span = draggedSpan(d.mode, d.start, d.due, delta);
    d.preview = previewDays(getPlanner(tasks), d.taskId, span.start, span.due, fromDay(span.start), fromDay(span.due));
    requestDraw();
  };
  onWindowMove.current = (e: PointerEvent): void => dragTo(e.clientX);
  onWindowUp.current = (e: PointerEvent): void => {
    if (e.type === 'pointerup') dragTo(e.clientX);
    endDrag(e.type === 'pointerup');
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>): void => {
    const p = contentPoint(e.clientX, e.clientY);
    scrollerRef.current?.focus({ preventScroll: true });
    if (!p || (!p.inBody && !p.inLabels)) return;
    const row = Math.floor(p.y / METRICS.rowHeight);
    const t = taskAtRow(row);
    if (t) select(t.id);
    if (!p.inBody || readOnly || !onMoveRequest || e.button !== 0) return;
    const hit = hitBar(model, scale, p.x, p.y);
    if (!hit) return;
    e.preventDefault();
    // Build the move planner now (O(tasks)) rather than in the first frame of movement.
    getPlanner(tasks);
    drag.current = {
      taskId: hit.taskId,
      row: hit.row,
      mode: hit.mode,
      startX: e.clientX,
      start: model.rowStart[hit.row] as number,
      due: model.rowDue[hit.row] as number,
      delta: 0,
      preview: null,
    };
    if (canvasRef.current) canvasRef.current.style.cursor = hit.mode === 'move' ? 'grabbing' : 'ew-resize';
    const { move, up } = windowListeners.current;
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
  };

  const onHover = (e: ReactPointerEvent<HTMLCanvasElement>): void => {
    if (drag.current || readOnly || !onMoveRequest) return;
    const p = contentPoint(e.clientX, e.clientY);
    const hit = p?.inBody ? hitBar(model, scale, p.x, p.y) : null;
    const cursor = !hit ? '' : hit.mode === 'move' ? 'grab' : 'ew-resize';
    if (canvasRef.current && canvasRef.current.style.cursor !== cursor) canvasRef.current.style.cursor = cursor;
  };

  const onDoubleClick = (e: ReactMouseEvent<HTMLCanvasElement>): void => {
    const p = contentPoint(e.clientX, e.clientY);
    if (!p?.inBody && !p?.inLabels) return;
    const t = taskAtRow(Math.floor(p.y / METRICS.rowHeight));
    if (t) onOpenTask?.(t.id);
  };

  const exportPng = useCallback(
    (filename?: string): Promise<Blob | null> => {
      const s = latest.current;
      return downloadPng(
        {
          model: s.model,
          scale: s.scale,
          zoom: s.zoom,
          today: s.todayDay,
          milestones: s.milestoneDays,
          critical: s.criticalPath,
          slack: s.slack,
          selectedRow: null,
          preview: null,
          scrollLeft: view.current.scrollLeft,
          scrollTop: view.current.scrollTop,
        },
        filename ?? `gantt-${today}.png`,
      );
    },
    [today],
  );

  useImperativeHandle(
    props.ref,
    () => ({
      exportPng,
      barClientRect: (taskId) => {
        const canvas = canvasRef.current;
        const row = latest.current.model.rowOfTask.get(taskId);
        if (!canvas || row === undefined) return null;
        const m = latest.current.model;
        const b = barRect(m.rowStart[row] as number, m.rowDue[row] as number, row, latest.current.scale);
        const c = canvas.getBoundingClientRect();
        return new DOMRect(c.left + METRICS.labelWidth - view.current.scrollLeft + b.x, c.top + METRICS.headerHeight - view.current.scrollTop + b.y, b.w, b.h);
      },
      revealTask: (taskId) => {
        const row = latest.current.model.rowOfTask.get(taskId);
        if (row === undefined) return;
        select(taskId);
        reveal(row, true);
      },
      redraw: draw,
    }),
    [draw, reveal, select, exportPng],
  );

  // Screen-reader rows: the task rows in view plus the selected one, positioned at their rows.
  const srRows: number[] = [];
  for (let r = rowWindow.first; r <= rowWindow.last; r++) if (model.rows[r]?.kind === 'task') srRows.push(r);
  if (selectedRow !== null && !srRows.includes(selectedRow)) srRows.push(selectedRow);
  const optionId = (row: number): string => `${uid}-row-${row}`;

  const onScroll = (): void => {
    readScroll();
    syncWindow();
    requestDraw();
  };

  return (
    <div className="zg-gantt" style={{ display: 'flex', flexDirection: 'column', gap: 6, fontSize: 12, color: THEME.text }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 10 }}>
        <Legend />
        <span id={`${uid}-keys`} style={{ color: THEME.muted }}>
          ↑↓ 选择 select · Enter 打开 open · Shift+←/→ 挪一天 move a day
        </span>
        <button type="button" style={{ marginLeft: 'auto' }} onClick={() => void exportPng()}>
          导出 PNG Export PNG
        </button>
      </div>
      <div
        ref={scrollerRef}
        role="listbox"
        tabIndex={0}
        aria-label={ariaLabel}
        aria-describedby={`${uid}-keys`}
        aria-activedescendant={selectedRow !== null ? optionId(selectedRow) : undefined}
        onKeyDown={onKeyDown}
        onScroll={onScroll}
        style={{ position: 'relative', overflow: 'auto', height, border: `1px solid ${THEME.border}`, borderRadius: 4, outlineOffset: 2 }}
      >
        <div style={{ position: 'relative', width: Math.max(totalW, view.current.width), height: Math.max(totalH, view.current.height) }}>
          <canvas
            ref={canvasRef}
            aria-hidden="true"
            onPointerDown={onPointerDown}
            onPointerMove={onHover}
            onDoubleClick={onDoubleClick}
            style={{ position: 'sticky', top: 0, left: 0, display: 'block', touchAction: 'none' }}
          />
          {srRows.map((r) => {
            const row = model.rows[r];
            if (row?.kind !== 'task') return null;
            const critical = criticalPath.has(row.task.id);
            const tone = toneOf({ critical: criticalPath, slack, today: todayDay }, row.task, model.rowDue[r] as number);
            return (
              <div
                key={row.task.id}
                id={optionId(r)}
                role="option"
                aria-selected={r === selectedRow}
                aria-setsize={model.taskRows.length}
                aria-posinset={positionOf(model.taskRows, r) + 1}
                style={{ ...visuallyHidden, top: METRICS.headerHeight + r * METRICS.rowHeight, left: 0 }}
              >
                {rowLabel(row.task, row.task.assigneeId ? (names.get(row.task.assigneeId) ?? null) : null, tone, critical)}
              </div>
            );
          })}
        </div>
      </div>
      {model.undated.length > 0 && <UndatedList tasks={model.undated} names={names} onOpenTask={onOpenTask} />}
    </div>
  );
}

const UNDATED_SHOWN = 100;

function UndatedList(props: { tasks: readonly GanttTask[]; names: ReadonlyMap<string, string>; onOpenTask?: ((id: string) => void) | undefined }): JSX.Element {
  const { tasks, names, onOpenTask } = props;
  return (
    <section aria-label="未排期任务 Unscheduled tasks" style={{ border: `1px dashed ${THEME.border}`, borderRadius: 4, padding: '6px 8px' }}>
      <h3 style={{ margin: '0 0 4px', fontSize: 12 }}>
        未排期 Unscheduled ({tasks.length}) · 设置开始和截止日期后显示在图上 / set dates to place them on the chart
      </h3>
      <ul style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 6 }}>
        {tasks.slice(0, UNDATED_SHOWN).map((t) => (
          <li key={t.id}>
            <button type="button" onClick={() => onOpenTask?.(t.id)} style={{ fontSize: 12 }}>
              {t.title}
              {t.assigneeId ? ` · ${names.get(t.assigneeId) ?? ''}` : ''}
            </button>
          </li>
        ))}
        {tasks.length > UNDATED_SHOWN && <li style={{ color: THEME.muted }}>还有 {tasks.length - UNDATED_SHOWN} 个 / {tasks.length - UNDATED_SHOWN} more</li>}
      </ul>
    </section>
  );
}

function Legend(): JSX.Element {
  const swatch = (bg: string, border?: string): CSSProperties => ({
    display: 'inline-block',
    width: 14,
    height: 8,
    background: bg,
    border: border ? `2px solid ${border}` : undefined,
    marginRight: 4,
    verticalAlign: 'middle',
  });
  const items: [CSSProperties, string][] = [
    [swatch(THEME.bar), '正常 On track'],
    [swatch(THEME.atRisk), '有风险 At risk'],
    [swatch(THEME.late), '逾期 Late'],
    [swatch(THEME.done), '完成 Done'],
    [swatch('transparent', THEME.critical), '关键路径 Critical path'],
    [swatch(THEME.ghostFill, THEME.ghostStroke), '预览 Preview'],
    [{ ...swatch(THEME.today), width: 2, height: 12 }, '今天 Today'],
  ];
  return (
    <ul aria-label="图例 Legend" style={{ display: 'flex', flexWrap: 'wrap', gap: 10, margin: 0, padding: 0, listStyle: 'none' }}>
      {items.map(([style, label]) => (
        <li key={label}>
          <span style={style} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}
