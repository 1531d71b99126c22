/**
 * A minimal zip reader, enough for .xlsx: the central directory, stored and deflated entries.
 * Inflating is injected (the browser's DecompressionStream('deflate-raw') in the page,
 * node:zlib in tests) so this file stays pure. Sizes are capped so a crafted file (a zip bomb,
 * lying headers) fails with a clear error instead of exhausting memory.
 */
export type InflateRaw = (data: Uint8Array, maxBytes: number) => Promise<Uint8Array>;

export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipError extends Error {}

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

/** Entries listed in the central directory. Throws ZipError when this is not a zip. */
export function listEntries(zip: Uint8Array): ZipEntry[] {
  if (zip.length < 22) throw new ZipError('不是 zip/xlsx 文件 / not a zip file');
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (u32(zip, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('不是 zip/xlsx 文件 / not a zip file (no end of central directory)');
  const count = u16(zip, eocd + 10);
  let p = u32(zip, eocd + 16);
  if (count > MAX_ENTRIES) throw new ZipError('zip 条目过多 / too many entries');
  const decoder = new TextDecoder('utf-8');
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || u32(zip, p) !== 0x02014b50) throw new ZipError('zip 目录损坏 / corrupt central directory');
    const nameLen = u16(zip, p + 28);
    const extraLen = u16(zip, p + 30);
    const commentLen = u16(zip, p + 32);
    out.push({
      method: u16(zip, p + 10),
      compressedSize: u32(zip, p + 20),
      size: u32(zip, p + 24),
      localOffset: u32(zip, p + 42),
      name: decoder.decode(zip.subarray(p + 46, p + 46 + nameLen)),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The uncompressed bytes of one entry. */
export async function readEntry(zip: Uint8Array, entry: ZipEntry, inflateRaw: InflateRaw): Promise<Uint8Array> {
  const p = entry.localOffset;
  if (p + 30 > zip.length || u32(zip, p) !== 0x04034b50) throw new ZipError(`zip 条目损坏 / corrupt entry ${entry.name}`);
  const start = p + 30 + u16(zip, p + 26) + u16(zip, p + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new ZipError(`zip 条目被截断 / truncated entry ${entry.name}`);
  if (entry.size > MAX_ENTRY_BYTES) throw new ZipError(`文件过大 / entry too large: ${entry.name}`);
  const data = zip.subarray(start, end);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipError(`不支持的压缩方式 / unsupported compression ${entry.method}`);
  const out = await inflateRaw(data, MAX_ENTRY_BYTES);
  if (out.length > MAX_ENTRY_BYTES) throw new ZipError(`文件过大 / entry too large: ${entry.name}`);
  return out;
}

/** Reads the named entries that exist (names compared case-insensitively), as UTF-8 text. */
export async function readTextEntries(zip: Uint8Array, names: readonly string[], inflateRaw: InflateRaw): Promise<Map<string, string>> {
  const entries = listEntries(zip);
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const out = new Map<string, string>();
  const decoder = new TextDecoder('utf-8');
  for (const e of entries) {
    if (!wanted.has(e.name.toLowerCase())) continue;
    out.set(e.name.toLowerCase(), decoder.decode(await readEntry(zip, e, inflateRaw)));
  }
  return out;
}

/** The browser inflater: DecompressionStream('deflate-raw'), stopping past `maxBytes`. */
export async function inflateRawInBrowser(data: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new ZipError('文件解压后过大 / file too large when unpacked');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
