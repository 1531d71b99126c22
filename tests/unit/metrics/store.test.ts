import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { metricBucketSchema } from '@/lib/metrics/record';
import { allRecords, countFigures, ingestFigures, lastDateOf, latestOf, latestPerMetric, metricAcrossScopes, metricStore, scopeRange, series, seriesMany, sevenDayAverage, toRecords } from '@/lib/metrics/store';
import { fig, setupEnv, type TestEnv } from './helpers';

let env: TestEnv;
beforeEach(async () => {
  env = await setupEnv();
});
afterEach(async () => {
  await env.close();
});

const SHOP = 'shop-1';
const ingest = (figures: unknown[], capturedAt = 1000, today = '2026-11-24') => ingestFigures(env.db, { shopId: SHOP, figures, capturedAt, today });

describe('metric store', () => {
  it('keys by shop/metric/item/period/date; the last capture wins and keeps capturedAt and source', async () => {
    await ingest([fig('payAmt', 100, '2026-11-23'), fig('payAmt', 7, '2026-11-23', { itemId: '700000000001' })], 1000);
    await ingest([fig('payAmt', 120, '2026-11-23', { source: 'response' })], 2000);
    const rows = await allRecords(env.db);
    expect(rows).toHaveLength(2);
    const shopRow = rows.find((r) => r.itemKey === '')!;
    expect(shopRow).toMatchObject({ value: 120, source: 'response', capturedAt: 2000, shopId: SHOP, itemId: null });
    expect(rows.find((r) => r.itemKey === '700000000001')!.value).toBe(7);
    // Same day, other period: its own record.
    await ingest([fig('payAmt', 50, '2026-11-23', { period: 'realtime' })], 3000);
    expect(await countFigures(env.db)).toBe(3);
  });

  it('refuses invalid figures with a reason and stores the valid ones of the batch', async () => {
    const r = await ingest([fig('payAmt', Number.NaN, '2026-11-23'), fig('uv', 10, '2026-02-30'), fig('uv', 10, '2026-11-23', { itemId: '<script>' }), fig('uv', 10, '2026-11-23')]);
    expect(r.stored).toBe(1);
    expect(r.rejected.map((x) => x.index)).toEqual([0, 1, 2]);
    expect(r.rejected[0]!.reason).toContain('value');
    expect(await countFigures(env.db)).toBe(1);
  });

  it('marks refund figures provisional for ~14 days, most others from T+1', async () => {
    const r = toRecords({
      shopId: SHOP,
      capturedAt: 1,
      today: '2026-11-24',
      figures: [fig('payAmtRfdRate', 0.04, '2026-11-20'), fig('payAmtRfdRate', 0.04, '2026-11-09'), fig('payAmt', 1, '2026-11-23'), fig('payAmt', 1, '2026-11-24', { period: 'realtime' })],
    });
    expect(r.records.map((x) => x.provisional)).toEqual([true, false, false, true]);
  });

  it('answers series, latest per metric and the 7-day average', async () => {
    const days = ['2026-11-14', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'];
    await ingest(days.map((d, i) => fig('uv', 100 + i * 10, d)));
    await ingest([fig('payRate', 0.03, '2026-11-22'), fig('uv', 5, '2026-11-23', { itemId: '700000000001' })]);
    const s = await series(env.db, { shopId: SHOP, metric: 'uv', itemId: null, from: '2026-11-16', to: '2026-11-18' });
    expect(s.map((r) => [r.date, r.value])).toEqual([
      ['2026-11-16', 120],
      ['2026-11-17', 130],
      ['2026-11-18', 140],
    ]);
    const latest = await latestPerMetric(env.db, SHOP, null);
    expect(Object.keys(latest).sort()).toEqual(['payRate', 'uv']);
    expect(latest.uv!.date).toBe('2026-11-23');
    // 7 days before 11-23: 11-16..11-22 → 120..180, mean 150.
    expect(await sevenDayAverage(env.db, SHOP, 'uv', null, '2026-11-23')).toEqual({ value: 150, days: 7 });
    expect(await sevenDayAverage(env.db, SHOP, 'uv', '700000000001', '2026-11-23')).toBeNull();
    expect((await scopeRange(env.db, SHOP, '700000000001', '2026-11-01', '2026-11-30')).map((r) => r.value)).toEqual([5]);
    const many = await seriesMany(env.db, { shopId: SHOP, metrics: ['payRate', 'uv', 'pv'], itemId: null, from: '2026-11-21', to: '2026-11-22' });
    expect(many.map((r) => `${r.metric}@${r.date}`)).toEqual(['payRate@2026-11-22', 'uv@2026-11-21', 'uv@2026-11-22']);
    // Other shops never leak into a query.
    await ingestFigures(env.db, { shopId: 'shop-2', figures: [fig('uv', 999, '2026-11-17')], capturedAt: 1, today: '2026-11-24' });
    expect((await series(env.db, { shopId: SHOP, metric: 'uv', itemId: null, from: '2026-11-17', to: '2026-11-17' }))[0]!.value).toBe(130);
  });
});

describe('metric store: one record per month', () => {
  const ITEM = '700000000001';
  const ITEM2 = '700000000002';

  it('keeps a month of days in one record, validated by the bucket schema; a later ingest only changes its days', async () => {
    await ingest([fig('uv', 1, '2026-10-30'), fig('uv', 2, '2026-10-31'), fig('uv', 3, '2026-11-01')], 1000);
    await ingest([fig('uv', 4, '2026-11-02'), fig('uv', 30, '2026-10-31', { source: 'response' })], 2000);
    const buckets = await metricStore(env.db).toArray();
    expect(buckets.map((b) => b.month).sort()).toEqual(['2026-10', '2026-11']);
    for (const b of buckets) expect(metricBucketSchema.safeParse(b).success).toBe(true);
    const s = await series(env.db, { shopId: SHOP, metric: 'uv', itemId: null, from: '2026-10-31', to: '2026-11-01' });
    expect(s.map((r) => [r.date, r.value, r.capturedAt, r.source])).toEqual([
      ['2026-10-31', 30, 2000, 'response'],
      ['2026-11-01', 3, 1000, 'dom'],
    ]);
    expect(await countFigures(env.db)).toBe(4);
  });

  it('the later figure of one batch wins its day', async () => {
    const r = await ingest([fig('uv', 1, '2026-11-20'), fig('uv', 2, '2026-11-20')]);
    expect(r.stored).toBe(1);
    expect((await allRecords(env.db)).map((x) => x.value)).toEqual([2]);
  });

  it('keeps provisional per day from the dictionary inside one month', async () => {
    await ingest([fig('payAmtRfdRate', 0.04, '2026-11-20'), fig('payAmtRfdRate', 0.05, '2026-11-02')], 1, '2026-11-24');
    const s = await series(env.db, { shopId: SHOP, metric: 'payAmtRfdRate', itemId: null, from: '2026-11-01', to: '2026-11-30' });
    expect(s.map((x) => [x.date, x.provisional])).toEqual([
      ['2026-11-02', false],
      ['2026-11-20', true],
    ]);
  });

  it('scopeRange: every metric and period of one scope, by date then metric then period, cut to the range', async () => {
    await ingest([
      fig('uv', 1, '2026-11-01', { itemId: ITEM }),
      fig('pv', 2, '2026-11-01', { itemId: ITEM }),
      fig('pv', 3, '2026-11-01', { itemId: ITEM, period: 'realtime' }),
      fig('uv', 4, '2026-10-31', { itemId: ITEM }),
      fig('uv', 5, '2026-10-01', { itemId: ITEM }),
      fig('uv', 6, '2026-11-01', { itemId: ITEM2 }),
      fig('uv', 7, '2026-11-01'),
    ]);
    const r = await scopeRange(env.db, SHOP, ITEM, '2026-10-15', '2026-11-30');
    expect(r.map((x) => `${x.date}/${x.metric}/${x.period}=${x.value}`)).toEqual(['2026-10-31/uv/day=4', '2026-11-01/pv/day=2', '2026-11-01/pv/realtime=3', '2026-11-01/uv/day=1']);
    expect(r.every((x) => x.itemId === ITEM && x.itemKey === ITEM && x.shopId === SHOP)).toBe(true);
  });

  it('metricAcrossScopes: the shop and every item of one metric and period, by date then item (shop first)', async () => {
    await ingest([
      fig('uv', 1, '2026-11-02', { itemId: ITEM2 }),
      fig('uv', 2, '2026-11-02', { itemId: ITEM }),
      fig('uv', 3, '2026-11-02'),
      fig('uv', 4, '2026-11-01', { itemId: ITEM2 }),
      fig('uv', 5, '2026-11-03'),
      fig('uv', 6, '2026-11-02', { period: 'realtime' }),
      fig('pv', 7, '2026-11-02'),
    ]);
    await ingestFigures(env.db, { shopId: 'shop-2', figures: [fig('uv', 8, '2026-11-02')], capturedAt: 1, today: '2026-11-24' });
    const r = await metricAcrossScopes(env.db, SHOP, 'uv', 'day', '2026-11-01', '2026-11-02');
    expect(r.map((x) => `${x.date}/${x.itemKey}=${x.value}`)).toEqual([`2026-11-01/${ITEM2}=4`, '2026-11-02/=3', `2026-11-02/${ITEM}=2`, `2026-11-02/${ITEM2}=1`]);
  });

  it('lastDateOf and latestOf find the newest day across months and scopes', async () => {
    expect(await lastDateOf(env.db, SHOP, 'uv', 'day')).toBeNull();
    // The shop's newest day is later than the item's in the same month (the item's bucket sorts last).
    await ingest([fig('uv', 1, '2026-10-31'), fig('uv', 2, '2026-11-05'), fig('uv', 3, '2026-11-03', { itemId: ITEM }), fig('uv', 4, '2026-11-09', { period: 'realtime' })]);
    expect(await lastDateOf(env.db, SHOP, 'uv', 'day')).toBe('2026-11-05');
    expect(await lastDateOf(env.db, SHOP, 'pv', 'day')).toBeNull();
    expect(await latestOf(env.db, SHOP, 'uv', null)).toMatchObject({ date: '2026-11-05', value: 2 });
    expect(await latestOf(env.db, SHOP, 'uv', ITEM)).toMatchObject({ date: '2026-11-03', value: 3, itemId: ITEM });
    expect(await latestOf(env.db, SHOP, 'uv', ITEM2)).toBeNull();
  });

  it('allRecords of one shop leaves the other shops out', async () => {
    await ingest([fig('uv', 1, '2026-11-01')]);
    await ingestFigures(env.db, { shopId: 'shop-2', figures: [fig('uv', 2, '2026-11-01')], capturedAt: 1, today: '2026-11-24' });
    expect((await allRecords(env.db, SHOP)).map((r) => r.value)).toEqual([1]);
    expect(await countFigures(env.db)).toBe(2);
  });
});
