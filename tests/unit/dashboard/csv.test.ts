import { describe, expect, it } from 'vitest';
import { BOM, csvCell, dailyRowsCsv, toCsv } from '@/lib/dashboard/csv';
import { DayIndex } from '@/lib/dashboard/day-index';
import { parseCsv } from '@/lib/import/csv-parse';
import { mapSycmTable } from '@/lib/import/sycm-table';
import { rec } from './helpers';

describe('CSV for Excel', () => {
  it('starts with a BOM, ends rows with CRLF, quotes every field', () => {
    const csv = toCsv([
      ['统计日期', '支付金额'],
      ['2026-11-23', 1234.5],
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}"统计日期","支付金额"\r\n"2026-11-23","1234.5"\r\n`);
  });

  it('escapes quotes, keeps commas and line breaks inside fields', () => {
    expect(csvCell('a "b", c\nd')).toBe('"a ""b"", c\nd"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('""');
  });

  it('defuses formulas: text starting with = + - @ (or tab/CR) gets a leading quote', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1')).toBe('"\'+1"');
    expect(csvCell('-cmd')).toBe('"\'-cmd"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('\t=1')).toBe('"\'\t=1"');
    expect(csvCell('北欧=餐桌')).toBe('"北欧=餐桌"');
    // Numbers we computed stay numbers (a negative change is not a formula).
    expect(csvCell(-0.5)).toBe('"-0.5"');
  });

  it('exports daily rows that read back through the importer unchanged', () => {
    const index = new DayIndex(
      [rec('payAmt', '2026-11-23', 1234.56), rec('payRate', '2026-11-23', 0.0321), rec('uv', '2026-11-23', 12000), rec('uv', '2026-11-23', 80, '700000000001'), rec('payRate', '2026-11-24', 0.05, '700000000001')],
      '2026-11-29',
    );
    const csv = dailyRowsCsv(index, ['2026-11-23', '2026-11-24'], ['', '700000000001'], ['payAmt', 'uv', 'payRate']);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['统计日期', '商品ID', '支付金额', '访客数', '支付转化率']);
    expect(rows.slice(1)).toEqual([
      ['2026-11-23', '', '1234.56', '12000', '3.21%'],
      ['2026-11-23', '700000000001', '', '80', ''],
      ['2026-11-24', '700000000001', '', '', '5%'],
    ]);
    // Shop rows (empty 商品ID) and item rows import as they were.
    const back = mapSycmTable(rows);
    expect(back.errors).toEqual([]);
    expect(back.rows.flatMap((r) => r.metrics).map((m) => [m.metric, m.itemId, m.date, m.value])).toEqual([
      ['payAmt', null, '2026-11-23', 1234.56],
      ['uv', null, '2026-11-23', 12000],
      ['payRate', null, '2026-11-23', 0.0321],
      ['uv', '700000000001', '2026-11-23', 80],
      ['payRate', '700000000001', '2026-11-24', 0.05],
    ]);
  });
});
