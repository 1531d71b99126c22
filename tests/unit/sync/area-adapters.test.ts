import { describe, expect, it } from 'vitest';
import { AREA_ADAPTERS, adapterForStore, adapterForTable } from '@/lib/sync/area';
import { attachmentPath } from '@/lib/sync/area/collab';
import { firingServerId } from '@/lib/sync/area/rules';
import { RULE_TEMPLATES } from '@/lib/rules/templates';

const SHOP = '11111111-1111-4111-8111-111111111111';
const TASK = '33333333-3333-4333-8333-333333333333';
const ME = '44444444-4444-4444-8444-444444444444';
const RULE = '55555555-5555-4555-8555-555555555555';
const T0 = Date.UTC(2026, 10, 11, 2, 0, 0);
const T1 = T0 + 60_000;

/** One valid local record per store, as the areas write them. */
const SAMPLES: Record<string, Record<string, unknown>> = {
  comments: { id: crypto.randomUUID(), shopId: SHOP, taskId: TASK, authorId: ME, body: '@小美 主图换成白底', mentions: [ME], at: T0, updatedAt: T1, deletedAt: null },
  attachments: { id: crypto.randomUUID(), shopId: SHOP, taskId: TASK, commentId: null, uploadedBy: ME, name: '主图v2.png', mimeType: 'image/png', sizeBytes: 20480, at: T0, deletedAt: null },
  imageVersions: {
    id: crypto.randomUUID(), shopId: SHOP, itemId: '680012345678', slot: 0, version: 3, imageUrl: 'https://img.alicdn.com/imgextra/i1/O1CN01abc.jpg', imageId: 'O1CN01abc',
    taskId: TASK, note: '白底', source: 'itemEdit', createdBy: ME, at: T0, liveSince: T1, liveUntil: null, deletedAt: null,
  },
  priceChanges: {
    id: crypto.randomUUID(), shopId: SHOP, itemId: '680012345678', skuId: '5012345', skuLabel: '原木色 / 1.2米', taskId: null, oldPrice: 1299, newPrice: 1199.5,
    source: 'response', reason: '双11', createdBy: ME, at: T0, deletedAt: null,
  },
  targets: { id: `${SHOP}|payAmtRfdRate|680012345678`, shopId: SHOP, metric: 'payAmtRfdRate', itemKey: '680012345678', monthly: null, line: { direction: 'max', value: 0.05 }, updatedAt: T1, updatedBy: ME },
  rules: { ...RULE_TEMPLATES[0]!.build(RULE), shopId: SHOP, disabledReasons: [], createdAt: T0, updatedAt: T1 },
  firings: {
    key: `${RULE}|item:680012345678|2026-11-11`, ruleId: RULE, shopId: SHOP, at: T0, ruleName: '销量低于目标', scope: 'item:680012345678', period: '2026-11-11', provisional: true,
    messageZh: '连续3天低于目标', messageEn: 'below target 3 days', evidence: { observed: 812, line: 1000 }, notify: [ME], suggestion: { zh: '调整关键词', en: 'adjust keywords' },
    alertId: null, taskId: TASK, taskError: null,
  },
  boards: {
    id: crypto.randomUUID(), shopId: SHOP, ownerId: ME, name: '大促看板', itemId: null, shared: true, createdAt: T0, updatedAt: T1,
    items: [{ id: 'a', label: '加购率', source: { kind: 'formula', formula: 'cartByrCnt / uv' }, unit: 'rate', target: 0.1, warning: 0.05, higherIsBetter: true }],
  },
  itemCatalog: { shopId: SHOP, itemId: '680012345678', title: '北欧实木餐桌 家用小户型', imageUrl: 'https://img.alicdn.com/imgextra/i1/O1CN01abc.jpg', seenAt: T1 },
};

