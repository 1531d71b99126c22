import { ARROW_STYLE, arrowPath, edgesCrossingRows, type ArrowEnd } from './arrows';
import { fitText } from './labels';
import { type GanttModel, type TimeScale, barRect, visibleDays, visibleRows } from './layout';
import { METRICS, MILESTONE_COLORS, THEME } from './metrics';
import { barTone, type BarTone } from './status';
import { timeTicks } from './ticks';
import type { GanttZoom } from './types';

/** The canvas calls the drawing uses; a real 2D context fits, tests pass a recorder. */
export type Ctx2D = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'font'
  | 'textBaseline'
  | 'textAlign'
  | 'globalAlpha'
  | 'fillRect'
  | 'strokeRect'
  | 'fillText'
  | 'measureText'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'stroke'
  | 'fill'
  | 'rect'
  | 'clip'
  | 'save'
  | 'restore'
  | 'setLineDash'
>;

/** A bar being dragged (or a move awaiting confirmation) and the dependents it would push. */
export interface MovePreviewDays {
  taskId: string;
  start: number;
  due: number;
  /** Shifted dependents: new start and due day numbers. */
  ghosts: ReadonlyMap<string, { start: number; due: number }>;
}

export interface Scene {
  model: GanttModel;
  scale: TimeScale;
  zoom: GanttZoom;
  /** Canvas size in CSS pixels. */
  width: number;
  height: number;
  /** Scroll offsets of the body (timeline x, rows y). */
  scrollLeft: number;
  scrollTop: number;
  today: number | null;
  milestones: readonly { day: number; name: string }[];
  critical: ReadonlySet<string>;
  /** Total float per task; when given, "no slack" comes from here instead of `critical`. */
  slack?: ReadonlyMap<string, number> | null;
  selectedRow: number | null;
  preview: MovePreviewDays | null;
  /** Memo for fitted label text, kept by the caller per model. */
  textCache?: Map<string, string>;
}

/** What a frame drew, for tests and the benchmark (virtualisation keeps these small). */
export interface DrawStats {
  rows: number;
  bars: number;
  arrows: number;
  /** Shifted dependents drawn as ghosts (move preview). */
  ghosts: number;
}

const TONE_FILL: Record<BarTone, [string, string]> = {
  normal: [THEME.bar, THEME.barProgress],
  done: [THEME.done, THEME.doneProgress],
  late: [THEME.late, THEME.lateProgress],
  atRisk: [THEME.atRisk, THEME.atRiskProgress],
};

export function toneOf(scene: Pick<Scene, 'critical' | 'slack' | 'today'>, task: { id: string; status: string }, due: number): BarTone {
  const slack = scene.slack?.get(task.id);
  const zeroSlack = slack !== undefined ? slack <= 0 : scene.critical.has(task.id);
  return barTone(task as { status: 'todo' }, due, scene.today ?? -Infinity, zeroSlack);
}

function polyline(ctx: Ctx2D, points: readonly number[], ox: number, oy: number): void {
  ctx.moveTo((points[0] as number) + ox, (points[1] as number) + oy);
  for (let i = 2; i < points.length; i += 2) ctx.lineTo((points[i] as number) + ox, (points[i + 1] as number) + oy);
}

function arrowHead(ctx: Ctx2D, x: number, y: number): void {
  ctx.moveTo(x, y);
  ctx.lineTo(x - 5, y - 3.5);
  ctx.lineTo(x - 5, y + 3.5);
  ctx.closePath();
}

/**
 * Draws one frame: only the rows and days in view, arrows only for dependencies that cross the
 * visible rows and columns. Coordinates: content pixels are offset by the label column and
 * header and by the scroll position.
 */
