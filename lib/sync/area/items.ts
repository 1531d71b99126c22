import { CATALOG_TABLE, catalogEntrySchema } from '../../items/catalog';
import { uuidv5 } from '../uuid5';
import { iso, ms, parseWith, type AreaAdapter } from './adapter';

/** The server id of a shop's catalog entry: every browser that learns the item writes one row. */
export const itemCatalogServerId = (shopId: string, itemId: string): string => uuidv5(`item|${shopId}|${itemId}`);

/**
 * The item catalog (lib/items/catalog.ts) ↔ public.item_catalog: itemId → the title and
 * main-image URL a seller page last showed, per shop, so a teammate reads "title (ID)"
 * even when their browser never opened the page that shows it.
 *
 * - Key: the Dexie key is compound ([shopId, itemId]); the server id is derived from it.
 * - Validation: only records the catalog's schema accepts have a server id (anything else
 *   stays local and is quarantined by the catalog when read); pulled rows are parsed with
 *   the same schema.
 * - Last seen wins: a pulled row seen earlier than the local record does not replace it
 *   (the server applies the same rule to pushes, see the migration 20261129000400).
 * - No write per page view: the catalog rewrites an unchanged title at most once a day
 *   (RESEEN_MS), and such a rewrite only moves seen_at, which queues nothing here. A new
 *   title or picture queues the whole row (ids, title, picture, seen_at), so the server can
 *   always insert it and compare seen_at.
 * - Deletes stay local ('none'): the catalog only removes rows it quarantines, which must
 *   not remove the shop's row for everyone (the server refuses catalog tombstones anyway).
 */
export const itemCatalog: AreaAdapter = {
  store: CATALOG_TABLE,
  table: 'item_catalog',
  deletes: 'none',
  serverId: (e) => (catalogEntrySchema.safeParse(e).success ? itemCatalogServerId(String(e.shopId), String(e.itemId)) : null),
  toServer: (e) => ({ shop_id: e.shopId, item_id: e.itemId, title: e.title, image_url: e.imageUrl ?? null, seen_at: iso(e.seenAt as number | null | undefined) }),
  upsertFields: (changed, full) => (Object.keys(changed).some((column) => column !== 'seen_at') ? full : null),
  localKey: (row) => [String(row.shop_id), String(row.item_id)],
  fromServer: (row, before) => {
    const pulled = parseWith(catalogEntrySchema, { shopId: row.shop_id, itemId: row.item_id, title: row.title, imageUrl: row.image_url ?? null, seenAt: ms(row.seen_at) });
    if (!pulled.ok) return pulled;
    const local = catalogEntrySchema.safeParse(before);
    if (local.success && local.data.seenAt > (pulled.record.seenAt as number)) return { ok: true, record: local.data };
    return pulled;
  },
};
