/**
 * Reads the daily figures a dashboard needs straight from `db.metrics` (the metrics area owns
 * writing them): one range query per dictionary metric on [shopId+metric+period+date], which
 * gives the shop's and every item's figures. Finance figures are left out here, in the
 * background, for roles that may not see them: the page never receives them.
 */
import Dexie from 'dexie';
import type { ZhangguiDb } from '../db/schema';
import { METRICS } from '../metrics/dictionary';
import type { MetricRecord } from '../metrics/record';

/** What the dashboard page needs of a record (smaller messages than whole records). */
export type DayRecord = Pick<MetricRecord, 'metric' | 'itemKey' | 'date' | 'value' | 'provisional' | 'capturedAt' | 'period' | 'source'>;

export const MAX_RANGE_DAYS = 800;

export async function dailyRecords(db: ZhangguiDb, shopId: string, from: string, to: string, canSeeFinance: boolean): Promise<DayRecord[]> {
  const codes = METRICS.filter((m) => canSeeFinance || !m.finance).map((m) => m.code);
  const out: DayRecord[] = [];
  await db.transaction('r', db.metrics, async () => {
    const chunks = await Promise.all(
      codes.map((code) =>
        db.metrics
          .where('[shopId+metric+period+date]')
          .between([shopId, code, 'day', from], [shopId, code, 'day', to], true, true)
          .toArray(),
      ),
    );
    for (const rows of chunks)
      for (const r of rows) out.push({ metric: r.metric, itemKey: r.itemKey, date: r.date, value: r.value, provisional: r.provisional, capturedAt: r.capturedAt, period: r.period, source: r.source });
  });
  return out;
}

/** The last day with any daily figure the viewer may see (the dashboard opens on it), or null. */
export async function lastDailyDay(db: ZhangguiDb, shopId: string, canSeeFinance: boolean): Promise<string | null> {
  const codes = METRICS.filter((m) => canSeeFinance || !m.finance).map((m) => m.code);
  const lasts = await Promise.all(
    codes.map((code) =>
      db.metrics
        .where('[shopId+metric+period+date]')
        .between([shopId, code, 'day', Dexie.minKey], [shopId, code, 'day', Dexie.maxKey])
        .last(),
    ),
  );
  let last: string | null = null;
  for (const r of lasts) if (r && (last === null || r.date > last)) last = r.date;
  return last;
}
