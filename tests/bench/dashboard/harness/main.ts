/**
 * Benchmark page: the dashboard's chart configuration (lib/dashboard/charts.ts dailyChart, the
 * same builder and chart.js registration the extension page uses) for 12 charts of 365 days ×
 * 3 series. "Render" is from before the first chart is created until the first frame after
 * all 12 have been painted (rAF, then a message posted from it). Data generation is not timed:
 * the page gets its series from the background already indexed.
 */
import { Chart } from '../../../../components/dashboard/chart-setup';
import { dailyChart } from '../../../../lib/dashboard/charts';

const CHARTS = 12;
const DAYS = 365;
const SERIES = 3;

function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(0);
    });
  });
}

function days(): string[] {
  const out: string[] = [];
  const start = Date.UTC(2025, 11, 1);
  for (let i = 0; i < DAYS; i++) out.push(new Date(start + i * 86_400_000).toISOString().slice(0, 10));
  return out;
}

/** Deterministic wavy series with a few gaps (missing days), like real captured data. */
function series(chart: number, s: number): (number | null)[] {
  const out: (number | null)[] = [];
  let seed = chart * 7919 + s * 104729 + 1;
  for (let i = 0; i < DAYS; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const noise = (seed / 0x7fffffff - 0.5) * 200;
    out.push(i % 53 === 17 ? null : 1000 + s * 300 + 400 * Math.sin((i + chart * 11) / 9) + noise);
  }
  return out;
}

const host = document.getElementById('host') as HTMLDivElement;
const labels = days();
const configs = Array.from({ length: CHARTS }, (_, c) =>
  dailyChart(
    labels,
    Array.from({ length: SERIES }, (_, s) => ({ label: `series ${s + 1}`, values: series(c, s) })),
    'payAmt',
    `chart ${c + 1}`,
  ),
);

async function render(): Promise<{ ms: number; syncMs: number; charts: number; points: number; painted: number }> {
  await afterPaint();
  const canvases = configs.map(() => {
    const box = document.createElement('div');
    const canvas = document.createElement('canvas');
    box.append(canvas);
    host.append(box);
    return canvas;
  });
  // Counted before drawing: decimation swaps a drawn dataset's data for its samples.
  const points = configs.reduce((n, c) => n + c.data.datasets.reduce((m, ds) => m + ds.data.length, 0), 0);
  await afterPaint();
  const t0 = performance.now();
  const charts = canvases.map((cv, i) => new Chart(cv, configs[i] as never));
  const sync = performance.now() - t0;
  const t1 = await afterPaint();
  let painted = 0;
  for (const cv of canvases) {
    const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data;
    let ink = 0;
    for (let i = 3; i < d.length; i += 4 * 11) if (d[i]! > 0) ink++;
    if (ink > 100) painted++;
  }
  return { ms: t1 - t0, syncMs: sync, charts: charts.length, points, painted };
}

(window as unknown as { bench: unknown }).bench = { ready: true, render };
