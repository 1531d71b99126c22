/**
 * Reads the daily figures a dashboard needs through the metric store (lib/metrics/store.ts owns
 * the table): one range query per dictionary metric across the shop and every item. Finance figures are left out here, in the
 * background, for roles that may not see them: the page never receives them.
 */
import type { ZhangguiDb } from '../db/schema';
import { METRICS } from '../metrics/dictionary';
import type { MetricRecord } from '../metrics/record';
import { lastDateOf, metricAcrossScopes, metricStore } from '../metrics/store';

/** What the dashboard page needs of a record (smaller messages than whole records). */
export type DayRecord = Pick<MetricRecord, 'metric' | 'itemKey' | 'date' | 'value' | 'provisional' | 'capturedAt' | 'period' | 'source'>;

export const MAX_RANGE_DAYS = 800;

export async function dailyRecords(db: ZhangguiDb, shopId: string, from: string, to: string, canSeeFinance: boolean): Promise<DayRecord[]> {
  const codes = METRICS.filter((m) => canSeeFinance || !m.finance).map((m) => m.code);
  const out: DayRecord[] = [];
  await db.transaction('r', metricStore(db), async () => {
    const chunks = await Promise.all(codes.map((code) => metricAcrossScopes(db, shopId, code, 'day', from, to)));
    for (const rows of chunks)
      for (const r of rows) out.push({ metric: r.metric, itemKey: r.itemKey, date: r.date, value: r.value, provisional: r.provisional, capturedAt: r.capturedAt, period: r.period, source: r.source });
  });
  return out;
}

/** The last day with any daily figure the viewer may see (the dashboard opens on it), or null. */
export async function lastDailyDay(db: ZhangguiDb, shopId: string, canSeeFinance: boolean): Promise<string | null> {
  const codes = METRICS.filter((m) => canSeeFinance || !m.finance).map((m) => m.code);
  const lasts = await Promise.all(codes.map((code) => lastDateOf(db, shopId, code, 'day')));
  let last: string | null = null;
  for (const d of lasts) if (d !== null && (last === null || d > last)) last = d;
  return last;
}
