#!/usr/bin/env node
/**
 * Metric store benchmarks in real Chromium IndexedDB, inside an extension page of the built
 * extension (the background's origin, as in production). Prints one JSON line per metric:
 *   metrics.ingestRowsPerSec  1,000,000 rows through the store's ingest (zod validation + one read-
 *                             modify-write transaction of the touched month buckets per batch);
 *                             baseline = the naive one ingest (one transaction) per row,
 *                             measured on BENCH_NAIVE_ROWS rows
 *   metrics.rangeQueryP95Ms   one year of daily figures for 20 metrics of one item
 *                             (7,300 records) at 1M rows, p95 over BENCH_QUERY_RUNS runs
 * Env: ZG_METRICS_ROWS or BENCH_ROWS (default 1000000; e.g. 150000 for a quick local run, at least
 *      14600 for the year query), BENCH_BATCH (default 10000), BENCH_NAIVE_ROWS (default 5000).
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchWithExtension } from '../../support/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const ROWS = Number(process.env.ZG_METRICS_ROWS ?? process.env.BENCH_ROWS ?? 1_000_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);
const NAIVE_ROWS = Number(process.env.BENCH_NAIVE_ROWS ?? 5_000);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 40);
const log = (...a) => console.error('[metrics.bench]', ...a);
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

const bundled = await build({
  entryPoints: [path.join(here, 'harness.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: '__zgBench',
  platform: 'browser',
  target: 'chrome120',
  minify: true,
  alias: { '@': root },
  logLevel: 'warning',
});
const code = bundled.outputFiles[0].text;

const { browser, extensionId, close } = await launchWithExtension(process.env.BENCH_EXTENSION_DIR ? { extensionDir: process.env.BENCH_EXTENSION_DIR } : {});
try {
  const page = await browser.newPage();
  // Any page of ours gives the extension origin; the KPI page without parameters stays idle.
  await page.goto(`chrome-extension://${extensionId}/kpi.html`);
  await page.evaluate(code); // CDP evaluation: not subject to the page's CSP
  page.setDefaultTimeout(0);
  const t0 = Date.now();
  const naive = await page.evaluate((n) => globalThis.__zgBench.naive(n), NAIVE_ROWS);
  const naivePerSec = naive.rows / (naive.ms / 1000);
  log(`naive: ${naive.rows} rows in ${naive.ms.toFixed(0)} ms`);
  await page.evaluate(() => globalThis.__zgBench.reset());
  const perItem = await page.evaluate(() => globalThis.__zgBench.ROWS_PER_ITEM);
  const ingest = { rows: ROWS, ms: 0, validateMs: 0, stored: 0 };
  for (let item = 0; item * perItem < ROWS; item++) {
    const count = Math.min(perItem, ROWS - item * perItem);
    const r = await page.evaluate((it, n, b) => globalThis.__zgBench.ingestItem(it, n, b), item, count, BATCH);
    ingest.ms += r.ms;
    ingest.validateMs += r.validateMs;
    ingest.stored += r.stored;
    if (item % 20 === 19) log(`${ingest.stored} rows, ${Math.round(ingest.stored / (ingest.ms / 1000))} rows/s so far`);
  }
  if (ingest.stored !== ROWS) throw new Error(`stored ${ingest.stored} of ${ROWS}`);
  log(`ingest: ${ingest.rows} rows in ${ingest.ms.toFixed(0)} ms, of which validation ${ingest.validateMs.toFixed(0)} ms (batches of ${BATCH}, machine load ${os.loadavg()[0].toFixed(1)})`);
  console.log(JSON.stringify({ name: 'metrics.ingestRowsPerSec', value: Math.round(ingest.rows / (ingest.ms / 1000)), unit: 'rows/s', budget: 50_000, better: 'higher', baseline: Math.round(naivePerSec) }));
  const item = Math.min(50, Math.floor(ROWS / 7300) - 1); // a full year of one item, mid-way through the data
  const q = await page.evaluate((runs, it) => globalThis.__zgBench.query(runs, it), QUERY_RUNS, item);
  log(`query: ${q.rows} records per year query at ${q.total} rows; all periods through the [shopId+itemKey+month] index (scopeRange) p95 ${percentile(q.byIndex, 95).toFixed(1)} ms; one metric p95 ${percentile(q.oneMetric, 95).toFixed(1)} ms`);
  if (q.rows !== 7300) throw new Error(`expected 7300 records, got ${q.rows}`);
  console.log(JSON.stringify({ name: 'metrics.rangeQueryP95Ms', value: +percentile(q.year, 95).toFixed(1), unit: 'ms', budget: 60, better: 'lower' }));
  await page.evaluate(() => globalThis.__zgBench.cleanup());
  log(`total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
} finally {
  await close();
}
