import { z } from 'zod';
import { canEditPricing, itemId, role, stage, taskSchema } from '../domain';
import { localToday } from '../domain/dates';
import { itemNames } from '../items/catalog';
import { defineArea } from '../messaging/area';
import { teamModeFor } from '../sync/messages';
import type { Services } from '../messaging/area';
import { addAttachment, deleteAttachment, listAttachments, readAttachment } from './attachments';
import { buildAudit, filterAudit, AUDIT_KINDS } from './audit';
import { addComment, deleteComment, editComment, listComments } from './comments';
import { requireActor, validRows } from './context';
import { canRecordImages, defaultImageTask, listImageVersions, observeImages, openImageItems, recordImageVersion } from './images';
import { itemDailyMetrics } from './item-metrics';
import { ATTACHMENT_MAX_BYTES, COMMENT_MAX_CHARS, formatBytes } from './limits';
import { commentSchema, IMAGE_SOURCES, imageVersionSchema } from './model';
import { listPriceChanges, recordPriceChanges } from './prices';
import { retroContext, saveRetro } from './retro';
import { deleteSop, listSops, saveSop } from './sops';
import { TIMELINE_METRICS } from './timeline';

/** Base64 of the largest file allowed, so an oversized upload is refused before it is decoded. */
const MAX_B64 = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4;
const imageUrl = z.string().regex(/^(https?:)?\/\//, '图片地址应为 http(s) / image URL must be http(s)').max(2000);
const yuan = z.number().finite().min(0).max(1e9);

/** Comments, attachments, image versions, price history, the audit log, item timelines, SOPs and 复盘. */
export const collabRequests = [
  z.object({ type: z.literal('comments.list'), taskId: z.string().min(1).max(64) }),
  z.object({ type: z.literal('comment.add'), taskId: z.string().min(1).max(64), body: z.string().max(COMMENT_MAX_CHARS * 2) }),
  z.object({ type: z.literal('comment.edit'), id: z.string().min(1).max(64), body: z.string().max(COMMENT_MAX_CHARS * 2) }),
  z.object({ type: z.literal('comment.delete'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('attachments.list'), taskId: z.string().min(1).max(64) }),
  z.object({
    type: z.literal('attachment.add'),
    taskId: z.string().min(1).max(64),
    commentId: z.string().min(1).max(64).nullable().default(null),
    name: z.string().min(1).max(255),
    mimeType: z.string().max(100),
    dataBase64: z
      .string()
      .max(MAX_B64, `文件太大，每个文件最多 ${formatBytes(ATTACHMENT_MAX_BYTES)} / at most ${formatBytes(ATTACHMENT_MAX_BYTES)} per file`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容无效 / invalid file data'),
  }),
  z.object({ type: z.literal('attachment.get'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('attachment.delete'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('images.forItem'), itemId }),
  z.object({ type: z.literal('images.openItems') }),
  z.object({
    type: z.literal('image.record'),
    itemId,
    slot: z.number().int().min(0).max(20),
    imageUrl,
    note: z.string().max(2000).optional(),
    taskId: z.string().min(1).max(64).nullable().optional(),
    source: z.enum(IMAGE_SOURCES),
  }),
  z.object({
    type: z.literal('images.observe'),
    items: z.array(z.object({ itemId, slots: z.array(z.object({ slot: z.number().int().min(0).max(20), imageUrl })).max(21) })).max(200),
  }),
  z.object({
    type: z.literal('prices.record'),
    itemId,
    source: z.enum(['dom', 'response']),
    changes: z.array(z.object({ skuId: z.string().regex(/^\d{1,20}$/), label: z.string().max(200), oldPrice: yuan.nullable(), newPrice: yuan })).max(600),
  }),
  z.object({ type: z.literal('pricing.allowed') }),
  z.object({ type: z.literal('item.timeline'), itemId }),
  z.object({
    type: z.literal('audit.list'),
    filter: z
      .object({
        actorId: z.string().max(64).nullable().optional(),
        itemId: z.string().max(20).nullable().optional(),
        kinds: z.array(z.enum(AUDIT_KINDS)).max(AUDIT_KINDS.length).optional(),
        from: z.string().max(10).nullable().optional(),
        to: z.string().max(10).nullable().optional(),
        q: z.string().max(200).nullable().optional(),
      })
      .default({}),
    limit: z.number().int().min(1).max(2000).default(300),
  }),
  z.object({ type: z.literal('sops.list') }),
  z.object({
    type: z.literal('sop.save'),
    id: z.string().min(1).max(64).optional(),
    title: z.string().max(200),
    body: z.string().max(40000),
    stage: stage.nullable(),
    roles: z.array(role).max(7),
  }),
  z.object({ type: z.literal('sop.delete'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('retro.context'), projectId: z.string().min(1).max(64) }),
  z.object({
    type: z.literal('retro.save'),
    projectId: z.string().min(1).max(64),
    worked: z.string().max(5000),
    improve: z.string().max(5000),
    summary: z.string().max(8000),
    templateName: z.string().max(100).nullable().optional(),
  }),
] as const;

const READS = ['comments.list', 'attachments.list', 'attachment.get', 'images.forItem', 'images.openItems', 'pricing.allowed', 'item.timeline', 'audit.list', 'sops.list', 'retro.context'] as const;

const dayOf = (at: number): string => localToday(new Date(at));

export const collabArea = defineArea(collabRequests, [...READS], async (req, s) => {
  switch (req.type) {
    case 'comments.list':
      return listComments(s, req.taskId);
    case 'comment.add':
      return addComment(s, req.taskId, req.body);
    case 'comment.edit':
      return editComment(s, req.id, req.body);
    case 'comment.delete':
      return deleteComment(s, req.id);
    case 'attachments.list':
      return listAttachments(s, req.taskId);
    case 'attachment.add':
      return addAttachment(s, { taskId: req.taskId, commentId: req.commentId, name: req.name, mimeType: req.mimeType, bytes: fromBase64(req.dataBase64) });
    case 'attachment.get': {
      const { meta, bytes } = await readAttachment(s, req.id, (id) => teamModeFor(s).attachmentBytes(id));
      return { meta, dataBase64: toBase64(bytes) };
    }
    case 'attachment.delete':
      return deleteAttachment(s, req.id);
    case 'images.forItem': {
      const actor = await requireActor(s);
      return {
        versions: await listImageVersions(s, req.itemId),
        defaultTask: defaultImageTask(actor.state.tasks, req.itemId),
        canRecord: canRecordImages(actor.me.role),
      };
    }
    case 'images.openItems': {
      const actor = await requireActor(s);
      return { canRecord: canRecordImages(actor.me.role), items: openImageItems(actor.state.tasks) };
    }
    case 'image.record':
      return recordImageVersion(s, req);
    case 'images.observe': {
      const changed = [];
      for (const it of req.items) changed.push(...(await observeImages(s, it.itemId, it.slots)));
      return changed;
    }
    case 'prices.record':
      return recordPriceChanges(s, req);
    case 'pricing.allowed': {
      const actor = await requireActor(s);
      return canEditPricing(actor.me.role);
    }
    case 'item.timeline':
      return itemTimeline(s, req.itemId);
    case 'audit.list':
      return auditList(s, req.filter, req.limit);
    case 'sops.list':
      return listSops(s);
    case 'sop.save':
      return saveSop(s, req);
    case 'sop.delete':
      return deleteSop(s, req.id);
    case 'retro.context':
      return retroContext(s, req.projectId);
    case 'retro.save':
      return saveRetro(s, req);
  }
});

async function itemTimeline(s: Services, item: string): Promise<unknown> {
  const actor = await requireActor(s);
  return {
    itemId: item,
    tasks: actor.state.tasks.filter((t) => t.itemIds.includes(item)),
    imageVersions: await listImageVersions(s, item),
    priceChanges: await listPriceChanges(s, item),
    metrics: await itemDailyMetrics(s.db, actor.shop, item, TIMELINE_METRICS),
    canEditPricing: canEditPricing(actor.me.role),
  };
}

async function auditList(s: Services, filter: Parameters<typeof filterAudit>[1], limit: number): Promise<unknown> {
  const actor = await requireActor(s);
  // Deleted tasks still name their history; the rest of the state is current.
  const allTasks = validRows(await s.db.tasks.toArray(), taskSchema);
  const entries = buildAudit({
    activity: await s.workspace.activity({ limit: 2000 }),
    tasks: allTasks,
    imageVersions: validRows(await s.db.table('imageVersions').toArray(), imageVersionSchema),
    priceChanges: await listPriceChanges(s),
    comments: validRows(await s.db.table('comments').toArray(), commentSchema),
    itemNames: await itemNames(s.db, actor.shop.id),
  });
  return filterAudit(entries, filter, dayOf, actor.state.members).slice(0, limit);
}

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
