/**
 * Maps a table exported from 生意参谋 (CSV or the first sheet of an .xlsx, as rows of text) to
 * captured figures, through the same dictionary labels and number parsing the page readers
 * use, and the same zod schema the store accepts. Exports start with a few title lines
 * (【生意参谋平台】…, 统计日期：…) before the header row; headers carry units (支付金额(元),
 * 支付转化率(%)) and cells carry 万 / % / ¥. Each bad row is reported with its row number and
 * reason and left out; the good rows are kept.
 */
import { isMissingText, parseMetricText } from '../capture/numbers';
import { isPlausible, parseLabel, type MetricDef, type ParsedLabel } from '../metrics/dictionary';
import { capturedMetricSchema, type CapturedMetric } from '../metrics/record';
import { parseCovered, type CoveredDays } from './dates';

const DATE_HEADERS = new Set(['统计日期', '日期', '统计时间', '时间', 'date']);
const ITEM_HEADERS = new Set(['商品ID', '商品id', '宝贝ID', '宝贝id', 'itemid', 'itemId', '商品编号']);
/** How far down the header row may be (title lines above it). */
const HEADER_SEARCH_ROWS = 30;

export interface RowError {
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
  reason: string;
}

export interface ColumnMapping {
  header: string;
  /** The metric code, 'date', 'itemId', or null when the column is ignored. */
  maps: string | null;
}

export interface ImportedRow {
  row: number;
  metrics: CapturedMetric[];
}

export interface TableImport {
  /** Figures from the good rows, each tagged with its row. */
  rows: ImportedRow[];
  errors: RowError[];
  columns: ColumnMapping[];
  /** 1-based row number of the header, or null when none was found. */
  headerRow: number | null;
  dataRows: number;
}

const clean = (s: string | undefined): string => (s ?? '').replace(/[\s\u00a0\u200b\u3000]+/g, ' ').trim();

interface MetricColumn {
  col: number;
  def: MetricDef;
  shownUnit: ParsedLabel['shownUnit'];
  header: string;
}

function findHeader(rows: readonly string[][]): number {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const row = rows[r] ?? [];
    if (row.some((c) => parseLabel(clean(c)) !== null)) return r;
  }
  return -1;
}

/** A `统计日期：2026-11-17~2026-11-23` title line above the header gives the date for every row. */
function preambleDate(rows: readonly string[][], headerIndex: number): CoveredDays | null {
  for (let r = 0; r < headerIndex; r++) {
    for (const cell of rows[r] ?? []) {
      const m = /(?:统计日期|统计时间|日期)\s*[:：]?\s*(.+)$/.exec(clean(cell));
      const covered = m ? parseCovered(m[1]!) : null;
      if (covered) return covered;
    }
  }
  return null;
}

export function mapSycmTable(rows: readonly string[][]): TableImport {
  const headerIndex = findHeader(rows);
  if (headerIndex < 0) {
    return {
      rows: [],
      errors: [{ row: 1, reason: '找不到表头：没有可识别的指标列（如 访客数、支付金额） / no header row with a known metric column' }],
      columns: [],
      headerRow: null,
      dataRows: 0,
    };
  }
  const header = rows[headerIndex] ?? [];
  const columns: ColumnMapping[] = [];
  const metricCols: MetricColumn[] = [];
  const seen = new Set<string>();
  let dateCol = -1;
  let itemCol = -1;
  header.forEach((raw, col) => {
    const h = clean(raw);
    if (dateCol < 0 && DATE_HEADERS.has(h)) {
      dateCol = col;
      columns.push({ header: h, maps: 'date' });
      return;
    }
    if (itemCol < 0 && ITEM_HEADERS.has(h)) {
      itemCol = col;
      columns.push({ header: h, maps: 'itemId' });
      return;
    }
    const parsed = parseLabel(h);
    if (parsed && !seen.has(parsed.def.code)) {
      seen.add(parsed.def.code);
      metricCols.push({ col, def: parsed.def, shownUnit: parsed.shownUnit, header: h });
      columns.push({ header: h, maps: parsed.def.code });
      return;
    }
    columns.push({ header: h, maps: null });
  });

  const fixedDate = dateCol < 0 ? preambleDate(rows, headerIndex) : null;
  const errors: RowError[] = [];
  const good: ImportedRow[] = [];
  if (dateCol < 0 && !fixedDate) {
    errors.push({ row: headerIndex + 1, reason: '缺少“统计日期”列，标题行也没有日期 / no 统计日期 column and no date line above the header' });
    return { rows: [], errors, columns, headerRow: headerIndex + 1, dataRows: 0 };
  }

  let dataRows = 0;
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.every((c) => clean(c) === '')) continue;
    dataRows++;
    const rowNo = r + 1;
    const problems: string[] = [];
    let covered = fixedDate;
    if (dateCol >= 0) {
      const text = clean(row[dateCol]);
      covered = parseCovered(text);
      if (!covered) problems.push(`统计日期“${text.slice(0, 40)}”无法识别 / unreadable date`);
    }
    let itemId: string | null = null;
    if (itemCol >= 0) {
      const text = clean(row[itemCol]).replace(/^'/, '');
      // A blank ID is a shop-level row (our own export writes shop totals that way).
      if (/^\d{5,20}$/.test(text)) itemId = text;
      else if (text !== '') problems.push(`商品ID“${text.slice(0, 40)}”不是数字 / item ID must be digits`);
    }
    // A 合计 row of an item table adds up the listed items: it is not the shop's figure.
    if (row.some((c) => /^(合计|总计|汇总)$/.test(clean(c)))) {
      errors.push({ row: rowNo, reason: '合计行不导入 / total row skipped' });
      continue;
    }
    const metrics: CapturedMetric[] = [];
    for (const mc of metricCols) {
      const text = clean(row[mc.col]);
      if (isMissingText(text)) continue;
      const value = parseMetricText(text.replace(/^'/, ''), mc.def.unit, mc.shownUnit);
      if (value === null) {
        const hint = mc.def.unit === 'rate' && /^[\d.]+$/.test(text) ? '（比率需带 % / a rate needs a % sign）' : '';
        problems.push(`${mc.header}“${text.slice(0, 40)}”不是有效数字${hint} / not a number`);
        continue;
      }
      if (!isPlausible(mc.def, value)) {
        problems.push(`${mc.header}“${text.slice(0, 40)}”超出合理范围 / implausible value`);
        continue;
      }
      if (!covered) continue;
      const parsed = capturedMetricSchema.safeParse({ metric: mc.def.code, value, date: covered.date, period: covered.period, itemId, source: 'import' });
      if (parsed.success) metrics.push(parsed.data);
      else problems.push(`${mc.header}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
    if (problems.length > 0) errors.push({ row: rowNo, reason: problems.join('；') });
    else if (metrics.length === 0) errors.push({ row: rowNo, reason: '这一行没有任何指标数值 / no figures in this row' });
    else good.push({ row: rowNo, metrics });
  }
  return { rows: good, errors, columns, headerRow: headerIndex + 1, dataRows };
}
