/**
 * The item catalog (Dexie table `itemCatalog`, schema v4): itemId → the title (and main-image
 * URL) the seller console last showed for it, per shop. Filled only from pages the extension
 * already reads (capture, 商品管理 rows, the item edit page, see lib/items/seen.ts); nothing is
 * ever fetched from Taobao for a name. Last seen wins. Titles are product names, never buyer
 * data. Every record is validated with zod when written and when read; a row that does not
 * parse is moved to the quarantine table, not shown. In team mode the shop's catalog is
 * shared through public.item_catalog (lib/sync/area/items.ts): a new title or picture is
 * pushed, a re-seen one is not; removing an entry here stays local.
 */
import { z } from 'zod';
import type { ZhangguiDb } from '../db/schema';
import { itemId } from '../domain/common';
import { cleanImageUrl, cleanTitle, TITLE_MAX } from './seen';
import type { ItemNames } from './label';

export const CATALOG_TABLE = 'itemCatalog';

export const catalogEntrySchema = z.object({
  shopId: z.string().min(1).max(64),
  itemId,
  title: z
    .string()
    .min(2)
    .max(TITLE_MAX)
    .refine((t) => cleanTitle(t) === t, { message: '不是商品标题 / not an item title' }),
  /** https on Taobao's picture CDN, as the page used it; null when the page showed none. */
  imageUrl: z.string().max(1000).url().nullable(),
  /** When a page last showed this title (ms). */
  seenAt: z.number().int().nonnegative(),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** What a page reported (untrusted: from a content script). */
const seenInputSchema = z.object({ itemId, title: z.string().max(1000), imageUrl: z.string().max(1000).nullable().optional() });

/** A title already stored is not written again for a page view within this long (no write per page view). */
export const RESEEN_MS = 24 * 60 * 60 * 1000;
/** At most this many items per report (a 商品管理 page lists 20–100). */
export const MAX_SEEN = 500;

export interface RecordResult {
  /** Entries written (new, renamed, new picture, or not seen for a day). */
  stored: number;
  /** Entries whose title or picture changed (the UI should refresh names). */
  changed: number;
  rejected: Array<{ index: number; reason: string }>;
}

const table = (db: ZhangguiDb) => db.table<CatalogEntry, [string, string]>(CATALOG_TABLE);

/**
 * Records what pages showed, last seen wins. Runs in the caller's transaction when there is one
 * (metrics.ingest stores figures and titles together). Unchanged titles seen again within a day
 * are not rewritten.
 */
export async function recordSeenItems(db: ZhangguiDb, shopId: string, seen: readonly unknown[], now: number, pageUrl = 'https://myseller.taobao.com/'): Promise<RecordResult> {
  const out: RecordResult = { stored: 0, changed: 0, rejected: [] };
  const fresh = new Map<string, CatalogEntry>();
  seen.slice(0, MAX_SEEN).forEach((raw, index) => {
    const input = seenInputSchema.safeParse(raw);
    if (!input.success) return void out.rejected.push({ index, reason: input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    const title = cleanTitle(input.data.title);
    if (!title) return void out.rejected.push({ index, reason: 'title: 不是商品标题 / not an item title' });
    const entry = catalogEntrySchema.safeParse({ shopId, itemId: input.data.itemId, title, imageUrl: cleanImageUrl(input.data.imageUrl, pageUrl), seenAt: now });
    if (!entry.success) return void out.rejected.push({ index, reason: entry.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    fresh.set(entry.data.itemId, entry.data);
  });
  if (fresh.size === 0) return out;
  const keys = [...fresh.keys()].map((id): [string, string] => [shopId, id]);
  const old = await table(db).bulkGet(keys);
  const writes: CatalogEntry[] = [];
  keys.forEach(([, id], i) => {
    const next = fresh.get(id)!;
    const prevParsed = catalogEntrySchema.safeParse(old[i]);
    const prev = prevParsed.success ? prevParsed.data : null;
    // A page without a picture keeps the one we had.
    const merged: CatalogEntry = { ...next, imageUrl: next.imageUrl ?? prev?.imageUrl ?? null };
    const changed = !prev || prev.title !== merged.title || prev.imageUrl !== merged.imageUrl;
    if (changed) out.changed++;
    if (changed || now - prev.seenAt >= RESEEN_MS || now < prev.seenAt) writes.push(merged);
  });
  if (writes.length > 0) await table(db).bulkPut(writes);
  out.stored = writes.length;
  return out;
}

/** Rows that fail the schema go to quarantine (kept, never shown), as lib/db/validated.ts does for the workspace. */
async function quarantine(db: ZhangguiDb, bad: ReadonlyArray<{ key: [string, string]; row: unknown; reason: string }>): Promise<void> {
  if (bad.length === 0) return;
  await db.transaction('rw', [table(db), db.quarantine], async () => {
    for (const b of bad) {
      await db.quarantine.add({ table: CATALOG_TABLE, key: b.key.join('|'), row: b.row, reason: b.reason, at: Date.now() });
      await table(db).delete(b.key);
    }
  });
}

function validRows(rows: ReadonlyArray<unknown>, keys: ReadonlyArray<[string, string]>): { good: CatalogEntry[]; bad: Array<{ key: [string, string]; row: unknown; reason: string }> } {
  const good: CatalogEntry[] = [];
  const bad: Array<{ key: [string, string]; row: unknown; reason: string }> = [];
  rows.forEach((row, i) => {
    if (row === undefined) return;
    const p = catalogEntrySchema.safeParse(row);
    if (p.success) good.push(p.data);
    else bad.push({ key: keys[i]!, row, reason: p.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
  });
  return { good, bad };
}

/** The catalog entries of some items of a shop (unknown items are left out). */
export async function catalogEntries(db: ZhangguiDb, shopId: string, itemIds: readonly string[]): Promise<CatalogEntry[]> {
  const ids = [...new Set(itemIds.filter((id) => /^\d{5,20}$/.test(id)))];
  if (ids.length === 0) return [];
  const keys = ids.map((id): [string, string] => [shopId, id]);
  const { good, bad } = validRows(await table(db).bulkGet(keys), keys);
  await quarantine(db, bad);
  return good;
}

/** Every catalog entry of a shop. */
export async function allCatalogEntries(db: ZhangguiDb, shopId: string): Promise<CatalogEntry[]> {
  const rows = await table(db).where('shopId').equals(shopId).toArray();
  const keys = rows.map((r): [string, string] => {
    const o = (typeof r === 'object' && r !== null ? r : {}) as Partial<CatalogEntry>;
    return [String(o.shopId ?? shopId), String(o.itemId ?? '?')];
  });
  const { good, bad } = validRows(rows, keys);
  await quarantine(db, bad);
  return good;
}

/** itemId → title for the given items (or every item the shop's catalog knows). */
export async function itemNames(db: ZhangguiDb, shopId: string, itemIds?: readonly string[]): Promise<ItemNames> {
  const entries = itemIds ? await catalogEntries(db, shopId, itemIds) : await allCatalogEntries(db, shopId);
  return Object.fromEntries(entries.map((e) => [e.itemId, e.title]));
}
