import type { GanttTask } from '../../../components/gantt';

export function gtask(id: string, start: string | null, due: string | null, over: Partial<GanttTask> = {}): GanttTask {
  return { id, title: `任务${id}`, stage: null, assigneeId: null, startDate: start, dueDate: due, status: 'todo', dependsOn: [], progress: 0, ...over };
}

/** A 2D context stand-in that records what was drawn. */
export function recordingContext(): { ctx: import('../../../components/gantt/draw').Ctx2D; calls: { op: string; args: unknown[] }[] } {
  const calls: { op: string; args: unknown[] }[] = [];
  const record =
    (op: string) =>
    (...args: unknown[]): void => {
      calls.push({ op, args });
    };
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textBaseline: 'alphabetic',
    textAlign: 'left',
    globalAlpha: 1,
    fillRect: record('fillRect'),
    strokeRect: record('strokeRect'),
    fillText: record('fillText'),
    measureText: (s: string) => ({ width: s.length * 7 }),
    beginPath: record('beginPath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    closePath: record('closePath'),
    stroke: record('stroke'),
    fill: record('fill'),
    rect: record('rect'),
    clip: record('clip'),
    save: record('save'),
    restore: record('restore'),
    setLineDash: record('setLineDash'),
  };
  return { ctx: ctx as unknown as import('../../../components/gantt/draw').Ctx2D, calls };
}