export function drawGantt(ctx: Ctx2D, scene: Scene): DrawStats {
  const { model, scale, width, height, scrollLeft, scrollTop, preview } = scene;
  const { rowHeight, headerHeight, labelWidth } = METRICS;
  const bodyX = labelWidth;
  const bodyY = headerHeight;
  const bodyW = Math.max(0, width - bodyX);
  const bodyH = Math.max(0, height - bodyY);
  const ox = bodyX - scrollLeft;
  const oy = bodyY - scrollTop;
  const rows = visibleRows(scrollTop, bodyH, rowHeight, model.rows.length, 1);
  const days = visibleDays(scrollLeft, bodyW, scale, model);
  const ticks = timeTicks(scene.zoom, days);
  const stats: DrawStats = { rows: 0, bars: 0, arrows: 0, ghosts: 0 };
  const px = scale.pxPerDay;
  const cache = scene.textCache;
  const fit = (text: string, max: number): string => {
    const key = `${max}|${text}`;
    const hit = cache?.get(key);
    if (hit !== undefined) return hit;
    const out = fitText(text, max, (s) => ctx.measureText(s).width);
    cache?.set(key, out);
    return out;
  };
  const spanOfRow = (row: number, id: string): { start: number; due: number } => {
    if (preview) {
      if (preview.taskId === id) return preview;
      const g = preview.ghosts.get(id);
      if (g) return g;
    }
    return { start: model.rowStart[row] as number, due: model.rowDue[row] as number };
  };

  ctx.fillStyle = THEME.bg;
  ctx.fillRect(0, 0, width, height);

  // ── body ──
  ctx.save();
  ctx.beginPath();
  ctx.rect(bodyX, bodyY, bodyW, bodyH);
  ctx.clip();
  if (scene.zoom === 'day') {
    ctx.fillStyle = THEME.weekend;
    for (const t of ticks.minor) if (t.weekend) ctx.fillRect(ox + scale.x(t.day), bodyY, px, bodyH);
  }
  for (let r = rows.first; r <= rows.last; r++) {
    const row = model.rows[r];
    if (row?.kind === 'group') {
      ctx.fillStyle = THEME.groupBg;
      ctx.fillRect(bodyX, oy + r * rowHeight, bodyW, rowHeight);
    }
    if (r === scene.selectedRow) {
      ctx.fillStyle = THEME.selected;
      ctx.fillRect(bodyX, oy + r * rowHeight, bodyW, rowHeight);
    }
  }
  ctx.fillStyle = THEME.grid;
  for (const t of ticks.minor) ctx.fillRect(Math.round(ox + scale.x(t.day)), bodyY, 1, bodyH);
  ctx.fillStyle = THEME.gridMajor;
  for (const t of ticks.major) if (t.day >= days.first) ctx.fillRect(Math.round(ox + scale.x(t.day)), bodyY, 1, bodyH);

  // milestones: dashed line at the middle of the day, name at the top of the body
  ctx.lineWidth = 1.5;
  ctx.setLineDash([4, 3]);
  for (const m of scene.milestones) {
    if (m.day < days.first || m.day > days.last) continue;
    const x = ox + scale.x(m.day) + px / 2;
    ctx.strokeStyle = MILESTONE_COLORS[m.name] ?? MILESTONE_COLORS.default ?? THEME.muted;
    ctx.beginPath();
    ctx.moveTo(x, bodyY);
    ctx.lineTo(x, bodyY + bodyH);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  if (scene.today !== null && scene.today >= days.first && scene.today <= days.last) {
    ctx.fillStyle = THEME.today;
    ctx.fillRect(Math.round(ox + scale.x(scene.today) + px / 2) - 1, bodyY, 2, bodyH);
  }

  // dependency arrows, normal ones then critical ones on top
  const edgeIdx = edgesCrossingRows(model.edges, rows);
  const style = { ...ARROW_STYLE, rowHeight, barHeight: METRICS.barHeight };
  const minX = scrollLeft - 20;
  const maxX = scrollLeft + bodyW + 20;
  for (const pass of [false, true]) {
    ctx.beginPath();
    const heads: number[] = [];
    for (const k of edgeIdx) {
      const a = model.edges[2 * k] as number;
      const b = model.edges[2 * k + 1] as number;
      const ra = model.rows[a];
      const rb = model.rows[b];
      if (ra?.kind !== 'task' || rb?.kind !== 'task') continue;
      const isCritical = scene.critical.has(ra.task.id) && scene.critical.has(rb.task.id);
      if (isCritical !== pass) continue;
      const sa = spanOfRow(a, ra.task.id);
      const sb = spanOfRow(b, rb.task.id);
      const from: ArrowEnd = { x0: scale.x(sa.start), x1: scale.x(sa.due + 1), y: a * rowHeight + rowHeight / 2 };
      const to: ArrowEnd = { x0: scale.x(sb.start), x1: scale.x(sb.due + 1), y: b * rowHeight + rowHeight / 2 };
      const left = Math.min(from.x0, to.x0) - style.gap;
      const right = Math.max(from.x1, to.x0) + style.gap;
      if (right < minX || left > maxX) continue;
      const pts = arrowPath(from, to, style);
      polyline(ctx, pts, ox, oy);
      heads.push(to.x0 + ox, to.y + oy);
      stats.arrows++;
    }
    ctx.strokeStyle = pass ? THEME.arrowCritical : THEME.arrow;
    ctx.lineWidth = pass ? 1.5 : 1;
    ctx.stroke();
    ctx.beginPath();
    for (let i = 0; i < heads.length; i += 2) arrowHead(ctx, heads[i] as number, heads[i + 1] as number);
    ctx.fillStyle = pass ? THEME.arrowCritical : THEME.arrow;
    ctx.fill();
  }

  // bars
  ctx.font = THEME.font;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (let r = rows.first; r <= rows.last; r++) {
    const row = model.rows[r];
    stats.rows++;
    if (row?.kind !== 'task') continue;
    const task = row.task;
    const start = model.rowStart[r] as number;
    const due = model.rowDue[r] as number;
    const moved = preview?.taskId === task.id ? preview : null;
    const ghost = preview?.ghosts.get(task.id) ?? null;
    const shown = moved ?? { start, due };
    const rect = barRect(shown.start, shown.due, r, scale, rowHeight, METRICS.barHeight);
    const x = rect.x + ox;
    const y = rect.y + oy;
    const orig = barRect(start, due, r, scale, rowHeight, METRICS.barHeight);
    if (moved) {
      // where it was, faint
      ctx.strokeStyle = THEME.origin;
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 3]);
      ctx.strokeRect(orig.x + ox + 0.5, orig.y + oy + 0.5, orig.w - 1, orig.h - 1);
      ctx.setLineDash([]);
    }
    if (x + rect.w >= bodyX - 200 && x <= width) {
      const tone = toneOf(scene, task, shown.due);
      const [fill, progressFill] = TONE_FILL[tone];
      ctx.globalAlpha = ghost ? 0.45 : 1;
      ctx.fillStyle = fill;
      ctx.fillRect(x, y, rect.w, rect.h);
      if (task.progress > 0) {
        ctx.fillStyle = progressFill;
        ctx.fillRect(x, y, rect.w * Math.min(1, task.progress), rect.h);
      }
      if (scene.critical.has(task.id)) {
        ctx.strokeStyle = THEME.critical;
        ctx.lineWidth = 2;
        ctx.strokeRect(x + 1, y + 1, rect.w - 2, rect.h - 2);
      }
      if (moved) {
        ctx.strokeStyle = THEME.ghostStroke;
        ctx.lineWidth = 2;
        ctx.strokeRect(x, y, rect.w, rect.h);
      }
      ctx.globalAlpha = 1;
      ctx.fillStyle = THEME.text;
      ctx.fillText(task.title, x + rect.w + 4, y + rect.h / 2);
      stats.bars++;
    }
    if (ghost) {
      const g = barRect(ghost.start, ghost.due, r, scale, rowHeight, METRICS.barHeight);
      ctx.fillStyle = THEME.ghostFill;
      ctx.fillRect(g.x + ox, g.y + oy, g.w, g.h);
      ctx.strokeStyle = THEME.ghostStroke;
      ctx.lineWidth = 1;
      ctx.setLineDash([4, 2]);
      ctx.strokeRect(g.x + ox + 0.5, g.y + oy + 0.5, g.w - 1, g.h - 1);
      ctx.setLineDash([]);
      stats.ghosts++;
    }
  }
  // milestone names on top of the bars
  for (const m of scene.milestones) {
    if (m.day < days.first || m.day > days.last) continue;
    const x = ox + scale.x(m.day) + px / 2;
    const w = ctx.measureText(m.name).width + 8;
    ctx.fillStyle = MILESTONE_COLORS[m.name] ?? MILESTONE_COLORS.default ?? THEME.muted;
    ctx.fillRect(x + 3, bodyY + 2, w, 16);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(m.name, x + 7, bodyY + 10);
  }
  ctx.restore();

  // ── label column ──
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, bodyY, labelWidth, bodyH);
  ctx.clip();
  ctx.fillStyle = THEME.header;
  ctx.fillRect(0, bodyY, labelWidth, bodyH);
  ctx.textBaseline = 'middle';
  for (let r = rows.first; r <= rows.last; r++) {
    const row = model.rows[r];
    const y = oy + r * rowHeight;
    if (!row) continue;
    if (r === scene.selectedRow) {
      ctx.fillStyle = THEME.selected;
      ctx.fillRect(0, y, labelWidth, rowHeight);
    }
    if (row.kind === 'group') {
      ctx.fillStyle = THEME.groupBg;
      ctx.fillRect(0, y, labelWidth, rowHeight);
      ctx.font = THEME.fontBold;
      ctx.fillStyle = THEME.groupText;
      ctx.fillText(fit(`${row.label} (${row.count})`, labelWidth - 16), 8, y + rowHeight / 2);
      ctx.font = THEME.font;
    } else {
      const due = model.rowDue[r] as number;
      ctx.fillStyle = TONE_FILL[toneOf(scene, row.task, due)][0];
      ctx.fillRect(10, y + rowHeight / 2 - 3, 6, 6);
      ctx.fillStyle = THEME.text;
      ctx.fillText(fit(row.task.title, labelWidth - 32), 22, y + rowHeight / 2);
    }
  }
  ctx.restore();
  ctx.fillStyle = THEME.border;
  ctx.fillRect(labelWidth - 1, 0, 1, height);

  // ── header ──
  ctx.save();
  ctx.beginPath();
  ctx.rect(bodyX, 0, bodyW, headerHeight);
  ctx.clip();
  ctx.fillStyle = THEME.header;
  ctx.fillRect(bodyX, 0, bodyW, headerHeight);
  ctx.font = THEME.font;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = THEME.text;
  ticks.major.forEach((t, i) => {
    const tickX = ox + scale.x(t.day);
    // a period that began off-screen keeps its label pinned left, unless the next one is close
    const x = Math.max(tickX, bodyX) + 6;
    const next = ticks.major[i + 1];
    if (next && ox + scale.x(next.day) - x < ctx.measureText(t.label).width + 12) return;
    ctx.fillText(t.label, x, 12);
    ctx.fillRect(Math.round(tickX), 0, 1, 22);
  });
  ctx.fillStyle = THEME.muted;
  const cell = scene.zoom === 'day' ? px : scene.zoom === 'week' ? 7 * px : 30 * px;
  ctx.textAlign = scene.zoom === 'day' ? 'center' : 'left';
  for (const t of ticks.minor) {
    const x = ox + scale.x(t.day);
    ctx.fillStyle = t.weekend ? THEME.today : THEME.muted;
    ctx.fillText(t.label, scene.zoom === 'day' ? x + cell / 2 : x + 3, 33);
    ctx.fillStyle = THEME.grid;
    ctx.fillRect(Math.round(x), 22, 1, 22);
  }
  ctx.textAlign = 'left';
  for (const m of scene.milestones) {
    if (m.day < days.first || m.day > days.last) continue;
    const x = ox + scale.x(m.day) + px / 2;
    ctx.fillStyle = MILESTONE_COLORS[m.name] ?? MILESTONE_COLORS.default ?? THEME.muted;
    ctx.beginPath();
    ctx.moveTo(x, headerHeight - 12);
    ctx.lineTo(x + 5, headerHeight - 6);
    ctx.lineTo(x, headerHeight);
    ctx.lineTo(x - 5, headerHeight - 6);
    ctx.closePath();
    ctx.fill();
  }
  if (scene.today !== null && scene.today >= days.first && scene.today <= days.last) {
    const x = ox + scale.x(scene.today) + px / 2;
    ctx.fillStyle = THEME.today;
    ctx.beginPath();
    ctx.moveTo(x - 5, headerHeight - 7);
    ctx.lineTo(x + 5, headerHeight - 7);
    ctx.lineTo(x, headerHeight);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
  ctx.fillStyle = THEME.header;
  ctx.fillRect(0, 0, labelWidth - 1, headerHeight);
  ctx.fillStyle = THEME.groupText;
  ctx.font = THEME.fontBold;
  ctx.fillText('任务 Task', 8, headerHeight / 2);
  ctx.fillStyle = THEME.border;
  ctx.fillRect(0, headerHeight - 1, width, 1);
  return stats;
}
