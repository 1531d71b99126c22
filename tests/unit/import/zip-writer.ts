/** A small zip writer for test fixtures (deflate via node:zlib), the format .xlsx uses. */
import { crc32, deflateRawSync } from 'node:zlib';

export function zip(files: Record<string, string | Uint8Array>, opts: { store?: boolean } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const data = opts.store ? raw : deflateRawSync(raw);
    const method = opts.store ? 0 : 8;
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    locals.push(local, nameBuf, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(files).length, 8);
  eocd.writeUInt16LE(Object.keys(files).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const colName = (i: number): string => (i >= 26 ? colName(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

export type CellSpec = string | number | { n: number; style: number } | { inline: string } | null;

/**
 * An .xlsx workbook with one sheet (plus a decoy second sheet): strings go to the shared-string
 * table, numbers are numeric cells, {n, style} uses a cell style (1 = built-in percent format 10,
 * 2 = a custom percent format with a `>` in it, 3 = a custom non-percent format), {inline} an inline string. Written like Excel does: the sheet
 * is found through workbook.xml's relationship, not by a fixed file name.
 */
export function xlsx(rows: CellSpec[][], opts: { sheetFile?: string; store?: boolean } = {}): Uint8Array {
  const sheetFile = opts.sheetFile ?? 'worksheets/data.xml';
  const strings: string[] = [];
  const sst = (s: string): number => {
    const i = strings.indexOf(s);
    if (i >= 0) return i;
    strings.push(s);
    return strings.length - 1;
  };
  const rowXml = rows
    .map((cells, r) => {
      const cs = cells
        .map((c, i) => {
          const ref = `${colName(i)}${r + 1}`;
          if (c === null) return '';
          if (typeof c === 'string') return `<c r="${ref}" t="s"><v>${sst(c)}</v></c>`;
          if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
          if ('inline' in c) return `<c r="${ref}" t="inlineStr"><is><t>${esc(c.inline)}</t></is></c>`;
          return `<c r="${ref}" s="${c.style}"><v>${c.n}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cs}</row>`;
    })
    .join('');
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return zip(
    {
      '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${ns}><sheets><sheet name="商品排行" sheetId="1" r:id="rId7"/><sheet name="说明" sheetId="2" r:id="rId8"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId8" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="worksheet" Target="${sheetFile}"/></Relationships>`,
      'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${strings.length}">${strings.map((s, i) => (i === 0 ? `<si><r><t>${esc(s.slice(0, 1))}</t></r><r><rPr/><t xml:space="preserve">${esc(s.slice(1))}</t></r><rPh><t>ふりがな</t></rPh></si>` : `<si><t>${esc(s)}</t></si>`)).join('')}</sst>`,
      'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${ns}><numFmts count="2"><numFmt numFmtId="165" formatCode="[&gt;=100]0;0.00"/><numFmt numFmtId="164" formatCode='[>=1]0.0%;0.0%'/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="10" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>`,
      [`xl/${sheetFile}`]: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${rowXml}</sheetData></worksheet>`,
      'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>decoy</t></is></c></row></sheetData></worksheet>`,
    },
    { store: opts.store },
  );
}
