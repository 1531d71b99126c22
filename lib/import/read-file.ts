/**
 * A chosen file → rows of cell text. .xlsx (a zip: starts with "PK") goes through the minimal
 * xlsx reader; anything else is read as CSV text, UTF-8 (with or without BOM) or, when it is
 * not valid UTF-8, GB18030 (what Excel on zh-CN Windows writes for "CSV").
 */
import { parseCsv } from './csv-parse';
import { readXlsx } from './xlsx';
import type { InflateRaw } from './zip';

export const MAX_FILE_BYTES = 30 * 1024 * 1024;

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export async function readTableFile(name: string, bytes: Uint8Array, inflateRaw: InflateRaw): Promise<string[][]> {
  if (bytes.length > MAX_FILE_BYTES) throw new Error(`文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB / file too large`);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) return readXlsx(bytes, inflateRaw);
  if (/\.xls$/i.test(name) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    throw new Error('不支持旧版 .xls，请在 Excel 中另存为 .xlsx 或 CSV / old .xls is not supported: save as .xlsx or CSV');
  }
  return parseCsv(decodeText(bytes));
}
