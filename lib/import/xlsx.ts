/**
 * Reads the first worksheet of an .xlsx into rows of cell text, as a person sees them:
 * shared and inline strings, numbers, booleans; numbers formatted as percentages come back
 * as `3.21%` so a rate column reads the same as in a CSV export. Formulas are never
 * evaluated: a formula cell gives its cached value.
 */
import { MAX_ROWS } from './csv-parse';
import { closeOf, decodeEntities, tags, textOf } from './xml';
import { readTextEntries, ZipError, type InflateRaw } from './zip';

export const MAX_SHEET_CELLS = 2_000_000;

/** `A1` → 0, `AB7` → 27. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function resolveTarget(target: string): string {
  const t = target.replace(/^\//, '');
  return (t.startsWith('xl/') ? t : `xl/${t}`).replace(/\/\.\//g, '/');
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const si of tags(xml, 'si')) out.push(si.selfClosing ? '' : textOf(xml, si.end, closeOf(xml, si)));
  return out;
}

/** Style index → whether its number format shows a percentage. */
function percentStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<string, boolean>();
  for (const f of tags(xml, 'numFmt')) custom.set(f.attrs.numFmtId ?? '', (f.attrs.formatCode ?? '').replace(/"[^"]*"|\\./g, '').includes('%'));
  const start = xml.search(/<(?:\w+:)?cellXfs[\s>]/);
  if (start < 0) return [];
  const end = xml.indexOf('cellXfs>', start + 8);
  const out: boolean[] = [];
  for (const xf of tags(xml, 'xf', start, end < 0 ? xml.length : end)) {
    const id = xf.attrs.numFmtId ?? '0';
    out.push(id === '9' || id === '10' || custom.get(id) === true);
  }
  return out;
}

function numberText(v: string, percent: boolean): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return v;
  // Round away binary noise (0.032100000000000004) without losing real digits.
  const clean = (x: number): string => String(Number(x.toPrecision(12)));
  return percent ? `${clean(n * 100)}%` : clean(n);
}

/** Rows of the first sheet (empty cells are ''), trailing empty cells trimmed. */
export async function readXlsx(bytes: Uint8Array, inflateRaw: InflateRaw): Promise<string[][]> {
  const head = await readTextEntries(bytes, ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'], inflateRaw);
  const workbook = head.get('xl/workbook.xml');
  if (!workbook) throw new ZipError('不是 Excel 工作簿 / not an .xlsx workbook (no xl/workbook.xml)');
  let sheetPath = 'xl/worksheets/sheet1.xml';
  const first = tags(workbook, 'sheet').next();
  const rid = first.done ? undefined : (first.value.attrs['r:id'] ?? Object.entries(first.value.attrs).find(([k]) => k.endsWith(':id'))?.[1]);
  const rels = head.get('xl/_rels/workbook.xml.rels');
  if (rid && rels) {
    for (const r of tags(rels, 'Relationship')) if (r.attrs.Id === rid && r.attrs.Target) sheetPath = resolveTarget(r.attrs.Target);
  }
  const sheet = (await readTextEntries(bytes, [sheetPath], inflateRaw)).get(sheetPath.toLowerCase());
  if (sheet === undefined) throw new ZipError(`找不到工作表 / worksheet missing: ${sheetPath}`);
  const strings = sharedStrings(head.get('xl/sharedstrings.xml'));
  const percent = percentStyles(head.get('xl/styles.xml'));

  const rows: string[][] = [];
  let cells = 0;
  let nextRow = 0;
  for (const row of tags(sheet, 'row')) {
    const rowIndex = row.attrs.r ? Number(row.attrs.r) - 1 : nextRow;
    if (!Number.isInteger(rowIndex) || rowIndex < 0) continue;
    // A row number far down the sheet would make us allocate every row above it.
    if (rowIndex >= MAX_ROWS) throw new ZipError(`工作表超过 ${MAX_ROWS} 行 / more than ${MAX_ROWS} rows`);
    nextRow = rowIndex + 1;
    const out: string[] = [];
    if (!row.selfClosing) {
      const rowEnd = closeOf(sheet, row);
      let nextCol = 0;
      for (const c of tags(sheet, 'c', row.end, rowEnd < 0 ? sheet.length : rowEnd)) {
        if (++cells > MAX_SHEET_CELLS) throw new ZipError('工作表过大 / worksheet too large');
        const col = c.attrs.r ? columnIndex(c.attrs.r) : nextCol;
        if (col < 0 || col > 16_383) continue;
        nextCol = col + 1;
        let text = '';
        if (!c.selfClosing) {
          const cEnd = closeOf(sheet, c);
          const inner = sheet.slice(c.end, cEnd);
          const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
          switch (c.attrs.t) {
            case 's':
              text = strings[Number(v)] ?? '';
              break;
            case 'inlineStr':
              text = textOf(inner, 0, inner.length);
              break;
            case 'str':
            case 'e':
              text = decodeEntities(v ?? '');
              break;
            case 'b':
              text = v === '1' ? 'TRUE' : 'FALSE';
              break;
            default:
              text = v === undefined ? '' : numberText(decodeEntities(v), percent[Number(c.attrs.s ?? 0)] === true);
          }
        }
        while (out.length < col) out.push('');
        out[col] = text;
      }
    }
    while (rows.length < rowIndex) rows.push([]);
    rows[rowIndex] = out;
  }
  return rows;
}
