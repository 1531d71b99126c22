/**
 * CSV that opens correctly in Excel (zh-CN Windows included): UTF-8 with a BOM (without it
 * Excel reads Chinese as GBK mojibake), CRLF line ends, every field quoted, and text cells that
 * start with = + - @ (or a tab/CR) prefixed with a single quote so Excel never runs them as a
 * formula (CSV injection: an item title like `=HYPERLINK(...)` must stay text).
 * Numbers we computed are written as plain numbers so Excel can sum them.
 */
import type { ItemNames } from '../items/label';
import { metricByCode } from '../metrics/dictionary';
import type { DayIndex } from './day-index';

export const BOM = '\uFEFF';
export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(v: Cell): string {
  if (v === null) return '""';
  if (typeof v === 'number') return Number.isFinite(v) ? `"${String(v)}"` : '""';
  const safe = FORMULA_START.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The whole file, BOM first, one CRLF after every row. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  let out = BOM;
  for (const r of rows) out += `${r.map(csvCell).join(',')}\r\n`;
  return out;
}

/** A canonical value as a spreadsheet shows it: rates as `3.21%`, the rest as numbers. */
export function exportValue(metric: string, value: number | null): Cell {
  if (value === null) return null;
  const unit = metricByCode(metric)?.unit;
  if (unit === 'rate') return `${Number((value * 100).toFixed(4))}%`;
  return Number(value.toFixed(unit === 'count' ? 0 : 2));
}

/**
 * One row per day and item (商品ID empty for shop totals) with a column per metric, headed by
 * the dictionary's Chinese labels: the file reads back through the importer unchanged. With
 * `names` (the item catalog) a 商品名称 column follows 商品ID (the importer ignores it; a title
 * is page text, so it goes through csvCell's formula guard like any text).
 */
export function dailyRowsCsv(index: DayIndex, days: readonly string[], itemKeys: readonly string[], metrics: readonly string[], names?: ItemNames): string {
  const header: Cell[] = ['统计日期', '商品ID', ...(names ? ['商品名称'] : []), ...metrics.map((m) => metricByCode(m)?.labels[0] ?? m)];
  const rows: Cell[][] = [header];
  for (const day of days) {
    for (const item of itemKeys) {
      const values = metrics.map((m) => index.get(m, item, day)?.value ?? null);
      if (values.every((v) => v === null)) continue;
      rows.push([day, item, ...(names ? [item === '' ? '' : (names[item] ?? '')] : []), ...values.map((v, i) => exportValue(metrics[i]!, v))]);
    }
  }
  return toCsv(rows);
}
