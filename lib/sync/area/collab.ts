import { attachmentMetaSchema, commentSchema, imageVersionSchema, priceChangeSchema } from '../../collab/model';
import { isUuid, iso, ms, num, parseWith, type AreaAdapter } from './adapter';

/**
 * Collaboration records (lib/collab/model.ts) ↔ supabase/migrations/*_collaboration.sql
 * and *_area_records_sync.sql. Ids are the local uuids. The local `at` of a comment,
 * an attachment or an image version is the server's created_at once shared.
 */
const own = (r: Record<string, unknown>): string | null => (isUuid(r.id) ? r.id : null);
const stamps = (row: Record<string, unknown>) => ({ deletedAt: ms(row.deleted_at) });

export const comments: AreaAdapter = {
  store: 'comments',
  table: 'comments',
  deletes: 'soft',
  memberFields: [{ field: 'authorId', required: true }],
  serverId: own,
  toServer: (c) => ({ shop_id: c.shopId, task_id: c.taskId, author_id: c.authorId, body: c.body, mentions: ((c.mentions as string[] | undefined) ?? []).filter(isUuid) }),
  localKey: (row) => String(row.id),
  fromServer: (row) =>
    parseWith(commentSchema, {
      id: row.id,
      shopId: row.shop_id,
      taskId: row.task_id,
      authorId: row.author_id,
      body: row.body,
      mentions: row.mentions ?? [],
      at: ms(row.created_at),
      updatedAt: ms(row.updated_at),
      ...stamps(row),
    }),
};

/** The file itself goes to the Storage bucket `attachments` under storage_path (./files.ts). */
export const attachmentPath = (a: Record<string, unknown>): string => `${String(a.shopId)}/attachments/${String(a.taskId)}/${String(a.id)}`;

export const attachments: AreaAdapter = {
  store: 'attachments',
  table: 'attachments',
  deletes: 'soft',
  memberFields: [{ field: 'uploadedBy', required: true }],
  serverId: own,
  toServer: (a) => ({
    shop_id: a.shopId,
    task_id: a.taskId,
    comment_id: a.commentId ?? null,
    uploaded_by: a.uploadedBy,
    name: a.name,
    mime_type: a.mimeType,
    size_bytes: a.sizeBytes,
    storage_path: attachmentPath(a),
  }),
  localKey: (row) => String(row.id),
  fromServer: (row, before) => {
    const p = parseWith(attachmentMetaSchema, {
      id: row.id,
      shopId: row.shop_id,
      taskId: row.task_id,
      commentId: row.comment_id ?? null,
      uploadedBy: row.uploaded_by,
      name: row.name,
      mimeType: row.mime_type,
      sizeBytes: num(row.size_bytes),
      at: ms(row.created_at),
      ...stamps(row),
    });
    // The bytes stay where they are: ours if we uploaded them, else fetched from Storage on first open.
    if (p.ok && before?.data instanceof Blob && p.record.deletedAt === null) p.record.data = before.data;
    return p;
  },
};

export const imageVersions: AreaAdapter = {
  store: 'imageVersions',
  table: 'image_versions',
  deletes: 'soft',
  memberFields: [{ field: 'createdBy', required: false }],
  serverId: own,
  toServer: (v) => ({
    shop_id: v.shopId,
    item_id: v.itemId,
    task_id: v.taskId ?? null,
    version: v.version,
    // A picture recorded from a Taobao page is not uploaded: the path is the page's own image URL.
    storage_path: v.imageUrl,
    note: v.note ?? '',
    status: v.liveUntil != null ? 'retired' : v.liveSince != null ? 'live' : 'draft',
    created_by: v.createdBy ?? null,
    slot: v.slot,
    image_id: v.imageId ?? null,
    source: v.source,
    live_since: iso(v.liveSince as number | null),
    live_until: iso(v.liveUntil as number | null),
  }),
  localKey: (row) => String(row.id),
  fromServer: (row) =>
    parseWith(imageVersionSchema, {
      id: row.id,
      shopId: row.shop_id,
      itemId: row.item_id,
      slot: num(row.slot),
      version: num(row.version),
      imageUrl: row.storage_path,
      imageId: row.image_id ?? null,
      taskId: row.task_id ?? null,
      note: row.note ?? '',
      source: row.source,
      createdBy: row.created_by ?? null,
      at: ms(row.created_at),
      liveSince: ms(row.live_since),
      liveUntil: ms(row.live_until),
      ...stamps(row),
    }),
};

export const priceChanges: AreaAdapter = {
  store: 'priceChanges',
  table: 'price_changes',
  deletes: 'soft',
  memberFields: [{ field: 'createdBy', required: false }],
  serverId: own,
  toServer: (p) => ({
    shop_id: p.shopId,
    item_id: p.itemId,
    sku_id: p.skuId ?? null,
    sku_label: p.skuLabel ?? '',
    task_id: p.taskId ?? null,
    old_price: p.oldPrice ?? null,
    new_price: p.newPrice,
    source: p.source,
    effective_at: iso(p.at as number),
    reason: p.reason ?? '',
    created_by: p.createdBy ?? null,
  }),
  localKey: (row) => String(row.id),
  fromServer: (row) =>
    parseWith(priceChangeSchema, {
      id: row.id,
      shopId: row.shop_id,
      itemId: row.item_id,
      skuId: row.sku_id ?? null,
      skuLabel: row.sku_label ?? '',
      taskId: row.task_id ?? null,
      oldPrice: num(row.old_price),
      newPrice: num(row.new_price),
      source: row.source,
      reason: row.reason ?? '',
      createdBy: row.created_by ?? null,
      at: ms(row.effective_at),
      ...stamps(row),
    }),
};
