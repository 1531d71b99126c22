#!/usr/bin/env node
/**
 * Gantt benchmark: bundles harness/ (our chart + frappe-gantt) with vite into a temp dir,
 * serves it on localhost, opens it in headless Chromium with puppeteer and prints one JSON
 * line per metric on stdout (progress goes to stderr):
 *   gantt.render5kMs, gantt.render20kMs, gantt.dragFrameMs, gantt.vsFrappeRatio
 * Every measurement runs on a fresh page load; first renders are the median of BENCH_RUNS
 * (default 3) runs, for ours and frappe alike.
 * Env: CHROMIUM (default /usr/lib/chromium/chromium), BENCH_RUNS, BENCH_DRAG_FRAMES (default 60),
 * BENCH_SCREENSHOT=path.png to save what the 5k chart looked like.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import puppeteer from 'puppeteer';
import { median, percentile, round, serveDir } from '../support.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DRAG_FRAMES = Number(process.env.BENCH_DRAG_FRAMES ?? 60);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/lib/chromium/chromium';
const log = (...a) => console.error('[gantt.bench]', ...a);


async function bundle(outDir) {
  await build({
    root: join(here, 'harness'),
    base: './',
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { outDir, emptyOutDir: true, minify: true, sourcemap: false, reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
  });
}

async function main() {
  const tmp = await mkdtemp(join(tmpdir(), 'gantt-bench-'));
  const out = join(tmp, 'dist');
  const profile = join(tmp, 'profile');
  let server;
  let browser;
  try {
    log('bundling harness with vite…');
    await bundle(out);
    server = await serveDir(out);
    const url = `http://127.0.0.1:${server.address().port}/`;
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      userDataDir: profile,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
    page.on('pageerror', (e) => log('page error:', e.message));
    const fresh = async () => {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => window.bench?.ready === true);
    };
    const repeat = async (label, fn) => {
      const values = [];
      for (let i = 0; i < RUNS; i++) {
        await fresh();
        const r = await fn();
        log(`${label} run ${i + 1}: ${round(r.ms)} ms`, JSON.stringify({ ...r, ms: undefined }));
        values.push(r.ms);
      }
      return median(values);
    };

    const ours5k = await repeat('ours 5k', () => page.evaluate(() => window.bench.renderOurs(5000)));
    if (process.env.BENCH_SCREENSHOT) {
      await page.screenshot({ path: process.env.BENCH_SCREENSHOT });
      log('screenshot of the 5k chart:', process.env.BENCH_SCREENSHOT);
    }
    const ours20k = await repeat('ours 20k', () => page.evaluate(() => window.bench.renderOurs(20000)));
    const frappe5k = await repeat('frappe 5k', () => page.evaluate(() => window.bench.renderFrappe(5000)));

    await fresh();
    const d = await page.evaluate((frames) => window.bench.drag(5000, frames), DRAG_FRAMES);
    if (d.moved.length !== 1) throw new Error(`drag did not end in one move request (${d.moved.length})`);
    if (d.ghosts === 0) throw new Error('the drag preview showed no shifted dependents');
    if (d.frameMs.length < DRAG_FRAMES) throw new Error(`only ${d.frameMs.length} frames measured`);
    log(`drag: ${d.frameMs.length} frames, median ${round(median(d.frameMs))} ms, max ${round(Math.max(...d.frameMs))} ms; handler work p95 ${round(percentile(d.workMs, 95), 2)} ms; move request ${JSON.stringify(d.moved[0])}; ghosts drawn ${d.ghosts}`);
    const dragP95 = percentile(d.frameMs, 95);

    const lines = [
      { name: 'gantt.render5kMs', value: round(ours5k), unit: 'ms', budget: 1000, better: 'lower' },
      { name: 'gantt.render20kMs', value: round(ours20k), unit: 'ms', budget: 2000, better: 'lower' },
      { name: 'gantt.dragFrameMs', value: round(dragP95), unit: 'ms', budget: 18, better: 'lower' },
      { name: 'gantt.vsFrappeRatio', value: round(ours5k / frappe5k, 3), unit: 'ratio', budget: 0.5, better: 'lower', baseline: round(frappe5k) },
    ];
    for (const l of lines) process.stdout.write(`${JSON.stringify(l)}\n`);
  } finally {
    await browser?.close();
    server?.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
