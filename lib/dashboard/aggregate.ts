import { metricByCode } from '../metrics/dictionary';
import type { DayIndex } from './day-index';

/**
 * Averages and ratios cannot be summed over days: a week's 支付转化率 is the week's buyers over
 * the week's visitors, not the sum of seven rates. Where both parts are stored the ratio is
 * recomputed from sums; otherwise the mean of the daily figures is shown.
 */
const RATIO_PARTS: Record<string, { num: string; den: readonly string[] }> = {
  payRate: { num: 'payByrCnt', den: ['uv', 'itmUv'] },
  payAmtRfdRate: { num: 'rfdSucAmt', den: ['payAmt'] },
  payPct: { num: 'payAmt', den: ['payByrCnt'] },
  uvAvgValue: { num: 'payAmt', den: ['uv', 'itmUv'] },
  hasPurchaseUbyCntRate: { num: 'payOldByrCnt', den: ['payByrCnt'] },
};

/** Whether a metric adds up over days (counts and money amounts) rather than averages. */
export function isAdditive(code: string): boolean {
  const def = metricByCode(code);
  if (!def) return false;
  if (code in RATIO_PARTS) return false;
  return def.unit === 'count' || def.unit === 'CNY';
}

export interface Aggregate {
  value: number | null;
  /** Days that had a figure. */
  days: number;
  provisional: boolean;
}

function sumOver(index: DayIndex, metric: string, itemKey: string, days: readonly string[]): { sum: number; n: number; provisional: boolean } {
  let sum = 0;
  let n = 0;
  let provisional = false;
  for (const d of days) {
    const v = index.get(metric, itemKey, d);
    if (!v) continue;
    sum += v.value;
    n++;
    provisional ||= v.provisional;
  }
  return { sum, n, provisional };
}

/** One metric over a set of days for the shop ('') or one item: summed, recomputed or averaged. */
export function aggregate(index: DayIndex, metric: string, itemKey: string, days: readonly string[]): Aggregate {
  if (isAdditive(metric)) {
    const s = sumOver(index, metric, itemKey, days);
    return { value: s.n > 0 ? s.sum : null, days: s.n, provisional: s.provisional };
  }
  const parts = RATIO_PARTS[metric];
  if (parts) {
    const den = parts.den.find((d) => days.some((day) => index.get(d, itemKey, day)));
    if (den) {
      let num = 0;
      let dsum = 0;
      let n = 0;
      let provisional = false;
      for (const day of days) {
        const a = index.get(parts.num, itemKey, day);
        const b = index.get(den, itemKey, day);
        if (!a || !b) continue;
        num += a.value;
        dsum += b.value;
        n++;
        provisional ||= a.provisional || b.provisional;
      }
      if (n > 0) return { value: dsum > 0 ? num / dsum : null, days: n, provisional };
    }
  }
  const s = sumOver(index, metric, itemKey, days);
  return { value: s.n > 0 ? s.sum / s.n : null, days: s.n, provisional: s.provisional };
}

/** Relative change (0.12 = +12%); null when either side is missing or the base is 0. */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}
