import { describe, expect, it } from 'vitest';
import { detectAnomalies } from '../../../lib/forecast/anomaly';
import { prng } from '../../../lib/forecast/prng';
import { anomalyCard, crossingCard, riskCards } from '../../../lib/forecast/risk';
import { addDays, weekdayOf } from '../../../lib/rules/dates';

const WEEK = [1.3, 1.1, 1.0, 0.9, 0.8, 0.7, 1.2];

/** `days` daily points ending on `end`, value f(i, date). */
function pts(end: string, days: number, f: (i: number, date: string) => number): Array<{ date: string; value: number }> {
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(end, i - days + 1);
    return { date, value: f(i, date) };
  });
}

describe('detectAnomalies', () => {
  const r = prng(3);
  const visitors = pts('2026-11-17', 98, (_, d) => 1000 * WEEK[weekdayOf(d)]! * (1 + 0.05 * r.normal()));

  it('flags a collapsed Tuesday and nothing else, even with an outlier among its peers', () => {
    const s = visitors.map((p) => ({ ...p }));
    s[s.length - 1]!.value *= 0.4; // 2026-11-17 is a Tuesday
    s[s.length - 15]!.value *= 5; // a spike two Tuesdays ago must not mask it
    const found = detectAnomalies(s);
    expect(found.map((a) => a.date)).toEqual([s[s.length - 15]!.date, '2026-11-17']);
    const last = found[1]!;
    expect(last).toMatchObject({ direction: 'low', weekday: 1 });
    expect(last.expected).toBeGreaterThan(950);
    expect(last.expected).toBeLessThan(1250);
    expect(last.score).toBeLessThan(-4);
  });

  it('does not flag the weekly pattern itself', () => {
    expect(detectAnomalies(visitors)).toEqual([]);
  });
});

