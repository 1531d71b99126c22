/**
 * Runs inside an extension page of the built extension (real Chromium IndexedDB): the metric
 * store's own ingest (zod validation + one read-modify-write transaction per batch) and queries, against a
 * database of its own so no real data is touched. Bundled by metrics.bench.mjs.
 */
import './jitless';
import Dexie from 'dexie';
import { ZhangguiDb } from '@/lib/db/schema';
import { METRICS } from '@/lib/metrics/dictionary';
import type { MetricRecord } from '@/lib/metrics/record';
import { countFigures, ingestFigures, putRecords, scopeRange, series, seriesMany, toRecords } from '@/lib/metrics/store';

const SHOP = 'bench-shop';
const TODAY = '2026-11-29';
const CODES = METRICS.slice(0, 20).map((m) => m.code);
const START = Date.parse('2025-11-30T00:00:00Z');
const DAYS = 365;
const day = (i: number): string => new Date(START + i * 86_400_000).toISOString().slice(0, 10);
const itemOf = (i: number): string => String(700_000_000_000 + i);

let db: ZhangguiDb | null = null;

async function fresh(name: string): Promise<ZhangguiDb> {
  await Dexie.delete(name);
  return new ZhangguiDb(name);
}

/** Figures of one item: 20 metrics × 365 days (7 300). Rates stay below 1, counts whole. */
function figuresOf(item: number): unknown[] {
  const out: unknown[] = [];
  const itemId = itemOf(item);
  for (let d = 0; d < DAYS; d++) {
    const date = day(d);
    for (let m = 0; m < CODES.length; m++) {
      const code = CODES[m]!;
      const unit = METRICS[m]!.unit;
      const value = unit === 'rate' ? ((d + m + item) % 97) / 1000 : unit === 'count' ? (d * 7 + m + item) % 5000 : ((d + m) % 1000) * 1.5;
      out.push({ metric: code, value, date, period: 'day', itemId, source: 'import' });
    }
  }
  return out;
}

/** A fresh bench database (the caller then ingests item by item, so no single call runs for minutes). */
export async function reset(): Promise<void> {
  db?.close();
  db = await fresh('zg-bench-metrics');
}

/** Ingests the first `count` figures of one item in batches; returns the time spent in the store. */
export async function ingestItem(item: number, count: number, batch: number): Promise<{ ms: number; validateMs: number; stored: number }> {
  if (!db) throw new Error('reset first');
  const all = figuresOf(item).slice(0, count);
  let stored = 0;
  let ms = 0;
  let validateMs = 0;
  // Generating the rows is not ingest: only the store's work is timed. ingestFigures is exactly
  // toRecords then putRecords; called apart here to report how much of it is validation.
  for (let i = 0; i < all.length; i += batch) {
    const chunk = all.slice(i, i + batch);
    const t0 = performance.now();
    const r = toRecords({ shopId: SHOP, figures: chunk, capturedAt: Date.now(), today: TODAY });
    const t1 = performance.now();
    await putRecords(db, r.records);
    ms += performance.now() - t0;
    validateMs += t1 - t0;
    stored += r.stored;
    if (r.rejected.length) throw new Error(`rejected: ${r.rejected[0]!.reason}`);
  }
  return { ms, validateMs, stored };
}

export const ROWS_PER_ITEM = CODES.length * DAYS;

/** The naive way: validate and put one row per transaction. */
export async function naive(rows: number): Promise<{ rows: number; ms: number }> {
  const naiveDb = await fresh('zg-bench-naive');
  const all = figuresOf(0).slice(0, rows);
  const t0 = performance.now();
  for (const f of all) {
    const r = await ingestFigures(naiveDb, { shopId: SHOP, figures: [f], capturedAt: Date.now(), today: TODAY });
    if (r.stored !== 1) throw new Error('not stored');
  }
  const ms = performance.now() - t0;
  naiveDb.close();
  await Dexie.delete('zg-bench-naive');
  return { rows, ms };
}

/** One year of daily figures for all 20 metrics of one item (seriesMany), `runs` times; also through the item index, and one metric's year. */
export async function query(runs: number, item: number): Promise<{ year: number[]; byIndex: number[]; oneMetric: number[]; rows: number; total: number }> {
  if (!db) throw new Error('ingest first');
  const year: number[] = [];
  const byIndex: number[] = [];
  const oneMetric: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r: MetricRecord[] = await seriesMany(db, { shopId: SHOP, metrics: CODES, itemId: itemOf(item), period: 'day', from: day(0), to: day(DAYS - 1) });
    year.push(performance.now() - t0);
    rows = r.length;
    const t2 = performance.now();
    await scopeRange(db, SHOP, itemOf(item), day(0), day(DAYS - 1));
    byIndex.push(performance.now() - t2);
    const t1 = performance.now();
    await series(db, { shopId: SHOP, metric: CODES[i % CODES.length]!, itemId: itemOf(item), from: day(0), to: day(DAYS - 1) });
    oneMetric.push(performance.now() - t1);
  }
  return { year, byIndex, oneMetric, rows, total: await countFigures(db) };
}

export async function cleanup(): Promise<void> {
  db?.close();
  db = null;
  await Dexie.delete('zg-bench-metrics');
}

