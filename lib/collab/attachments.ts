import { newId } from '../domain';
import type { Services } from '../messaging/area';
import { UserError } from '../workspace/errors';
import { parseOrThrow, requireActor, validRows } from './context';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX_BYTES_PER_SHOP, formatBytes } from './limits';
import { attachmentMetaSchema, type AttachmentMeta } from './model';

/**
 * Files on tasks and comments. Local mode keeps the file as a Blob in
 * IndexedDB next to its metadata; the limits (5 MB a file, 50 MB a shop) are
 * stated in the refusal so a person knows what would fit.
 */
export async function listAttachments(s: Services, taskId: string): Promise<AttachmentMeta[]> {
  const rows = await s.db.table('attachments').where('taskId').equals(taskId).toArray();
  return validRows(rows, attachmentMetaSchema)
    .filter((a) => a.deletedAt === null)
    .sort((a, b) => a.at - b.at);
}

export async function addAttachment(
  s: Services,
  input: { taskId: string; commentId: string | null; name: string; mimeType: string; bytes: Uint8Array },
): Promise<AttachmentMeta> {
  const actor = await requireActor(s);
  if (!actor.state.tasks.some((t) => t.id === input.taskId)) throw new UserError('任务不存在或已删除 / task not found');
  const size = input.bytes.byteLength;
  if (size > ATTACHMENT_MAX_BYTES) {
    throw new UserError(`文件太大：${formatBytes(size)}，每个文件最多 ${formatBytes(ATTACHMENT_MAX_BYTES)} / file too large: at most ${formatBytes(ATTACHMENT_MAX_BYTES)} per file`, 'file');
  }
  const meta = parseOrThrow(attachmentMetaSchema, {
    id: newId(),
    shopId: actor.shop.id,
    taskId: input.taskId,
    commentId: input.commentId,
    uploadedBy: actor.me.id,
    name: input.name,
    mimeType: input.mimeType || 'application/octet-stream',
    sizeBytes: size,
    at: s.now(),
    deletedAt: null,
  });
  const table = s.db.table('attachments');
  await s.db.transaction('rw', table, async () => {
    // The shop total is checked inside the write transaction so two uploads cannot both squeeze in.
    let used = 0;
    // Only bytes kept in this browser count: a teammate's file (team mode) lives in Storage.
    await table.each((row: { shopId?: string; deletedAt?: number | null; sizeBytes?: number; data?: unknown }) => {
      if (row.shopId === actor.shop.id && row.deletedAt == null && row.data instanceof Blob) used += row.sizeBytes ?? 0;
    });
    if (used + size > ATTACHMENTS_MAX_BYTES_PER_SHOP) {
      throw new UserError(
        `店铺附件空间不足：已用 ${formatBytes(used)}，上限 ${formatBytes(ATTACHMENTS_MAX_BYTES_PER_SHOP)} / the shop's attachments are limited to ${formatBytes(ATTACHMENTS_MAX_BYTES_PER_SHOP)}`,
        'file',
      );
    }
    await table.add({ ...meta, data: new Blob([input.bytes.slice()], { type: meta.mimeType }) });
  });
  return meta;
}

/** `fetchRemote`: team mode's download of a file a teammate uploaded (only its row is here). */
export async function readAttachment(s: Services, id: string, fetchRemote?: (id: string) => Promise<Blob>): Promise<{ meta: AttachmentMeta; bytes: Uint8Array }> {
  const row = (await s.db.table('attachments').get(id)) as (AttachmentMeta & { data?: unknown }) | undefined;
  const meta = attachmentMetaSchema.safeParse(row);
  if (!row || !meta.success || meta.data.deletedAt !== null) throw new UserError('附件不存在 / attachment not found');
  const data = row.data instanceof Blob ? row.data : fetchRemote ? await fetchRemote(id) : null;
  if (!data) throw new UserError('附件不存在 / attachment not found');
  return { meta: meta.data, bytes: new Uint8Array(await data.arrayBuffer()) };
}

/** Uploaders remove their own files (the server's "Uploaders can edit their own attachments"). */
export async function deleteAttachment(s: Services, id: string): Promise<void> {
  const actor = await requireActor(s);
  const row = (await s.db.table('attachments').get(id)) as AttachmentMeta | undefined;
  if (!row || row.deletedAt !== null) throw new UserError('附件不存在 / attachment not found');
  if (row.uploadedBy !== actor.me.id) throw new UserError('只能删除自己上传的附件 / you can only delete files you uploaded');
  // The tombstone keeps the metadata; the file's bytes are dropped to free the shop's space.
  await s.db.table('attachments').put({ ...row, deletedAt: s.now(), data: new Blob([]) });
}