describe('risk cards', () => {
  it('"退款率 可能在 N 天内超过 5%" for a rising refund rate, with chart data', () => {
    // Rising 0.1 point a day to 4.75%: 4.85, 4.95, 5.05 → over the line on the third day.
    const refund = pts('2026-11-19', 42, (i) => 0.0065 + 0.001 * i);
    const card = crossingCard({ metric: 'payAmtRfdRate', itemId: null, points: refund.map((p, i) => ({ ...p, provisional: i > 30 })) }, { metric: 'payAmtRfdRate', direction: 'above', value: 0.05 })!;
    expect(card).not.toBeNull();
    expect(card.severity).toBe('warning');
    expect(card.titleZh).toBe('退款率 可能在 3 天内超过 5.00%');
    expect(card.titleEn).toBe('Refund rate (退款率) is likely to cross 5.00% within 3 days');
    expect(card.provisional).toBe(true);
    expect(card.detailZh).toContain('数据未定');
    expect(card.chart.history).toHaveLength(28);
    expect(card.chart.forecast).toHaveLength(3);
    expect(card.chart.line).toBe(0.05);
    for (const p of card.chart.forecast) {
      expect(p.lower).toBeLessThanOrEqual(p.value);
      expect(p.upper).toBeGreaterThanOrEqual(p.value);
      expect(p.upper).toBeLessThanOrEqual(1);
    }
  });

  it('counts the days to the crossing, and says "could" when only the band crosses', () => {
    // Flat 1.75%, then 0.15 point a day for three weeks to 4.75%: 4.90, 5.05 → day 2.
    const steeper = pts('2026-11-19', 42, (i) => 0.0475 - 0.0015 * Math.min(20, 41 - i));
    const c2 = crossingCard({ metric: 'payAmtRfdRate', itemId: '10001', points: steeper }, { metric: 'payAmtRfdRate', direction: 'above', value: 0.05 })!;
    expect(c2.severity).toBe('warning');
    expect(c2.titleEn).toBe('Refund rate (退款率) is likely to cross 5.00% within 2 days');
    expect(c2.id).toBe('crossing|payAmtRfdRate|10001|2026-11-21');
    // Around 4.5% with day-to-day noise: the forecast stays under, the 95% band reaches over.
    const r = prng(8);
    const noisy = pts('2026-11-19', 42, () => 0.045 + 0.003 * r.normal());
    const c3 = crossingCard({ metric: 'payAmtRfdRate', itemId: null, points: noisy }, { metric: 'payAmtRfdRate', direction: 'above', value: 0.05 })!;
    expect(c3.severity).toBe('watch');
    expect(c3.titleZh).toBe('退款率 有可能在 1 天内超过 5.00%');
    expect(c3.titleEn).toBe('Refund rate (退款率) could cross 5.00% within 1 day');
  });

  it('no card for a flat refund rate, or one already over the line (the rules engine reports that)', () => {
    const flat = pts('2026-11-19', 42, () => 0.02);
    expect(crossingCard({ metric: 'payAmtRfdRate', itemId: null, points: flat }, { metric: 'payAmtRfdRate', direction: 'above', value: 0.05 })).toBeNull();
    const over = pts('2026-11-19', 42, () => 0.08);
    expect(crossingCard({ metric: 'payAmtRfdRate', itemId: null, points: over }, { metric: 'payAmtRfdRate', direction: 'above', value: 0.05 })).toBeNull();
  });

  it('"访客数 远低于通常的周二"', () => {
    const r = prng(9);
    const uv = pts('2026-11-17', 98, (i, d) => (i === 97 ? 300 : 1000 * WEEK[weekdayOf(d)]! * (1 + 0.04 * r.normal())));
    const card = anomalyCard({ metric: 'uv', itemId: null, points: uv })!;
    expect(card.titleZh).toBe('访客数 远低于通常的周二');
    expect(card.titleEn).toBe('Visitors (访客数) dropped far below its usual Tuesday');
    expect(card.chart.expected!.date).toBe('2026-11-17');
    expect(card.chart.expected!.lower).toBeGreaterThan(300);
    expect(card.chart.forecast).toHaveLength(3);
  });

  it('riskCards collects both kinds, warnings first, nothing for calm series', () => {
    const r = prng(11);
    const uv = pts('2026-11-17', 98, (i, d) => (i === 97 ? 300 : 1000 * WEEK[weekdayOf(d)]! * (1 + 0.04 * r.normal())));
    const calm = pts('2026-11-17', 98, (_, d) => 500 * WEEK[weekdayOf(d)]!);
    const refund = pts('2026-11-17', 42, (i) => 0.0065 + 0.001 * i);
    const cards = riskCards([
      { metric: 'uv', itemId: null, points: uv },
      { metric: 'payAmt', itemId: null, points: calm },
      { metric: 'payAmtRfdRate', itemId: null, points: refund },
      { metric: 'uv', itemId: '1', points: [] },
    ]);
    expect(cards.map((c) => `${c.kind}:${c.metric}`)).toEqual(['anomaly:uv', 'crossing:payAmtRfdRate']);
  });
});

describe('seriesFromRecords', () => {
  it('groups records per metric and item in date order, last capture wins', async () => {
    const { seriesFromRecords } = await import('../../../lib/forecast/from-records');
    const base = { period: 'day' as const, source: 'response' as const, shopId: 's', provisional: false };
    const records = [
      { ...base, metric: 'uv', itemId: null, itemKey: '', date: '2026-11-02', value: 2, capturedAt: 1 },
      { ...base, metric: 'uv', itemId: null, itemKey: '', date: '2026-11-01', value: 1, capturedAt: 1 },
      { ...base, metric: 'uv', itemId: null, itemKey: '', date: '2026-11-02', value: 3, capturedAt: 2, provisional: true },
      { ...base, metric: 'uv', itemId: '12345', itemKey: '12345', date: '2026-11-01', value: 7, capturedAt: 1 },
      { ...base, metric: 'pv', itemId: null, itemKey: '', date: '2026-11-01', value: 9, capturedAt: 1 },
      { ...base, metric: 'uv', itemId: null, itemKey: '', date: '2026-10-01', value: 9, capturedAt: 1 },
    ];
    expect(seriesFromRecords(records, ['uv'], '2026-10-15', '2026-11-30')).toEqual([
      { metric: 'uv', itemId: null, points: [{ date: '2026-11-01', value: 1, provisional: false }, { date: '2026-11-02', value: 3, provisional: true }] },
      { metric: 'uv', itemId: '12345', points: [{ date: '2026-11-01', value: 7, provisional: false }] },
    ]);
  });
});
