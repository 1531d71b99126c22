import { toDay } from './dates';
import type { MovePreview } from './preview-move';
import { unresolvedConflicts } from './apply-move';

export interface MoveLine {
  taskId: string;
  /** e.g. `「会场海报」11-28 → 11-30（顺延 2 天）/ "会场海报" 11-28 → 11-30 (+2 days)` */
  text: string;
}

/** What the move dialog says: a headline, one line per shifted dependent, one per broken dependency. */
export interface MoveDescription {
  headline: string;
  shifted: MoveLine[];
  conflicts: MoveLine[];
  /** Dependents without dates, which the move does not touch. */
  undated: MoveLine[];
  /** True when confirming means accepting a broken dependency. */
  needsOverride: boolean;
}

const md = (iso: string): string => iso.slice(5);
const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

/**
 * Bilingual text for a previewed move, e.g.
 * `移动「主图」到 11-30 至 12-02，将顺延 3 个后续任务 / Moving "主图" to 11-30 – 12-02 pushes 3 later tasks`.
 */
export function describeMove(preview: MovePreview, titleOf: (id: string) => string, from?: { startDate: string | null; dueDate: string | null }): MoveDescription {
  const title = titleOf(preview.taskId);
  const span = preview.startDate === preview.dueDate ? md(preview.startDate) : `${md(preview.startDate)} 至 ${md(preview.dueDate)}`;
  const spanEn = preview.startDate === preview.dueDate ? md(preview.startDate) : `${md(preview.startDate)} – ${md(preview.dueDate)}`;
  let by = '';
  let byEn = '';
  const was = from?.startDate ?? from?.dueDate ?? null;
  if (was) {
    const d = toDay(preview.startDate) - toDay(was);
    if (d > 0) [by, byEn] = [`（推后 ${d} 天）`, ` (${days(d)} later)`];
    else if (d < 0) [by, byEn] = [`（提前 ${-d} 天）`, ` (${days(-d)} earlier)`];
  }
  const n = preview.shifted.length;
  const zhTail = n ? `，将顺延 ${n} 个后续任务` : '，不影响其他任务';
  const enTail = n ? `, pushing ${n} later task${n === 1 ? '' : 's'}` : ', no other task moves';
  const broken = unresolvedConflicts(preview);
  return {
    headline: `移动「${title}」到 ${span}${by}${zhTail} / Moving "${title}" to ${spanEn}${byEn}${enTail}`,
    shifted: preview.shifted.map((s) => ({
      taskId: s.id,
      text: `「${titleOf(s.id)}」${md(s.fromStart)} → ${md(s.startDate)}（顺延 ${s.byDays} 天）/ "${titleOf(s.id)}" +${days(s.byDays)}`,
    })),
    conflicts: broken.map((c) => ({
      taskId: c.successorId,
      text: `「${titleOf(c.successorId)}」将在前置任务「${titleOf(c.predecessorId)}」截止前开始 / "${titleOf(c.successorId)}" would start before its predecessor "${titleOf(c.predecessorId)}" is due`,
    })),
    undated: preview.undatedDependents.map((id) => ({
      taskId: id,
      text: `「${titleOf(id)}」没有日期，未调整 / "${titleOf(id)}" has no dates and is not moved`,
    })),
    needsOverride: broken.length > 0,
  };
}
