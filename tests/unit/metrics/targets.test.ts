import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inbox } from '@/lib/alerts/store';
import { ingestFigures } from '@/lib/metrics/store';
import { checkTargets, lineStatus, pace, saveTarget, targetSchema } from '@/lib/metrics/targets';
import { fig, setupEnv, type TestEnv } from './helpers';

describe('statuses', () => {
  it('upper line: ok, watch within 10% below, breach above', () => {
    const line = { direction: 'max' as const, value: 0.05 };
    expect(lineStatus(line, 0.03)).toBe('ok');
    expect(lineStatus(line, 0.046)).toBe('watch');
    expect(lineStatus(line, 0.05)).toBe('watch');
    expect(lineStatus(line, 0.0501)).toBe('breach');
  });
  it('lower line: ok, watch within 10% above, breach below', () => {
    const line = { direction: 'min' as const, value: 0.02 };
    expect(lineStatus(line, 0.03)).toBe('ok');
    expect(lineStatus(line, 0.021)).toBe('watch');
    expect(lineStatus(line, 0.019)).toBe('breach');
  });
  it('paces a monthly target day by day (30-day month)', () => {
    const recs = Array.from({ length: 10 }, (_, i) => ({ date: `2026-11-${String(i + 1).padStart(2, '0')}`, period: 'day' as const, value: 10_000 }));
    // 300 000 in November → 100 000 expected by the 10th.
    expect(pace(300_000, recs, '2026-11-10')).toMatchObject({ expected: 100_000, actual: 100_000, status: 'ok' });
    expect(pace(320_000, recs, '2026-11-10').status).toBe('watch'); // expected 106 667, 6% behind
    expect(pace(400_000, recs, '2026-11-10').status).toBe('breach'); // 25% behind
    // A day without its daily figure counts its real-time one; records of other months are ignored.
    const withToday = [...recs, { date: '2026-11-11', period: 'realtime' as const, value: 5000 }, { date: '2026-10-31', period: 'day' as const, value: 1e9 }];
    expect(pace(300_000, withToday, '2026-11-11').actual).toBe(105_000);
  });
  it('refuses a monthly target on a rate and a rate line given in percent', () => {
    const base = { id: 'x', shopId: 's', itemKey: '', updatedAt: 1, updatedBy: null };
    expect(targetSchema.safeParse({ ...base, metric: 'payRate', monthly: 3, line: null }).success).toBe(false);
    expect(targetSchema.safeParse({ ...base, metric: 'payAmtRfdRate', monthly: null, line: { direction: 'max', value: 5 } }).success).toBe(false);
    expect(targetSchema.safeParse({ ...base, metric: 'payAmtRfdRate', monthly: null, line: { direction: 'max', value: 0.05 } }).success).toBe(true);
    expect(targetSchema.safeParse({ ...base, metric: 'nope', monthly: null, line: { direction: 'max', value: 1 } }).success).toBe(false);
  });
});

describe('alerts from targets', () => {
  let env: TestEnv;
  let shopId: string;
  beforeEach(async () => {
    env = await setupEnv();
    shopId = (await env.workspace.state()).shop!.id;
  });
  afterEach(async () => {
    await env.close();
  });
  const store = async (figures: unknown[]) => {
    const r = await ingestFigures(env.db, { shopId, figures, capturedAt: env.now(), today: env.today() });
    return checkTargets(env, shopId, r.records);
  };

  it('raises a breach once per metric, scope and day, provisional while the refund data is immature, and notifies once', async () => {
    await saveTarget(env.db, shopId, { metric: 'payAmtRfdRate', itemId: null, monthly: null, line: { direction: 'max', value: 0.05 } }, null, 1);
    expect(await store([fig('payAmtRfdRate', 0.04, '2026-11-22')])).toHaveLength(0); // watch, no alert
    const first = await store([fig('payAmtRfdRate', 0.061, '2026-11-23')]);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ key: 'target|payAmtRfdRate|shop|2026-11-23', kind: 'target', provisional: true });
    expect(first[0]!.message).toContain('暂定');
    // Re-captured later the same day, and the real-time figure of that day: no second alert.
    expect(await store([fig('payAmtRfdRate', 0.07, '2026-11-23')])).toHaveLength(0);
    expect(await store([fig('payAmtRfdRate', 0.07, '2026-11-23', { period: 'realtime' })])).toHaveLength(0);
    expect(env.notified).toHaveLength(1);
    expect(env.notified[0]!.title).toContain('金额退款率');
    // Next day breaches again: a new alert.
    env.clock.today = '2026-11-25';
    env.clock.now += 86_400_000;
    expect(await store([fig('payAmtRfdRate', 0.08, '2026-11-24')])).toHaveLength(1);
    // A mature day (older than 14 days but inside the window? no: outside) raises nothing.
    expect(await store([fig('payAmtRfdRate', 0.08, '2026-10-01')])).toHaveLength(0);
    expect((await inbox(env.db, shopId, null)).map((a) => a.key)).toEqual(['target|payAmtRfdRate|shop|2026-11-24', 'target|payAmtRfdRate|shop|2026-11-23']);
  });

  it('a mature non-refund breach is not provisional; item scope has its own key', async () => {
    await saveTarget(env.db, shopId, { metric: 'payRate', itemId: '700000000001', monthly: null, line: { direction: 'min', value: 0.02 } }, null, 1);
    const alerts = await store([fig('payRate', 0.01, '2026-11-20', { itemId: '700000000001' }), fig('payRate', 0.01, '2026-11-20')]);
    expect(alerts.map((a) => [a.key, a.provisional])).toEqual([['target|payRate|700000000001|2026-11-20', false]]);
  });

  it('alerts when the month falls more than 10% behind the pace', async () => {
    await saveTarget(env.db, shopId, { metric: 'payAmt', itemId: null, monthly: 300_000, line: null }, null, 1);
    const days = Array.from({ length: 9 }, (_, i) => fig('payAmt', 10_000, `2026-11-${String(i + 1).padStart(2, '0')}`));
    expect(await store(days)).toHaveLength(0); // exactly on pace
    const behind = await store([fig('payAmt', 1_000, '2026-11-10'), fig('payAmt', 500, '2026-11-11')]);
    // 11-10: 91 000 vs 100 000 expected (9% behind: watch); 11-11: 91 500 vs 110 000 (breach).
    expect(behind.map((a) => a.key)).toEqual(['target|payAmt|shop|2026-11-11']);
    expect(behind[0]!.message).toContain('按进度应达');
  });
});
