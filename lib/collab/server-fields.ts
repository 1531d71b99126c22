import type { AttachmentMeta, Comment, ImageVersion, PriceChange } from './model';

/**
 * Local collaboration records → the columns of the server tables in
 * supabase/migrations/*_collaboration.sql, for the outbox (lib/sync) once it
 * carries these tables. Today the sync engine moves shops, members, projects
 * and tasks only, so nothing here is queued yet; the mapping lives next to the
 * records so it changes with them. Server-owned columns (id, revision,
 * created_at, updated_at, deleted_at) are never written: a tombstone is the
 * outbox's op "delete".
 */
export type CollabServerTable = 'comments' | 'attachments' | 'image_versions' | 'price_changes';

export function commentFields(c: Comment): Record<string, unknown> {
  return { shop_id: c.shopId, task_id: c.taskId, author_id: c.authorId, body: c.body };
}

/** The file goes to Supabase Storage under the shop; the row keeps its path. */
export function attachmentFields(a: AttachmentMeta): Record<string, unknown> {
  return {
    shop_id: a.shopId,
    task_id: a.taskId,
    uploaded_by: a.uploadedBy,
    name: a.name,
    mime_type: a.mimeType,
    size_bytes: a.sizeBytes,
    storage_path: `${a.shopId}/attachments/${a.taskId}/${a.id}`,
  };
}

/**
 * A picture recorded from a Taobao page is not uploaded anywhere: its
 * storage_path is the page's image URL. live → 'live', replaced → 'retired'.
 */
export function imageVersionFields(v: ImageVersion): Record<string, unknown> {
  return {
    shop_id: v.shopId,
    item_id: v.itemId,
    task_id: v.taskId,
    version: v.version,
    storage_path: v.imageUrl,
    note: v.note,
    status: v.liveUntil !== null ? 'retired' : v.liveSince !== null ? 'live' : 'draft',
    created_by: v.createdBy,
  };
}

export function priceChangeFields(p: PriceChange): Record<string, unknown> {
  return {
    shop_id: p.shopId,
    item_id: p.itemId,
    sku_id: p.skuId,
    task_id: p.taskId,
    old_price: p.oldPrice,
    new_price: p.newPrice,
    effective_at: new Date(p.at).toISOString(),
    reason: p.reason,
    created_by: p.createdBy,
  };
}
