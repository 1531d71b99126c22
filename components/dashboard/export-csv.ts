import { dailyRowsCsv } from '@/lib/dashboard/csv';
import { SHOP, type DayIndex } from '@/lib/dashboard/day-index';
import { dayList } from '@/lib/dashboard/days';
import { visibleMetrics } from '@/lib/dashboard/report';
import type { ItemNames } from '@/lib/items/label';
import { METRICS } from '@/lib/metrics/dictionary';
import type { Filters } from './use-dashboard-data';

/** Downloads the filtered daily figures as an Excel-ready CSV (finance columns only when visible). */
export function downloadCsv(index: DayIndex, filters: Filters, financeVisible: boolean, names: ItemNames = {}): void {
  const metrics = visibleMetrics(
    METRICS.map((m) => m.code),
    financeVisible,
  );
  const scopes = filters.itemId ? [filters.itemId] : [SHOP, ...index.items()];
  const csv = dailyRowsCsv(index, dayList(filters), scopes, metrics, names);
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `掌柜数据_${filters.itemId ?? '全店'}_${filters.from}_${filters.to}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
