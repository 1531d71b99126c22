/**
 * Benchmark page: our Gantt and frappe-gantt on the same generated projects. Each measurement
 * runs on a fresh page load; the driver (gantt.bench.mjs) calls the functions on `window.bench`.
 * "First render" is the time from before mounting (ours includes computing the critical path)
 * until the first frame after it has been painted: rAF, then a message posted from it, which
 * runs after that frame's style, layout and paint.
 */
import { createRef } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import Gantt from 'frappe-gantt';
import '../../../../node_modules/frappe-gantt/dist/frappe-gantt.css';
import { GanttChart, buildModel, type GanttHandle } from '../../../../components/gantt';
import { criticalByProject } from '../../../../lib/schedule/cpm';
import { BENCH_TODAY, generateProjects, toFrappe } from '../generate';

function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(0);
    });
  });
}

const host = document.getElementById('host') as HTMLDivElement;

async function mountOurs(n: number): Promise<{ ms: number; handle: GanttHandle; moves: string[][]; tasks: ReturnType<typeof generateProjects>['tasks'] }> {
  const data = generateProjects(n);
  await afterPaint();
  const ref = createRef<GanttHandle>();
  const moves: string[][] = [];
  const t0 = performance.now();
  const critical = criticalByProject(data.tasks);
  const root = createRoot(host);
  flushSync(() =>
    root.render(
      <GanttChart
        ref={ref}
        tasks={data.tasks}
        members={data.members}
        milestones={data.milestones}
        groupBy="stage"
        zoom="day"
        today={BENCH_TODAY}
        criticalPath={critical}
        height={740}
        onMoveRequest={(id, s, d) => moves.push([id, s, d])}
      />,
    ),
  );
  const t1 = await afterPaint();
  if (!ref.current) throw new Error('chart did not mount');
  return { ms: t1 - t0, handle: ref.current, moves, tasks: data.tasks };
}

async function renderOurs(n: number): Promise<{ ms: number; bars: number; rows: number; arrows: number }> {
  const { ms, handle } = await mountOurs(n);
  const stats = handle.redraw();
  if (!stats || stats.rows === 0) throw new Error('nothing drawn');
  return { ms, bars: stats.bars, rows: stats.rows, arrows: stats.arrows };
}

async function renderFrappe(n: number): Promise<{ ms: number; bars: number }> {
  const data = toFrappe(generateProjects(n).tasks);
  await afterPaint();
  const t0 = performance.now();
  new Gantt(host, data, { view_mode: 'Day', container_height: 740, readonly: false });
  const t1 = await afterPaint();
  const bars = host.querySelectorAll('.bar-wrapper').length;
  if (bars === 0) throw new Error('frappe drew nothing');
  return { ms: t1 - t0, bars };
}

function pointer(type: string, target: EventTarget, x: number, y: number): void {
  target.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, button: 0, buttons: type === 'pointerup' ? 0 : 1, pointerId: 1, isPrimary: true, bubbles: true, cancelable: true }));
}

/**
 * Drags a bar with many dependents back and forth by one day per frame for `frames` frames;
 * every frame therefore recomputes the move preview and redraws. Frame time = difference of
 * consecutive rAF timestamps.
 */
async function drag(n: number, frames: number): Promise<{ frameMs: number[]; workMs: number[]; ghosts: number; moved: string[][] }> {
  const { handle, moves, tasks } = await mountOurs(n);
  // the task with the most direct dependents drawn within 15 rows below it, so the preview
  // has work to do and its ghosts are on screen (row layout computed outside the timing)
  const layout = buildModel({ tasks, groupBy: 'stage' });
  const near = new Map<string, number>();
  for (const t of tasks) {
    const r = layout.rowOfTask.get(t.id) ?? -1;
    for (const d of t.dependsOn) {
      const pr = layout.rowOfTask.get(d) ?? -1;
      if (r > pr && r - pr <= 15) near.set(d, (near.get(d) ?? 0) + 1);
    }
  }
  const target = [...near.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!target) throw new Error('no dependencies');
  handle.revealTask(target);
  await afterPaint();
  await afterPaint();
  const rect = handle.barClientRect(target);
  const canvas = host.querySelector('canvas');
  if (!rect || !canvas) throw new Error('no bar');
  const x = rect.x + rect.width / 2;
  const y = rect.y + rect.height / 2;
  pointer('pointerdown', canvas, x, y);
  const stamps: number[] = [];
  const work: number[] = [];
  await new Promise<void>((resolve) => {
    let k = 0;
    const step = (ts: number): void => {
      stamps.push(ts);
      if (k >= frames) {
        resolve();
        return;
      }
      const w0 = performance.now();
      // triangle wave, one day (32px) per frame, within ±10 days of the start
      const phase = k % 20;
      const days = phase < 10 ? phase + 1 : 19 - phase;
      pointer('pointermove', window, x + days * 32, y);
      work.push(performance.now() - w0);
      k++;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  // the preview at +5 days must show shifted dependents as ghosts
  pointer('pointermove', window, x + 5 * 32, y);
  const stats = handle.redraw();
  const ghosts = stats?.ghosts ?? 0;
  // end one day later: exactly one move request for that date
  pointer('pointerup', window, x + 32, y);
  const frameMs = stamps.slice(1).map((t, i) => t - (stamps[i] as number));
  return { frameMs, workMs: work, ghosts, moved: moves };
}

declare global {
  interface Window {
    bench: { renderOurs: typeof renderOurs; renderFrappe: typeof renderFrappe; drag: typeof drag; ready: boolean };
  }
}
window.bench = { renderOurs, renderFrappe, drag, ready: true };
