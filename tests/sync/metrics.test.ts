import { describe, expect, it } from 'vitest';
import { allRecords, ingestFigures, latestPerMetric, series } from '../../lib/metrics/store';
import { metricServerId } from '../../lib/sync/area/metrics';
import { lit } from './support/psql';
import { useShopWorld, type TestClient } from './support/world';

// Captured KPIs between teammates, against the real database: the operator's browser reads the
// figures, the owner's dashboard sees them, customer service sees the non-money ones only (RLS)
// and its own captures queue nothing (its role may not record metrics).
const OWNER = 0;
const OPERATOR = 1;
const CS = 2;
const ITEM = '680012345678';
const HOUR = 3_600_000;

const world = useShopWorld('metrics', ['owner', 'operator', 'cs']);
const { browser } = world;
const fig = (metric: string, value: number, date: string, over: Record<string, unknown> = {}) => ({ metric, value, date, period: 'day', itemId: ITEM, source: 'response', ...over });
const serverRows = async (where = ''): Promise<string[]> =>
  (await world.admin.must(`select metric || '|' || coalesce(item_id, '') || '|' || date || '|' || value || '|' || provisional from public.metric_snapshots where shop_id = ${lit(world.shopId)} ${where} order by 1;`)).filter((l) => l.trim() !== '');

