import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREA_ADAPTERS, AREA_SERVER_TABLES } from '@/lib/sync/area';

/**
 * Every column an area adapter writes exists on its server table, as the migrations
 * declare it (create table plus later `add column`s), so a renamed column fails here
 * and not as a 42703 refusal in a shop's browser.
 */
const dir = resolve(__dirname, '../../../supabase/migrations');
const sql = readdirSync(dir)
  .filter((f) => f.endsWith('.sql'))
  .sort()
  .map((f) => readFileSync(resolve(dir, f), 'utf8'))
  .join('\n')
  .replace(/--[^\n]*/g, ''); // comments may hold ';' or the words "add column"

function columns(table: string): Set<string> {
  const cols = new Set<string>();
  const create = new RegExp(`create table public\\.${table} \\(([\\s\\S]*?)\\n\\);`).exec(sql);
  for (const m of (create?.[1] ?? '').matchAll(/^\s+([a-z_]+)\s+(?:uuid|text|bigint|integer|smallint|numeric|jsonb|timestamptz|boolean|double precision|date|public\.[a-z_]+)/gm)) cols.add(m[1]!);
  for (const alter of sql.matchAll(new RegExp(`alter table public\\.${table}\\b([\\s\\S]*?);`, 'g'))) {
    for (const m of alter[1]!.matchAll(/add column (?:if not exists )?([a-z_]+)/g)) cols.add(m[1]!);
  }
  return cols;
}

/** One representative record per store: every field set, so toServer emits every column. */
const FULL: Record<string, Record<string, unknown>> = {
  comments: { shopId: 's', taskId: 't', authorId: 'a', body: 'b', mentions: [] },
  attachments: { id: 'i', shopId: 's', taskId: 't', commentId: null, uploadedBy: 'u', name: 'n', mimeType: 'text/plain', sizeBytes: 1 },
  imageVersions: { shopId: 's', itemId: '12345', taskId: null, version: 1, imageUrl: 'https://x', note: '', createdBy: null, slot: 0, imageId: null, source: 'itemEdit', liveSince: 1, liveUntil: null },
  priceChanges: { shopId: 's', itemId: '12345', skuId: null, skuLabel: '', taskId: null, oldPrice: 1, newPrice: 2, source: 'dom', at: 1, reason: '', createdBy: null },
  targets: { id: 'x', shopId: 's', metric: 'uv', itemKey: '', monthly: null, line: { direction: 'max', value: 1 }, updatedBy: null },
  rules: { shopId: 's', version: 1, name: 'n', enabled: true, trigger: 'daily', condition: {}, actions: {}, stormLimit: 20 },
  firings: { shopId: 's', ruleId: 'r', scope: 'shop', period: 'p', ruleName: 'n', provisional: false, messageZh: '', messageEn: '', evidence: {}, notify: [], suggestion: null, taskId: null, at: 1 },
  boards: { shopId: 's', ownerId: 'o', name: 'n', itemId: null, shared: false, items: [] },
  itemCatalog: { shopId: 's', itemId: '12345', title: '餐桌', imageUrl: 'https://img.alicdn.com/a.jpg', seenAt: 1 },
  // One day of a month bucket (the adapter's parts are days).
  metricMonths: { shopId: 's', metric: 'uv', itemKey: '12345', itemId: '12345', period: 'day', date: '2026-11-01', value: 1, provisional: false, source: 'dom', capturedAt: 1 },
};

describe('area adapters write only columns their server table has', () => {
  it('every server table is syncable on the server', () => {
    const list = /create or replace function private\.syncable_tables\(\)[\s\S]*?'\{([^}]*)\}'/g;
    const last = [...sql.matchAll(list)].pop()?.[1]?.split(',') ?? [];
    for (const t of AREA_SERVER_TABLES) expect(last).toContain(t);
  });

  for (const a of AREA_ADAPTERS) {
    it(`${a.store} → public.${a.table}`, () => {
      const cols = columns(a.table);
      expect(cols.size).toBeGreaterThan(3);
      const written = Object.keys(a.toServer(FULL[a.store] ?? {}));
      expect(written.filter((c) => !cols.has(c))).toEqual([]);
    });
  }
});
