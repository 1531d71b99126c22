import { describe, expect, it } from 'vitest';
import { beforeAfter, type DailyValue } from '@/lib/collab/before-after';
import { addDays } from '@/lib/domain/dates';

const CHANGE = '2026-11-10';
function days(metric: string, from: number, to: number, value: (i: number) => number): DailyValue[] {
  const out: DailyValue[] = [];
  for (let i = from; i <= to; i++) out.push({ metric, date: addDays(CHANGE, i), value: value(i) });
  return out;
}

describe('beforeAfter', () => {
  it('compares the N days before the change with the N days after it, leaving the change day out', () => {
    const records = [...days('itmUv', -10, 10, (i) => (i < 0 ? 100 : i === 0 ? 10_000 : 150))];
    const [uv] = beforeAfter(records, { changeDate: CHANGE, days: 7, metrics: ['itmUv'] });
    expect(uv).toMatchObject({ metric: 'itmUv', status: 'ok', delta: 50, deltaRatio: 0.5 });
    if (uv?.status !== 'ok') throw new Error('expected ok');
    expect(uv.before).toEqual({ from: '2026-11-03', to: '2026-11-09', days: 7, mean: 100 });
    expect(uv.after).toEqual({ from: '2026-11-11', to: '2026-11-17', days: 7, mean: 150 });
  });

  it('says 数据不足 when a side has too few days, and reports how many it has', () => {
    const records = [...days('payRate', -7, -1, () => 0.02), ...days('payRate', 1, 2, () => 0.03)];
    const [r] = beforeAfter(records, { changeDate: CHANGE, days: 7, metrics: ['payRate'] });
    expect(r?.status).toBe('insufficient');
    expect(r?.before.days).toBe(7);
    expect(r?.after.days).toBe(2);
    // With a lower bar the same data is enough.
    const [ok] = beforeAfter(records, { changeDate: CHANGE, days: 7, minDays: 2, metrics: ['payRate'] });
    expect(ok).toMatchObject({ status: 'ok' });
    if (ok?.status === 'ok') expect(ok.delta).toBeCloseTo(0.01, 10);
  });

  it('averages over the days that have data (gaps are not zeros), one value per day', () => {
    const records = [
      { metric: 'payAmt', date: '2026-11-05', value: 100 },
      { metric: 'payAmt', date: '2026-11-07', value: 300 },
      { metric: 'payAmt', date: '2026-11-07', value: 200 }, // a later capture of the same day replaces it
      { metric: 'payAmt', date: '2026-11-12', value: 400 },
      { metric: 'payAmt', date: '2026-11-14', value: 600 },
      { metric: 'payAmt', date: '2026-11-30', value: 99_999 }, // outside the window
    ];
    const [r] = beforeAfter(records, { changeDate: CHANGE, days: 7, minDays: 2, metrics: ['payAmt'] });
    expect(r).toMatchObject({ status: 'ok', before: { days: 2, mean: 150 }, after: { days: 2, mean: 500 }, delta: 350 });
  });

  it('gives no ratio when the before mean is zero, and covers the four default metrics', () => {
    const records = [...days('itemCartCnt', -3, -1, () => 0), ...days('itemCartCnt', 1, 3, () => 5)];
    const all = beforeAfter(records, { changeDate: CHANGE, days: 3 });
    expect(all.map((m) => m.metric)).toEqual(['itmUv', 'payRate', 'itemCartCnt', 'payAmt']);
    expect(all.find((m) => m.metric === 'itemCartCnt')).toMatchObject({ status: 'ok', delta: 5, deltaRatio: null });
    expect(all.find((m) => m.metric === 'itmUv')?.status).toBe('insufficient');
  });
});
