import type { GanttTask } from './types';

export type BarTone = 'normal' | 'done' | 'late' | 'atRisk';

/**
 * Colour class of a bar. Late: past due and not done. At risk: not done and either without
 * slack (on the critical path, or `slack` ≤ 0) or due within two days and not started.
 */
export function barTone(task: Pick<GanttTask, 'status'>, due: number, today: number, zeroSlack: boolean): BarTone {
  if (task.status === 'done') return 'done';
  if (due < today) return 'late';
  if (zeroSlack || (due - today <= 2 && task.status === 'todo')) return 'atRisk';
  return 'normal';
}

export const TONE_LABELS: Record<BarTone, string> = {
  normal: '',
  done: '已完成 done',
  late: '已逾期 late',
  atRisk: '有风险 at risk',
};
