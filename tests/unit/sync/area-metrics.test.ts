/**
 * Captured metrics in team sync (lib/sync/area/metrics.ts): a month bucket change becomes one
 * outbox row per changed day (derived ids, whole rows, realtime left out), pulled day rows merge
 * into their bucket (last capture wins), only owner / ops director / operator browsers queue
 * anything (following role changes), a refused row or a tombstone never removes local figures,
 * and a first upload sends the last 90 days only.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZhangguiDb } from '@/lib/db/schema';
import type { Role } from '@/lib/domain';
import { addDays, allRecords, ingestFigures, metricStore, series } from '@/lib/metrics/store';
import { adapterForStore, adapterForTable } from '@/lib/sync/area';
import { METRIC_UPLOAD_DAYS, metricMonths, metricServerId } from '@/lib/sync/area/metrics';
import { setAreaTracking } from '@/lib/sync/area/tracking';
import { queueAreaUpload } from '@/lib/sync/area/upload';
import { SyncEngine } from '@/lib/sync/engine';
import type { OutboxRow } from '@/lib/sync/model';
import type { Mutation, SyncServer } from '@/lib/sync/server';
import { uuidv5 } from '@/lib/sync/uuid5';

const SHOP = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const ME = '44444444-4444-4444-8444-444444444444';
const ITEM = '680012345678';
const T0 = Date.UTC(2026, 10, 20, 2, 0, 0, 123);
const HOUR = 3_600_000;
const TODAY = '2026-11-20';

let db: ZhangguiDb;
beforeEach(() => {
  db = new ZhangguiDb(`zg-metrics-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const outbox = async (): Promise<OutboxRow[]> => (await db.table('outbox').toArray()) as OutboxRow[];
const fig = (metric: string, value: number, date: string, over: Record<string, unknown> = {}) => ({ metric, value, date, period: 'day', itemId: ITEM, source: 'dom', ...over });
const ingest = (figures: unknown[], at = T0, shopId = SHOP, today = TODAY) => ingestFigures(db, { shopId, figures, capturedAt: at, today });
async function signedIn(role: Role | null): Promise<void> {
  await db.settings.put({ key: 'currentMemberId', value: ME });
  if (role) await db.members.put({ id: ME, shopId: SHOP, name: '我', role, taobaoAccount: null, createdAt: T0, updatedAt: T0, deletedAt: null });
}
const row = (date: string, over: Record<string, unknown> = {}) => ({
  id: metricServerId(SHOP, 'uv', ITEM, 'day', date),
  shop_id: SHOP,
  metric: 'uv',
  item_id: ITEM,
  item_key: ITEM,
  period: 'day',
  date,
  value: 120,
  provisional: false,
  source: 'response',
  captured_at: new Date(T0).toISOString(),
  revision: 9,
  field_revisions: {},
  created_at: new Date(T0).toISOString(),
  updated_at: new Date(T0).toISOString(),
  deleted_at: null,
  ...over,
});

describe('metric adapter', () => {
  it('is registered for metricMonths ↔ public.metric_snapshots; ids derive from the figure key', () => {
    expect(adapterForStore('metricMonths')).toBe(metricMonths);
    expect(adapterForTable('metric_snapshots')).toBe(metricMonths);
    expect(metricMonths.deletes).toBe('none');
    expect(metricMonths.writeRoles).toEqual(['owner', 'ops_director', 'operator']);
    const day = { shopId: SHOP, metric: 'uv', itemKey: ITEM, itemId: ITEM, period: 'day', date: '2026-11-18', value: 1, provisional: false, source: 'dom', capturedAt: T0 };
    expect(metricMonths.serverId(day)).toBe(uuidv5(`metric|${SHOP}|uv|${ITEM}|day|2026-11-18`));
    expect(metricMonths.serverId({ ...day, itemKey: '', itemId: null })).toBe(uuidv5(`metric|${SHOP}|uv||day|2026-11-18`));
    expect(metricMonths.serverId({ ...day, period: 'realtime' })).toBeNull();
    expect(metricMonths.toServer(day)).toEqual({ shop_id: SHOP, metric: 'uv', item_id: ITEM, period: 'day', date: '2026-11-18', value: 1, provisional: false, source: 'dom', captured_at: new Date(T0).toISOString() });
    expect(metricMonths.localKey(row('2026-11-18'))).toEqual([SHOP, 'uv', ITEM, 'day', '2026-11']);
    expect(metricMonths.localKey({ ...row('2026-11-18'), item_id: null, item_key: '' })).toEqual([SHOP, 'uv', '', 'day', '2026-11']);
  });
});

describe('metric tracking: one row per changed day', () => {
  it('an operator capture queues one whole row per day; the same figures again queue nothing; a new value or maturity queues that day only', async () => {
    setAreaTracking(db, SHOP, () => T0);
    await signedIn('operator');
    await ingest([fig('uv', 100, '2026-11-18'), fig('uv', 110, '2026-11-19'), fig('payAmt', 999.5, '2026-11-19'), fig('uv', 5, '2026-10-31')]);
    const rows = await outbox();
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.rowId)).size).toBe(4);
    expect(rows.find((r) => r.rowId === metricServerId(SHOP, 'uv', ITEM, 'day', '2026-11-19'))).toMatchObject({
      table: 'metric_snapshots',
      op: 'upsert',
      fields: { shop_id: SHOP, metric: 'uv', item_id: ITEM, period: 'day', date: '2026-11-19', value: 110, provisional: false, source: 'dom', captured_at: new Date(T0).toISOString() },
    });
    // The dashboard read again an hour later: same figures, only captured_at moves → nothing.
    await ingest([fig('uv', 100, '2026-11-18'), fig('uv', 110, '2026-11-19')], T0 + HOUR);
    expect(await outbox()).toHaveLength(4);
    // A corrected figure: that day only, the whole row.
    await ingest([fig('uv', 100, '2026-11-18'), fig('uv', 111, '2026-11-19')], T0 + 2 * HOUR);
    const after = await outbox();
    expect(after).toHaveLength(5);
    expect(after[4]!.fields).toMatchObject({ date: '2026-11-19', value: 111, captured_at: new Date(T0 + 2 * HOUR).toISOString(), shop_id: SHOP });
    // Today's figure is provisional; read again the next day, the same value is final: one row.
    await ingest([fig('uv', 50, TODAY)], T0 + 3 * HOUR);
    await ingest([fig('uv', 50, TODAY)], T0 + 25 * HOUR, SHOP, '2026-11-21');
    expect((await outbox()).slice(5).map((r) => [r.fields.date, r.fields.value, r.fields.provisional])).toEqual([
      [TODAY, 50, true],
      [TODAY, 50, false],
    ]);
  });

  it('queues nothing for realtime figures, in local-only mode, or for another shop', async () => {
    await signedIn('owner');
    await ingest([fig('uv', 100, '2026-11-18')]);
    expect(await outbox()).toEqual([]);
    setAreaTracking(db, SHOP, () => T0);
    await ingest([fig('uv', 7, '2026-11-20', { period: 'realtime' })], T0 + HOUR);
    await ingest([fig('uv', 8, '2026-11-18')], T0 + HOUR, OTHER);
    expect(await outbox()).toEqual([]);
  });

  it('roles that may not record metrics queue nothing, and the gate follows role changes', async () => {
    setAreaTracking(db, SHOP, () => T0);
    await signedIn(null); // "me" not pulled yet: unknown role
    await ingest([fig('uv', 1, '2026-11-01')]);
    await signedIn('cs');
    await ingest([fig('uv', 2, '2026-11-02')]);
    for (const role of ['cs_lead', 'designer', 'warehouse'] as const) {
      await db.members.update(ME, { role });
      await ingest([fig('uv', 3, '2026-11-03')], T0 + HOUR * 3 + role.length);
    }
    expect(await outbox()).toEqual([]);
    expect(await series(db, { shopId: SHOP, metric: 'uv', itemId: ITEM, from: '2026-11-01', to: '2026-11-30' })).toHaveLength(3); // stored locally all the same
    await db.members.update(ME, { role: 'operator' });
    await ingest([fig('uv', 4, '2026-11-04')]);
    expect((await outbox()).map((r) => r.fields.date)).toEqual(['2026-11-04']);
    await db.members.update(ME, { role: 'designer' });
    await ingest([fig('uv', 5, '2026-11-05')]);
    await db.members.update(ME, { role: 'ops_director', deletedAt: T0 }); // removed from the shop
    await ingest([fig('uv', 6, '2026-11-06')]);
    expect(await outbox()).toHaveLength(1);
  });
});

describe('metric pulls merge a day into its month bucket', () => {
  it('a new bucket, another day added to it, a stale figure ignored, a newer one taken', () => {
    const first = metricMonths.fromServer(row('2026-11-18'), undefined);
    expect(first.ok).toBe(true);
    const b = first.ok ? first.record : {};
    expect(b).toMatchObject({ shopId: SHOP, metric: 'uv', itemKey: ITEM, itemId: ITEM, period: 'day', month: '2026-11' });
    expect((b.value as unknown[])[17]).toBe(120);
    expect((b.value as unknown[]).filter((v) => v !== null)).toHaveLength(1);
    const second = metricMonths.fromServer(row('2026-11-19', { value: '130.5', provisional: true }), b);
    const b2 = second.ok ? second.record : {};
    expect((b2.value as unknown[]).slice(17, 19)).toEqual([120, 130.5]);
    expect((b2.provisional as unknown[]).slice(17, 19)).toEqual([false, true]);
    expect((b.value as unknown[])[18]).toBeNull(); // the input bucket is not mutated
    // Captured earlier than the local figure: ignored.
    const stale = metricMonths.fromServer(row('2026-11-19', { value: 1, captured_at: new Date(T0 - HOUR).toISOString() }), b2);
    expect(stale).toEqual({ ok: true, record: b2 });
    const newer = metricMonths.fromServer(row('2026-11-19', { value: 140, source: 'dom', captured_at: new Date(T0 + HOUR).toISOString() }), b2);
    expect(newer.ok && (newer.record.value as unknown[])[18]).toBe(140);
    expect(newer.ok && (newer.record.capturedAt as unknown[])[18]).toBe(T0 + HOUR);
    expect(newer.ok && (newer.record.source as unknown[])[18]).toBe('dom');
  });

  it('refuses rows the figure schema refuses, and never replaces a local bucket it cannot read', () => {
    for (const bad of [{ value: 'abc' }, { source: 'guess' }, { item_id: '12' }, { captured_at: null }, { period: 'year' }, { date: '2026-13-01' }]) {
      const r = metricMonths.fromServer(row('2026-11-18', bad), undefined);
      expect(r.ok).toBe(false);
    }
    const broken = { shopId: SHOP, metric: 'uv', itemKey: ITEM, itemId: ITEM, period: 'day', month: '2026-11', value: [1], capturedAt: [], source: [], provisional: [] };
    expect(metricMonths.fromServer(row('2026-11-18'), broken).ok).toBe(false);
  });
});

/** A server for the engine: pulls what the test puts in `pulled`, refuses or accepts pushes. */
function fakeServer(opts: { pulled?: unknown[]; refuse?: boolean; selected?: Record<string, unknown>[] } = {}): SyncServer & { pushed: Mutation[] } {
  const pushed: Mutation[] = [];
  let served = false;
  return {
    pushed,
    async push(_c, mutations) {
      pushed.push(...mutations);
      return mutations.map((m, i) => (opts.refuse ? { seq: m.seq, status: 'rejected' as const, revision: null, code: '42501', message: 'new row violates row-level security policy', conflicts: [] } : { seq: m.seq, status: 'ok' as const, revision: i + 1, code: null, message: null, conflicts: [] }));
    },
    async pull() {
      if (served) return [];
      served = true;
      return opts.pulled ?? [];
    },
    async select() {
      return opts.selected ?? [];
    },
    async uploadFile() {},
    async downloadFile() {
      throw new Error('not used');
    },
  };
}

