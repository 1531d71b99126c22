import { describe, expect, it } from 'vitest';
import { toDay } from '../../../lib/schedule';
import { drawGantt, type Scene } from '../../../components/gantt/draw';
import { buildModel, timeScale } from '../../../components/gantt/layout';
import { gtask, recordingContext } from './helpers';

function chain(n: number): ReturnType<typeof gtask>[] {
  const out = [];
  for (let i = 0; i < n; i++) {
    // 20 tasks a day, so rows keep chain order (rows sort by start date)
    const start = toDay('2025-11-01') + Math.floor(i / 20);
    const iso = (d: number): string => new Date(d * 86_400_000).toISOString().slice(0, 10);
    out.push(gtask(`t${i}`, iso(start), iso(start + 2), { stage: '选品策划', dependsOn: i > 0 ? [`t${i - 1}`] : [] }));
  }
  return out;
}

function scene(tasks: ReturnType<typeof gtask>[], over: Partial<Scene> = {}): Scene {
  const model = buildModel({ tasks, groupBy: 'stage', today: '2025-11-05' });
  return {
    model,
    scale: timeScale('day', model.originDay),
    zoom: 'day',
    width: 1000,
    height: 44 + 28 * 20,
    scrollLeft: 0,
    scrollTop: 0,
    today: toDay('2025-11-05'),
    milestones: [{ day: toDay('2025-11-11'), name: '正式' }],
    critical: new Set(),
    selectedRow: null,
    preview: null,
    ...over,
  };
}

describe('drawGantt', () => {
  it('draws the same handful of rows for 20,000 tasks as for 200 (virtualised)', () => {
    const small = drawGantt(recordingContext().ctx, scene(chain(200)));
    const big = recordingContext();
    const bigScene = scene(chain(20_000), { scrollTop: 28 * 10_000 });
    const stats = drawGantt(big.ctx, { ...bigScene, scrollLeft: bigScene.scale.x(toDay('2025-11-01') + 500) - 100 });
    expect(Math.abs(stats.rows - small.rows)).toBeLessThanOrEqual(1); // overscan above row 0 is clamped
    expect(stats.rows).toBeLessThanOrEqual(22);
    expect(stats.arrows).toBeLessThanOrEqual(stats.rows + 1);
    expect(stats.bars).toBeGreaterThan(15);
    // titles drawn are the ones around row 10,000 only
    const titles = big.calls.filter((c) => c.op === 'fillText').map((c) => String(c.args[0]));
    expect(titles).toContain('任务t10000');
    expect(titles.some((t) => t === '任务t100' || t === '任务t19999')).toBe(false);
    expect(big.calls.length).toBeLessThan(600);
  });

  it('draws dependency arrows on the canvas for visible edges, critical ones separately', () => {
    const tasks = chain(5);
    const { ctx, calls } = recordingContext();
    const stats = drawGantt(ctx, scene(tasks, { critical: new Set(['t0', 't1']) }));
    expect(stats.arrows).toBe(4);
    expect(calls.filter((c) => c.op === 'stroke').length).toBeGreaterThanOrEqual(2);
  });

  it('draws the moved bar, its old outline and ghosts of shifted dependents', () => {
    const tasks = chain(3);
    const base = recordingContext();
    drawGantt(base.ctx, scene(tasks));
    const moved = recordingContext();
    const s = scene(tasks);
    const start = toDay('2025-11-03');
    drawGantt(moved.ctx, { ...s, preview: { taskId: 't0', start, due: start + 2, ghosts: new Map([['t1', { start: start + 3, due: start + 5 }]]) } });
    const strokes = (calls: typeof base.calls): number => calls.filter((c) => c.op === 'strokeRect').length;
    // old outline + moved-bar outline + ghost outline
    expect(strokes(moved.calls) - strokes(base.calls)).toBe(3);
    const ghostX = s.scale.x(start + 3) + 200 + 0.5;
    expect(moved.calls.some((c) => c.op === 'strokeRect' && c.args[0] === ghostX)).toBe(true);
  });

  it('skips rows scrolled out of view horizontally for bars but keeps labels', () => {
    const tasks = chain(10);
    const s = scene(tasks, { scrollLeft: 50_000 });
    const stats = drawGantt(recordingContext().ctx, s);
    expect(stats.bars).toBe(0);
    expect(stats.rows).toBeGreaterThan(0);
  });
});
