import { inflateRawSync } from 'node:zlib';
import type { InflateRaw } from '@/lib/import/zip';

/** The Node inflater the tests give the xlsx reader (the page uses DecompressionStream). */
export const nodeInflate: InflateRaw = async (data, maxBytes) => new Uint8Array(inflateRawSync(data, { maxOutputLength: maxBytes }));
