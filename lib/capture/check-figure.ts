/**
 * A zod-free check of one captured figure, for the content-script path: lib/capture runs on the
 * host page's main thread and must not pull zod into the content bundle. It checks the same
 * contract as capturedMetricSchema (lib/metrics/record.ts); the background validates again with
 * zod when the figures arrive (lib/metrics/messages.ts), so this is a first filter, not the gate.
 */
import { isPlausible, metricByCode } from '../metrics/dictionary';
import type { CapturedMetric } from '../metrics/record';

const PERIODS = new Set(['day', 'week', 'month', 'realtime']);
const SOURCES = new Set(['dom', 'response', 'import']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ITEM_ID = /^\d{5,20}$/;

/** A page repeats a few dates hundreds of times: remember the answers (bounded). */
const dateCache = new Map<string, boolean>();

function realDate(s: string): boolean {
  const hit = dateCache.get(s);
  if (hit !== undefined) return hit;
  let ok = ISO_DATE.test(s);
  if (ok) {
    const t = Date.parse(`${s}T00:00:00Z`);
    ok = !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
  }
  if (dateCache.size > 1000) dateCache.clear();
  dateCache.set(s, ok);
  return ok;
}

/** Why a figure is not a valid CapturedMetric, or null when it is one. */
export function figureProblem(f: CapturedMetric): string | null {
  if (typeof f.metric !== 'string' || f.metric.length < 1 || f.metric.length > 40) return 'bad metric code';
  const def = metricByCode(f.metric);
  if (!def) return `unknown metric ${f.metric.slice(0, 40)}`;
  if (typeof f.value !== 'number' || !Number.isFinite(f.value)) return 'value is not a finite number';
  if (!isPlausible(def, f.value)) return `implausible value ${f.value}`;
  if (typeof f.date !== 'string' || !realDate(f.date)) return 'invalid date';
  if (!PERIODS.has(f.period)) return 'invalid period';
  if (f.itemId !== null && (typeof f.itemId !== 'string' || !ITEM_ID.test(f.itemId))) return 'invalid item ID';
  if (!SOURCES.has(f.source)) return 'invalid source';
  return null;
}

/** The figure with only the contract's fields (readers attach `origin`, which never leaves). */
export function contractFields(f: CapturedMetric): CapturedMetric {
  return { metric: f.metric, value: f.value, date: f.date, period: f.period, itemId: f.itemId, source: f.source };
}
