import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/import/csv-parse';
import { parseCovered, parseDay } from '@/lib/import/dates';
import { mapSycmTable } from '@/lib/import/sycm-table';
import { readXlsx } from '@/lib/import/xlsx';
import { nodeInflate } from './inflate';
import { xlsx } from './zip-writer';

const figures = (t: ReturnType<typeof mapSycmTable>): [string, string | null, string, number, string][] =>
  t.rows.flatMap((r) => r.metrics.map((m) => [m.metric, m.itemId, m.date, m.value, m.period] as [string, string | null, string, number, string]));

describe('CSV parsing', () => {
  it('reads quoted fields, escaped quotes, line breaks in quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,"b,1","c ""q"""\r\n"multi\nline",2,\r\n')).toEqual([
      ['a', 'b,1', 'c "q"'],
      ['multi\nline', '2', ''],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('dates in exports', () => {
  it('reads the date forms Sycm and Excel use, and the period a range covers', () => {
    expect(parseDay('2026/11/3')).toBe('2026-11-03');
    expect(parseDay('20261123')).toBe('2026-11-23');
    expect(parseDay('2026年11月23日')).toBe('2026-11-23');
    expect(parseDay('46000')).toBe('2025-12-09');
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseCovered('2026-11-17~2026-11-23')).toBeNull(); // Tuesday–Monday is not a Sycm week
    expect(parseCovered('2026-11-16~2026-11-22')).toEqual({ date: '2026-11-22', period: 'week' });
    expect(parseCovered('2026-11-01 至 2026-11-30')).toEqual({ date: '2026-11-30', period: 'month' });
    expect(parseCovered('2026-11-23~2026-11-23')).toEqual({ date: '2026-11-23', period: 'day' });
  });
});

describe('mapping a Sycm export', () => {
  it('finds the header below the title lines, maps Chinese headers with units, reports each bad row and keeps the good ones', () => {
    const csv = [
      '【生意参谋平台】商品排行',
      '统计日期：2026-11-17~2026-11-23',
      '统计日期,商品名称,商品ID,商品访客数,支付金额(元),支付转化率,加购人数,平均停留时长,支付金额(万元)',
      '2026-11-23,北欧餐桌,700000000001,"1,200",¥1234.50,3.21%,1.2万,38.5,0.5',
      '2026-11-23,岩板茶几,700000000002,-,--,0.00%,0,1分20秒,',
      '2026-11-23,坏行,70000000000x,10,10,1%,1,1,',
      '2026-13-01,坏日期,700000000003,10,10,1%,1,1,',
      '2026-11-23,无百分号,700000000003,10,10,3.21,1,1,',
      '2026-11-23,负数,700000000003,-5,10,1%,1,1,',
      '2026-11-23,=HYPERLINK("x"),700000000004,abc,10,1%,1,1,',
      '',
      '合计,,,1210,1244.5,,,,',
    ].join('\r\n');
    const t = mapSycmTable(parseCsv(csv));
    expect(t.headerRow).toBe(3);
    expect(t.columns.map((c) => c.maps)).toEqual(['date', null, 'itemId', 'itmUv', 'payAmt', 'payRate', 'cartByrCnt', 'stayTime', null]);
    expect(figures(t)).toEqual([
      ['itmUv', '700000000001', '2026-11-23', 1200, 'day'],
      ['payAmt', '700000000001', '2026-11-23', 1234.5, 'day'],
      ['payRate', '700000000001', '2026-11-23', 0.0321, 'day'],
      ['cartByrCnt', '700000000001', '2026-11-23', 12000, 'day'],
      ['stayTime', '700000000001', '2026-11-23', 38.5, 'day'],
      // Missing cells (- and --) are left out, never stored as 0; real zeros are kept.
      ['payRate', '700000000002', '2026-11-23', 0, 'day'],
      ['cartByrCnt', '700000000002', '2026-11-23', 0, 'day'],
      ['stayTime', '700000000002', '2026-11-23', 80, 'day'],
    ]);
    expect(t.rows.every((r) => r.metrics.every((m) => m.source === 'import'))).toBe(true);
    expect(t.errors.map((e) => e.row)).toEqual([6, 7, 8, 9, 10, 12]);
    expect(t.errors[0]!.reason).toContain('商品ID');
    expect(t.errors[1]!.reason).toContain('统计日期');
    expect(t.errors[2]!.reason).toContain('a rate needs a % sign');
    expect(t.errors[3]!.reason).toContain('商品访客数');
    expect(t.errors[4]!.reason).toContain('商品访客数“abc”');
    expect(t.errors[5]!.reason).toContain('合计');
    expect(t.dataRows).toBe(8); // the blank line is not a row
  });

  it('takes the date from the title line when there is no date column, with the period it covers', () => {
    const t = mapSycmTable(parseCsv('统计日期：2026-11-16~2026-11-22\n商品ID,访客数,支付转化率(%)\n700000000001,500,2.5\n'));
    expect(t.errors).toEqual([]);
    expect(figures(t)).toEqual([
      ['uv', '700000000001', '2026-11-22', 500, 'week'],
      ['payRate', '700000000001', '2026-11-22', 0.025, 'week'],
    ]);
  });

  it('explains what is missing when a file has no known header or no date', () => {
    expect(mapSycmTable(parseCsv('name,price\nx,1')).errors[0]!.reason).toContain('找不到表头');
    expect(mapSycmTable(parseCsv('商品ID,访客数\n700000000001,5')).errors[0]!.reason).toContain('缺少“统计日期”列');
  });

  it('imports an .xlsx export the same way (percent-formatted cells, Excel serial dates)', async () => {
    const file = xlsx([
      ['【生意参谋平台】店铺概况'],
      ['统计日期', '访客数', '支付买家数', '支付转化率', '支付金额'],
      [46349, 1200, 30, { n: 0.025, style: 1 }, '1.26万'],
      ['2026-11-24', 1300, 'x', { n: 0.03, style: 2 }, 5000],
    ]);
    const t = mapSycmTable(await readXlsx(file, nodeInflate));
    expect(figures(t)).toEqual([
      ['uv', null, '2026-11-23', 1200, 'day'],
      ['payByrCnt', null, '2026-11-23', 30, 'day'],
      ['payRate', null, '2026-11-23', 0.025, 'day'],
      ['payAmt', null, '2026-11-23', 12600, 'day'],
    ]);
    expect(t.errors).toEqual([{ row: 4, reason: expect.stringContaining('支付买家数“x”') }]);
  });
});

describe('reading a chosen file', () => {
  it('reads UTF-8 with BOM, GB18030 (Excel zh-CN "CSV") and .xlsx by content; refuses old .xls', async () => {
    const { readTableFile } = await import('@/lib/import/read-file');
    const utf8 = new TextEncoder().encode('\uFEFF统计日期,访客数\r\n2026-11-23,5\r\n');
    expect(await readTableFile('a.csv', utf8, nodeInflate)).toEqual([['统计日期', '访客数'], ['2026-11-23', '5']]);
    // "统计日期,访客数" in GBK.
    const gbk = new Uint8Array([0xcd, 0xb3, 0xbc, 0xc6, 0xc8, 0xd5, 0xc6, 0xda, 0x2c, 0xb7, 0xc3, 0xbf, 0xcd, 0xca, 0xfd]);
    expect(await readTableFile('a.csv', gbk, nodeInflate)).toEqual([['统计日期', '访客数']]);
    expect(await readTableFile('export.bin', xlsx([['访客数'], [5]]), nodeInflate)).toEqual([['访客数'], ['5']]);
    await expect(readTableFile('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), nodeInflate)).rejects.toThrow(/xlsx/);
  });
});