describe('metric rows through the engine', () => {
  it('pulled day rows land in the bucket, a stale one is ignored, a tombstone removes nothing, nothing is echoed', async () => {
    setAreaTracking(db, SHOP, () => T0);
    await signedIn('owner');
    await ingest([fig('uv', 150, '2026-11-19')], T0 + HOUR);
    await db.table('outbox').clear();
    const pulled = [
      row('2026-11-18'),
      row('2026-11-19', { value: 1 }), // captured before the local figure
      row('2026-11-17', { value: 90, deleted_at: new Date(T0).toISOString() }),
      { ...row('2026-11-16'), metric: 'payAmt', value: 1999, id: metricServerId(SHOP, 'payAmt', ITEM, 'day', '2026-11-16') },
    ].map((r, i) => ({ table: 'metric_snapshots', revision: 10 + i, row: r }));
    const engine = new SyncEngine({ db, server: fakeServer({ pulled }), shopId: SHOP, userId: null, clock: () => T0 });
    await engine.pull();
    const uv = await series(db, { shopId: SHOP, metric: 'uv', itemId: ITEM, from: '2026-11-01', to: '2026-11-30' });
    expect(uv.map((r) => [r.date, r.value, r.source])).toEqual([
      ['2026-11-18', 120, 'response'],
      ['2026-11-19', 150, 'dom'],
    ]);
    expect((await allRecords(db, SHOP)).find((r) => r.metric === 'payAmt')).toMatchObject({ value: 1999, date: '2026-11-16' });
    expect(await outbox()).toEqual([]);
    expect(await db.quarantine.count()).toBe(0);
  });

  it('a pulled later capture replaces a day whose older local push is still queued (no shadowing needed)', async () => {
    setAreaTracking(db, SHOP, () => T0);
    await signedIn('operator');
    await ingest([fig('uv', 100, '2026-11-18'), fig('uv', 110, '2026-11-19')], T0 - HOUR);
    expect(await outbox()).toHaveLength(2);
    const pulled = [row('2026-11-18', { value: 105 }), row('2026-11-19', { value: 1, captured_at: new Date(T0 - 2 * HOUR).toISOString() })].map((r, i) => ({ table: 'metric_snapshots', revision: 20 + i, row: r }));
    await new SyncEngine({ db, server: fakeServer({ pulled }), shopId: SHOP, userId: null, clock: () => T0 }).pull();
    const uv = await series(db, { shopId: SHOP, metric: 'uv', itemId: ITEM, from: '2026-11-01', to: '2026-11-30' });
    expect(uv.map((r) => [r.date, r.value])).toEqual([
      ['2026-11-18', 105],
      ['2026-11-19', 110],
    ]);
    expect(await outbox()).toHaveLength(2); // the queued pushes stay (the server keeps the later capture)
  });

  it('a refused metric row never deletes local figures', async () => {
    setAreaTracking(db, SHOP, () => T0);
    await signedIn('operator');
    await ingest([fig('uv', 100, '2026-11-18'), fig('uv', 110, '2026-11-19')]);
    expect(await outbox()).toHaveLength(2);
    const server = fakeServer({ refuse: true });
    const engine = new SyncEngine({ db, server, shopId: SHOP, userId: null, clock: () => T0 });
    const pushed = await engine.push();
    expect(pushed.rejected).toBe(2);
    expect(await outbox()).toEqual([]);
    expect((await series(db, { shopId: SHOP, metric: 'uv', itemId: ITEM, from: '2026-11-01', to: '2026-11-30' })).map((r) => r.value)).toEqual([100, 110]);
    expect(await metricStore(db).count()).toBe(1);
  });
});

