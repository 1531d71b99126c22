import { z } from 'zod';
import { id, itemId, role, stage, timestamp } from '../domain';
import { COMMENT_MAX_CHARS, NOTE_MAX_CHARS, SOP_MAX_CHARS } from './limits';

/**
 * Collaboration records (stores comments, attachments, imageVersions,
 * priceChanges, sops; lib/db/schema.ts v3). Field meanings follow the server
 * tables in supabase/migrations/*_collaboration.sql so the outbox can map them
 * one to one later; local-only extras are marked.
 */
const httpUrl = z.url({ protocol: /^https?$/, error: '图片地址应为 http(s) 网址 / image URL must be http(s)' }).max(2000);

export const commentSchema = z.object({
  id,
  shopId: id,
  taskId: id,
  authorId: id,
  body: z
    .string()
    .trim()
    .min(1, '评论不能为空 / a comment cannot be empty')
    .max(COMMENT_MAX_CHARS, `评论最多 ${COMMENT_MAX_CHARS} 字 / a comment is at most ${COMMENT_MAX_CHARS} characters`),
  /** Members mentioned with @ (parsed against the member list when written). */
  mentions: z.array(id).max(200).default([]),
  at: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable().default(null),
});
export type Comment = z.infer<typeof commentSchema>;

export const attachmentMetaSchema = z.object({
  id,
  shopId: id,
  taskId: id,
  commentId: id.nullable().default(null),
  uploadedBy: id,
  name: z.string().trim().min(1, '文件名不能为空 / file name is required').max(255),
  mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, '无效的文件类型 / invalid file type').max(100),
  sizeBytes: z.number().int().nonnegative(),
  at: timestamp,
  deletedAt: timestamp.nullable().default(null),
});
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;
/** In local mode the file itself is a Blob in the same row (team mode: Supabase Storage). */
export type AttachmentRow = AttachmentMeta & { data: Blob };

export const IMAGE_SOURCES = ['itemEdit', 'sellManage', 'pictureSpace'] as const;
export const imageVersionSchema = z.object({
  id,
  shopId: id,
  itemId,
  /** 0 = the first 主图 (the one search and 商品管理 show). */
  slot: z.number().int().min(0).max(20),
  /** Per item, 1, 2, 3… in the order versions were recorded. */
  version: z.number().int().min(1),
  imageUrl: httpUrl,
  /** Taobao's picture ID (O1CN…) parsed from the URL; null when the URL carries none. */
  imageId: z.string().max(80).nullable(),
  taskId: id.nullable().default(null),
  note: z.string().max(NOTE_MAX_CHARS, `备注最多 ${NOTE_MAX_CHARS} 字 / a note is at most ${NOTE_MAX_CHARS} characters`).default(''),
  source: z.enum(IMAGE_SOURCES),
  createdBy: id.nullable(),
  at: timestamp,
  /** When the page was seen saving or showing this picture in its slot; null = not live yet. */
  liveSince: timestamp.nullable().default(null),
  /** When another picture replaced it in the slot. */
  liveUntil: timestamp.nullable().default(null),
  deletedAt: timestamp.nullable().default(null),
});
export type ImageVersion = z.infer<typeof imageVersionSchema>;

const yuan = z.number().finite().min(0).max(1e9);
export const priceChangeSchema = z.object({
  id,
  shopId: id,
  itemId,
  skuId: z.string().regex(/^\d{1,20}$/).nullable(),
  /** The SKU as the page names it (原木色 / 1.2米); local-only, for reading the history. */
  skuLabel: z.string().max(200).default(''),
  taskId: id.nullable().default(null),
  oldPrice: yuan.nullable(),
  newPrice: yuan,
  /** Where the prices before the edit were read: the page's own response (preferred) or the SKU table. */
  source: z.enum(['dom', 'response']),
  reason: z.string().max(NOTE_MAX_CHARS).default(''),
  createdBy: id.nullable(),
  at: timestamp,
  deletedAt: timestamp.nullable().default(null),
});
export type PriceChange = z.infer<typeof priceChangeSchema>;

export const sopSchema = z.object({
  id,
  /** null for the built-in SOPs shipped with the extension. */
  shopId: id.nullable(),
  kind: z.enum(['sop', 'retro']).default('sop'),
  title: z.string().trim().min(1, '标题不能为空 / title is required').max(100),
  body: z.string().max(SOP_MAX_CHARS, `文档最多 ${SOP_MAX_CHARS} 字 / at most ${SOP_MAX_CHARS} characters`),
  stage: stage.nullable().default(null),
  /** Roles it is written for; empty = everyone. */
  roles: z.array(role).max(7).default([]),
  projectId: id.nullable().default(null),
  builtIn: z.boolean().default(false),
  createdBy: id.nullable().default(null),
  at: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable().default(null),
});
export type Sop = z.infer<typeof sopSchema>;
