import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentFields, commentFields, imageVersionFields, priceChangeFields } from '@/lib/collab/server-fields';
import { attachmentMetaSchema, commentSchema, imageVersionSchema, priceChangeSchema } from '@/lib/collab/model';

const dir = resolve(__dirname, '../../../supabase/migrations');
const sql = readFileSync(resolve(dir, readdirSync(dir).find((f) => f.endsWith('_collaboration.sql'))!), 'utf8');
/** Column names of `create table public.<t> (...)` in the migration. */
function columns(table: string): Set<string> {
  const m = new RegExp(`create table public\\.${table} \\(([\\s\\S]*?)\\n\\);`).exec(sql);
  if (!m) throw new Error(`no table ${table}`);
  return new Set([...(m[1] ?? '').matchAll(/^\s+([a-z_]+)\s+(?:uuid|text|bigint|integer|numeric|jsonb|timestamptz)/gm)].map((x) => x[1] as string));
}
const SERVER_OWNED = ['id', 'revision', 'field_revisions', 'created_at', 'updated_at', 'deleted_at'];
const ids = { shopId: '5a000000-0000-4000-8000-000000000001', taskId: 'd1000000-0000-4000-8000-000000000002', member: 'b1000000-0000-4000-8000-000000000006' };

describe('server fields', () => {
  it.each([
    ['comments', commentFields(commentSchema.parse({ id: 'c1', shopId: ids.shopId, taskId: ids.taskId, authorId: ids.member, body: 'hi', at: 1, updatedAt: 1 }))],
    ['attachments', attachmentFields(attachmentMetaSchema.parse({ id: 'a1', shopId: ids.shopId, taskId: ids.taskId, uploadedBy: ids.member, name: 'x.png', mimeType: 'image/png', sizeBytes: 3, at: 1 }))],
    [
      'image_versions',
      imageVersionFields(imageVersionSchema.parse({ id: 'v1', shopId: ids.shopId, itemId: '700000000001', slot: 0, version: 1, imageUrl: 'https://img.alicdn.com/imgextra/i1/1/O1CN01aa_!!1.jpg', imageId: 'O1CN01aa', source: 'itemEdit', createdBy: ids.member, at: 1, liveSince: 2 })),
    ],
    ['price_changes', priceChangeFields(priceChangeSchema.parse({ id: 'p1', shopId: ids.shopId, itemId: '700000000001', skuId: '5100000000012', oldPrice: 1499, newPrice: 1399, source: 'dom', createdBy: ids.member, at: 1 }))],
  ])('%s maps to columns the server table has, and no server-owned one', (table, fields) => {
    const cols = columns(table);
    expect(cols.size).toBeGreaterThan(5);
    for (const k of Object.keys(fields)) {
      expect(cols.has(k), `${table}.${k}`).toBe(true);
      expect(SERVER_OWNED).not.toContain(k);
    }
  });
  it('states an image version as live, retired or draft', () => {
    const base = { id: 'v1', shopId: ids.shopId, itemId: '700000000001', slot: 0, version: 1, imageUrl: 'https://x.example/a.jpg', imageId: null, source: 'itemEdit' as const, createdBy: null, at: 1 };
    expect(imageVersionFields(imageVersionSchema.parse(base)).status).toBe('draft');
    expect(imageVersionFields(imageVersionSchema.parse({ ...base, liveSince: 2 })).status).toBe('live');
    expect(imageVersionFields(imageVersionSchema.parse({ ...base, liveSince: 2, liveUntil: 3 })).status).toBe('retired');
  });
});
