/**
 * UUIDv5 (RFC 9562, SHA-1 name-based), synchronous on purpose: ids of
 * dependency edges are derived inside a Dexie transaction, where awaiting
 * crypto.subtle would let IndexedDB commit the transaction early.
 */

/** Namespace for Zhanggui's derived ids (a fixed random uuid). */
export const ZG_NAMESPACE = '6f1c2b7e-2d1a-4c55-9a0e-3b8f4a1d7c20';

export function uuidv5(name: string, namespace: string = ZG_NAMESPACE): string {
  const ns = namespace.replace(/-/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < 32; i += 2) bytes.push(parseInt(ns.slice(i, i + 2), 16));
  for (const b of new TextEncoder().encode(name)) bytes.push(b);
  const h = sha1(Uint8Array.from(bytes));
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = [...h.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Plain SHA-1 (FIPS 180-4); only used for name-based ids, not for security. */
export function sha1(msg: Uint8Array): Uint8Array {
  const len = msg.length;
  const words = ((len + 8) >> 6) + 1;
  const w32 = new Uint32Array(words * 16);
  for (let i = 0; i < len; i++) w32[i >> 2]! |= msg[i]! << (24 - (i % 4) * 8);
  w32[len >> 2]! |= 0x80 << (24 - (len % 4) * 8);
  w32[words * 16 - 1] = len * 8;
  let h0 = 0x67452301, h1 = 0xefcdab89, h2 = 0x98badcfe, h3 = 0x10325476, h4 = 0xc3d2e1f0;
  const w = new Uint32Array(80);
  for (let blk = 0; blk < words * 16; blk += 16) {
    for (let t = 0; t < 16; t++) w[t] = w32[blk + t]!;
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
      w[t] = (x << 1) | (x >>> 31);
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4;
    for (let t = 0; t < 80; t++) {
      let f: number, k: number;
      if (t < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
      else if (t < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
      else if (t < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc; }
      else { f = b ^ c ^ d; k = 0xca62c1d6; }
      const tmp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]!) >>> 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = tmp;
    }
    h0 = (h0 + a) >>> 0; h1 = (h1 + b) >>> 0; h2 = (h2 + c) >>> 0; h3 = (h3 + d) >>> 0; h4 = (h4 + e) >>> 0;
  }
  const out = new Uint8Array(20);
  [h0, h1, h2, h3, h4].forEach((h, i) => {
    out[i * 4] = h >>> 24; out[i * 4 + 1] = (h >>> 16) & 0xff; out[i * 4 + 2] = (h >>> 8) & 0xff; out[i * 4 + 3] = h & 0xff;
  });
  return out;
}

/** The id of the dependency edge "taskId starts after dependsOnId" (same on every browser). */
export function dependencyId(taskId: string, dependsOnId: string): string {
  return uuidv5(`task_dependencies|${taskId}|${dependsOnId}`);
}