describe('first upload of a local shop: the last 90 days of figures', () => {
  it('queues one row per day of the last 90 days, whoever "me" is', async () => {
    await signedIn('owner');
    // Two years of daily figures for 3 metrics of the shop and one item, before team mode.
    const start = addDays(TODAY, -729);
    const figures: unknown[] = [];
    for (let d = 0; d < 730; d++) {
      const date = addDays(start, d);
      for (const metric of ['uv', 'pv', 'payAmt']) figures.push(fig(metric, d, date), fig(metric, d, date, { itemId: null }));
    }
    await ingest(figures);
    await ingest([fig('uv', 3, TODAY, { period: 'realtime' })]);
    const n = await queueAreaUpload(db, SHOP, (id) => id, T0);
    expect(n).toBe(METRIC_UPLOAD_DAYS * 6);
    const rows = await outbox();
    const dates = rows.map((r) => r.fields.date as string).sort();
    expect(dates[0]).toBe(addDays(TODAY, -(METRIC_UPLOAD_DAYS - 1)));
    expect(dates.at(-1)).toBe(TODAY);
    expect(new Set(rows.map((r) => r.rowId)).size).toBe(rows.length);
    expect(rows.every((r) => r.table === 'metric_snapshots' && r.op === 'upsert' && r.fields.shop_id === SHOP && r.fields.period === 'day')).toBe(true);
    // Everything stays local.
    expect(await allRecords(db, SHOP)).toHaveLength(730 * 6 + 1);

    // Not gated by the role of "me": the uploader owns the shop it just created, and the server's RLS
    // refuses (and the engine rolls back) anything a role may not write. An unresolved "me" drops nothing.
    await db.table('outbox').clear();
    await db.members.update(ME, { role: 'designer' });
    expect(await queueAreaUpload(db, SHOP, (id) => id, T0)).toBe(METRIC_UPLOAD_DAYS * 6);
    await db.table('outbox').clear();
    await db.settings.delete('currentMemberId');
    expect(await queueAreaUpload(db, SHOP, (id) => id, T0)).toBe(METRIC_UPLOAD_DAYS * 6);
  });
});