/** What pull_changes would hand back for a record: its columns plus the server-managed ones. */
function serverRow(store: string, rec: Record<string, unknown>): Record<string, unknown> {
  const a = adapterForStore(store)!;
  const ts = (m: unknown): string => new Date(m as number).toISOString();
  const created = rec.at ?? rec.createdAt ?? rec.updatedAt ?? rec.seenAt;
  const updated = rec.updatedAt ?? rec.at ?? rec.seenAt;
  return { ...a.toServer(rec), id: a.serverId(rec), revision: 7, field_revisions: {}, created_at: ts(created), updated_at: ts(updated), deleted_at: null };
}

describe('area adapters: local record → server columns → local record', () => {
  it('covers every area store once, each with its own server table', () => {
    // Metric months hold one server row per day: tests/unit/sync/area-metrics.test.ts has their round trip.
    expect(AREA_ADAPTERS.map((a) => a.store).sort()).toEqual([...Object.keys(SAMPLES), 'metricMonths'].sort());
    for (const a of AREA_ADAPTERS) expect(adapterForTable(a.table)).toBe(a);
  });

  for (const [store, rec] of Object.entries(SAMPLES)) {
    it(`${store} round-trips`, () => {
      const a = adapterForStore(store)!;
      const row = serverRow(store, rec);
      // The Dexie key: an id, a firing's key, or the catalog's compound [shopId, itemId].
      expect(a.localKey(row)).toEqual(rec.id ?? rec.key ?? [rec.shopId, rec.itemId]);
      const back = a.fromServer(row, rec);
      expect(back).toEqual({ ok: true, record: rec });
    });
  }

  it('server ids: uuids kept, derived ones stable per shop and key (teammates write one row)', () => {
    expect(adapterForStore('comments')!.serverId(SAMPLES.comments!)).toBe(SAMPLES.comments!.id);
    const f = SAMPLES.firings!;
    expect(adapterForStore('firings')!.serverId(f)).toBe(firingServerId(SHOP, f.key as string));
    expect(adapterForStore('firings')!.serverId({ ...f })).toBe(adapterForStore('firings')!.serverId(f));
    expect(adapterForStore('targets')!.serverId(SAMPLES.targets!)).toMatch(/^[0-9a-f-]{36}$/);
    expect(adapterForStore('rules')!.serverId({ ...SAMPLES.rules, id: 'builtin-1' })).toBeNull();
    expect(adapterForStore('firings')!.serverId({ ...f, ruleId: 'builtin-1' })).toBeNull();
  });

  it('writes no server-managed column and keeps local-only fields local', () => {
    for (const [store, rec] of Object.entries(SAMPLES)) {
      const cols = Object.keys(adapterForStore(store)!.toServer(rec));
      for (const managed of ['id', 'revision', 'field_revisions', 'created_at', 'updated_at', 'deleted_at']) expect(cols).not.toContain(managed);
    }
    expect(adapterForStore('firings')!.toServer(SAMPLES.firings!)).not.toHaveProperty('alert_id');
    expect(adapterForStore('attachments')!.toServer(SAMPLES.attachments!).storage_path).toBe(attachmentPath(SAMPLES.attachments!));
  });

  it('a pulled tombstone of a soft-delete store keeps the record as deleted; attachments drop their bytes', () => {
    const a = adapterForStore('attachments')!;
    const live = a.fromServer(serverRow('attachments', SAMPLES.attachments!), { ...SAMPLES.attachments, data: new Blob(['x']) });
    expect(live.ok && live.record.data instanceof Blob).toBe(true);
    const gone = a.fromServer({ ...serverRow('attachments', SAMPLES.attachments!), deleted_at: new Date(T1).toISOString() }, { ...SAMPLES.attachments, data: new Blob(['x']) });
    expect(gone.ok && gone.record.deletedAt === T1 && gone.record.data === undefined).toBe(true);
  });

  it('a pulled row the local schema refuses is reported with the field, not stored', () => {
    const bad = adapterForStore('targets')!.fromServer({ ...serverRow('targets', SAMPLES.targets!), metric: 'notAMetric' }, undefined);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/metric/);
    const price = adapterForStore('priceChanges')!.fromServer({ ...serverRow('priceChanges', SAMPLES.priceChanges!), new_price: '1199.50' }, undefined);
    expect(price.ok && price.record.newPrice).toBe(1199.5);
  });
});
