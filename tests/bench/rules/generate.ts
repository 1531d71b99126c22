import type { MetricRecord } from '../../../lib/metrics/record';
import { addDays } from '../../../lib/rules/dates';
import { type Rule, ruleSchema } from '../../../lib/rules/model';
import { prng } from '../../../lib/forecast/prng';

export const BENCH_TODAY = '2026-11-20';

/** One year of daily figures for `items` items and the shop, 5 metrics each (seeded). */
export function benchRecords(items: number, days: number, seed: number): MetricRecord[] {
  const rnd = prng(seed);
  const dates = Array.from({ length: days }, (_, i) => addDays(BENCH_TODAY, i - days));
  const out: MetricRecord[] = [];
  const keys = ['', ...Array.from({ length: items }, (_, i) => String(100000 + i))];
  for (const itemKey of keys) {
    const itemId = itemKey === '' ? null : itemKey;
    const scale = itemKey === '' ? items : 0.5 + rnd.next() * 2;
    for (const metric of ['uv', 'cartByrCnt', 'payRate', 'payAmt', 'payAmtRfdRate']) {
      for (let d = 0; d < days; d++) {
        const uv = 100 * scale * (1 + 0.3 * Math.sin((2 * Math.PI * d) / 7)) * (0.8 + 0.4 * rnd.next());
        const value =
          metric === 'uv' ? Math.round(uv)
          : metric === 'cartByrCnt' ? Math.round(uv * (0.05 + 0.05 * rnd.next()))
          : metric === 'payRate' ? 0.01 + 0.04 * rnd.next()
          : metric === 'payAmt' ? uv * 3 * (0.5 + rnd.next())
          : 0.01 + 0.08 * rnd.next();
        out.push({
          metric,
          itemId,
          itemKey,
          date: dates[d]!,
          value,
          period: 'day',
          source: 'response',
          shopId: 's1',
          capturedAt: 1,
          provisional: metric === 'payAmtRfdRate' && d > days - 15,
        });
      }
    }
  }
  return out;
}

/** 100 rules across metrics, scopes, windows and maturity policies (seeded). */
export function benchRules(count: number, seed: number): Rule[] {
  const rnd = prng(seed);
  const metrics = ['uv', 'cartByrCnt', 'payRate', 'payAmt', 'payAmtRfdRate', 'cartRate'];
  return Array.from({ length: count }, (_, i) => {
    const metric = metrics[i % metrics.length]!;
    const rate = metric === 'payRate' || metric === 'payAmtRfdRate' || metric === 'cartRate';
    const kind = (['consecutiveDays', 'avg', 'dropVsAvg'] as const)[rnd.int(3)]!;
    const days = 1 + rnd.int(kind === 'consecutiveDays' ? 7 : 30);
    const scope = i % 10 === 0 ? { kind: 'shop' } : i % 10 === 1 ? { kind: 'item', itemId: String(100000 + rnd.int(1000)) } : { kind: 'everyItem' };
    const comparator = rnd.next() < 0.5 ? 'lt' : 'gt';
    return ruleSchema.parse({
      version: 1,
      id: `bench-${i}`,
      name: `bench ${i}`,
      trigger: 'daily',
      stormLimit: 20,
      condition: {
        kind: 'metric',
        metric,
        scope,
        comparator,
        threshold: kind === 'dropVsAvg' ? null : { kind: 'value', value: rate ? 0.02 + 0.05 * rnd.next() : 50 + 500 * rnd.next() },
        window: kind === 'dropVsAvg' ? { kind, days, fraction: 0.2 + 0.5 * rnd.next() } : { kind, days },
        maturity: rnd.next() < 0.3 ? 'wait' : 'provisional',
      },
      actions: { notify: [{ role: 'operator' }], suggestion: i % 3 === 0 },
    });
  });
}
