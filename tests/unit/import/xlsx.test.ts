import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { columnIndex, readXlsx } from '@/lib/import/xlsx';
import { inflateRawInBrowser, listEntries, readEntry, ZipError } from '@/lib/import/zip';
import { nodeInflate } from './inflate';
import { xlsx, zip } from './zip-writer';

describe('zip reader', () => {
  it('lists and reads stored and deflated entries', async () => {
    for (const store of [true, false]) {
      const z = zip({ 'a.txt': 'hello 你好', 'dir/b.xml': '<x/>'.repeat(100) }, { store });
      const entries = listEntries(z);
      expect(entries.map((e) => e.name)).toEqual(['a.txt', 'dir/b.xml']);
      expect(new TextDecoder().decode(await readEntry(z, entries[0]!, nodeInflate))).toBe('hello 你好');
      expect(new TextDecoder().decode(await readEntry(z, entries[1]!, nodeInflate))).toBe('<x/>'.repeat(100));
    }
  });

  it('refuses what is not a zip, and truncated files, with a clear error', async () => {
    expect(() => listEntries(new TextEncoder().encode('统计日期,访客数\n2026-11-23,5'))).toThrow(ZipError);
    expect(() => listEntries(new Uint8Array(10))).toThrow(/not a zip/);
    const z = zip({ 'a.txt': 'x'.repeat(1000) });
    const cut = z.slice(0, 40);
    // Keep the directory but cut the data: the entry is reported truncated.
    const entries = listEntries(z);
    const broken = new Uint8Array(z);
    broken.set([0, 0, 0, 0], 0); // local header signature gone
    await expect(readEntry(broken, entries[0]!, nodeInflate)).rejects.toThrow(/corrupt entry/);
    expect(() => listEntries(cut)).toThrow(ZipError);
  });

  it('stops a zip bomb at the size cap instead of inflating it all', async () => {
    const bomb = deflateRawSync(Buffer.alloc(5_000_000));
    await expect(inflateRawInBrowser(new Uint8Array(bomb), 1_000_000)).rejects.toThrow(/too large/);
    expect((await inflateRawInBrowser(new Uint8Array(bomb), 6_000_000)).length).toBe(5_000_000);
  });
});

describe('xlsx reader', () => {
  it('reads the first sheet through the workbook relationships: shared strings, rich text, numbers, percent styles, inline strings, gaps', async () => {
    const file = xlsx([
      ['【生意参谋平台】商品排行'],
      ['统计日期', '商品ID', '访客数', '支付转化率', '支付金额', '备注'],
      [{ inline: '2026-11-23' }, '700000000001', 1200, { n: 0.0321, style: 1 }, 1234.5, 'a < b & "c"'],
      ['2026-11-24', '700000000001', 1300, { n: 0.045, style: 2 }, null, null],
      [],
      [46000, '700000000002', 0.1 + 0.2, { n: 0.5, style: 3 }],
    ]);
    const rows = await readXlsx(file, nodeInflate);
    expect(rows).toEqual([
      ['【生意参谋平台】商品排行'],
      ['统计日期', '商品ID', '访客数', '支付转化率', '支付金额', '备注'],
      ['2026-11-23', '700000000001', '1200', '3.21%', '1234.5', 'a < b & "c"'],
      ['2026-11-24', '700000000001', '1300', '4.5%'],
      [],
      ['46000', '700000000002', '0.3', '0.5'],
    ]);
  });

  it('works with the browser inflater too (DecompressionStream deflate-raw)', async () => {
    const rows = await readXlsx(xlsx([['统计日期', '访客数'], ['2026-11-23', 5]]), inflateRawInBrowser);
    expect(rows).toEqual([['统计日期', '访客数'], ['2026-11-23', '5']]);
  });

  it('refuses a sheet that claims a row a million lines down instead of allocating up to it', async () => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const file = zip({
      'xl/workbook.xml': `<workbook ${ns}><sheets><sheet name="a" sheetId="1"/></sheets></workbook>`,
      'xl/worksheets/sheet1.xml': `<worksheet ${ns}><sheetData><row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`,
    });
    await expect(readXlsx(file, nodeInflate)).rejects.toThrow(/more than 200000 rows/);
  });

  it('gives a clear error for a zip that is not a workbook', async () => {
    await expect(readXlsx(zip({ 'word/document.xml': '<w/>' }), nodeInflate)).rejects.toThrow(/not an .xlsx workbook/);
  });

  it('maps cell references to columns', () => {
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('Z9')).toBe(25);
    expect(columnIndex('AA10')).toBe(26);
    expect(columnIndex('AB7')).toBe(27);
  });
});