describe('team sync of captured metrics', () => {
  it("the operator's captures reach the owner (day values, provisional flag) and customer service (non-money only); cs captures queue nothing", async () => {
    const op = browser(OPERATOR);
    const owner = browser(OWNER);
    const cs = browser(CS);
    for (const c of [op, owner, cs]) await c.engine.sync(); // each learns who "me" is from the roster

    // The operator's browser reads 生意参谋: two days of an item and the shop's pay amount.
    const now = Date.now();
    const r = await ingestFigures(op.db, {
      shopId: world.shopId,
      figures: [fig('uv', 1200, '2026-11-27'), fig('uv', 1350, '2026-11-28'), fig('payAmt', 8999.5, '2026-11-28', { itemId: null }), fig('rfdSucAmt', 120, '2026-11-28'), fig('uv', 77, '2026-11-29', { period: 'realtime' })],
      capturedAt: now,
      today: '2026-11-29',
    });
    expect(r.stored).toBe(5);
    expect(await op.db.table('outbox').count()).toBe(4); // realtime stays local
    expect((await op.engine.sync()).state).toBe('synced');
    expect(await serverRows()).toEqual([
      `payAmt||2026-11-28|8999.5|false`,
      `rfdSucAmt|${ITEM}|2026-11-28|120|true`, // refunds settle late: provisional
      `uv|${ITEM}|2026-11-27|1200|false`,
      `uv|${ITEM}|2026-11-28|1350|false`,
    ]);
    expect(await world.admin.must(`select id from public.metric_snapshots where shop_id = ${lit(world.shopId)} and metric = 'uv' and date = '2026-11-28';`)).toContain(metricServerId(world.shopId, 'uv', ITEM, 'day', '2026-11-28'));

    // The owner's dashboard: the same figures, provisional flag and capture time included.
    await owner.engine.sync();
    const uv = await series(owner.db, { shopId: world.shopId, metric: 'uv', itemId: ITEM, from: '2026-11-01', to: '2026-11-30' });
    expect(uv.map((x) => [x.date, x.value, x.provisional, x.source, x.capturedAt])).toEqual([
      ['2026-11-27', 1200, false, 'response', now],
      ['2026-11-28', 1350, false, 'response', now],
    ]);
    expect((await latestPerMetric(owner.db, world.shopId, ITEM)).rfdSucAmt).toMatchObject({ value: 120, provisional: true, date: '2026-11-28' });
    expect((await latestPerMetric(owner.db, world.shopId, null)).payAmt).toMatchObject({ value: 8999.5 });
    expect(await owner.db.table('outbox').count()).toBe(0); // nothing pulled is echoed

    // Customer service: the non-money figures only (RLS), and nothing realtime.
    await cs.engine.sync();
    const seen = (await allRecords(cs.db, world.shopId)).map((x) => `${x.metric}|${x.date}|${x.value}`).sort();
    expect(seen).toEqual(['uv|2026-11-27|1200', 'uv|2026-11-28|1350']);

    // Customer service's own browser reads a page: stored locally, nothing queued, nothing refused.
    await ingestFigures(cs.db, { shopId: world.shopId, figures: [fig('uv', 1400, '2026-11-28'), fig('pv', 5000, '2026-11-28')], capturedAt: now + HOUR, today: '2026-11-29' });
    expect(await cs.db.table('outbox').count()).toBe(0);
    expect((await cs.engine.sync()).state).toBe('synced');
    expect((await series(cs.db, { shopId: world.shopId, metric: 'uv', itemId: ITEM, from: '2026-11-28', to: '2026-11-28' }))[0]).toMatchObject({ value: 1400 });
    expect(await serverRows(`and metric = 'pv'`)).toEqual([]);
    expect(await cs.db.table('alerts').count()).toBe(0); // no "server refused" inbox entry
  });

  it('last capture wins on pull and on the server; only changed days travel; a refused row (role lowered meanwhile) keeps the local figures', async () => {
    const op = browser(OPERATOR);
    const owner = browser(OWNER);
    await op.engine.sync();
    await owner.engine.sync();
    const now = Date.now();
    // The owner's browser reads a newer figure for the 28th and pushes it.
    await ingestFigures(owner.db, { shopId: world.shopId, figures: [fig('uv', 1360, '2026-11-28')], capturedAt: now + 2 * HOUR, today: '2026-11-29' });
    expect((await owner.engine.sync()).state).toBe('synced');
    // The operator's browser pushes an unchanged day (nothing), a new day, and an older read of the 28th.
    await ingestFigures(op.db, { shopId: world.shopId, figures: [fig('uv', 1200, '2026-11-27'), fig('uv', 1210, '2026-11-26')], capturedAt: now, today: '2026-11-29' });
    await ingestFigures(op.db, { shopId: world.shopId, figures: [fig('uv', 1380, '2026-11-28')], capturedAt: now - HOUR, today: '2026-11-29' });
    expect(((await op.db.table('outbox').toArray()) as { fields: { date: string } }[]).map((o) => o.fields.date)).toEqual(['2026-11-26', '2026-11-28']);
    expect((await op.engine.sync()).state).toBe('synced');
    // The owner pulls both: the new day lands, the older 28th does not replace the newer local one.
    await owner.engine.sync();
    const days = await series(owner.db, { shopId: world.shopId, metric: 'uv', itemId: ITEM, from: '2026-11-26', to: '2026-11-28' });
    expect(days.map((x) => [x.date, x.value, x.capturedAt === now + 2 * HOUR])).toEqual([
      ['2026-11-26', 1210, false],
      ['2026-11-27', 1200, false], // re-read unchanged: only captured_at moved, nothing was sent
      ['2026-11-28', 1360, true],
    ]);
    expect(await owner.db.table('outbox').count()).toBe(0);
    // The server kept the later capture too (migration 20261129000500), and the operator's browser,
    // whose older push changed nothing there, took the newer figure on the same round's pull.
    expect(await serverRows(`and metric = 'uv' and date = '2026-11-28'`)).toEqual([`uv|${ITEM}|2026-11-28|1360|false`]);
    expect((await series(op.db, { shopId: world.shopId, metric: 'uv', itemId: ITEM, from: '2026-11-28', to: '2026-11-28' }))[0]).toMatchObject({ value: 1360, capturedAt: now + 2 * HOUR });

    // The operator captures; before the push, the owner lowers them to designer. The push is
    // refused (RLS), and the local figures stay.
    await ingestFigures(op.db, { shopId: world.shopId, figures: [fig('uv', 999, '2026-11-25'), fig('uv', 1001, '2026-11-24')], capturedAt: now + 3 * HOUR, today: '2026-11-29' });
    expect(await op.db.table('outbox').count()).toBe(2);
    await world.admin.must(`update public.members set role = 'designer' where id = ${lit(world.users[OPERATOR]!.memberId)};`);
    await op.engine.sync();
    expect(await op.db.table('outbox').count()).toBe(0);
    const kept = await series(op.db, { shopId: world.shopId, metric: 'uv', itemId: ITEM, from: '2026-11-24', to: '2026-11-28' });
    expect(kept.map((x) => [x.date, x.value])).toEqual([
      ['2026-11-24', 1001],
      ['2026-11-25', 999],
      ['2026-11-26', 1210],
      ['2026-11-27', 1200],
      ['2026-11-28', 1360],
    ]);
    expect(await serverRows(`and date in ('2026-11-24', '2026-11-25')`)).toEqual([]);
    // The pulled roster says designer now: the next capture queues nothing.
    await ingestFigures(op.db, { shopId: world.shopId, figures: [fig('uv', 1500, '2026-11-29')], capturedAt: now + 4 * HOUR, today: '2026-11-29' });
    expect(await op.db.table('outbox').count()).toBe(0);
    await world.admin.must(`update public.members set role = 'operator' where id = ${lit(world.users[OPERATOR]!.memberId)};`);
  });
});
