import { metricByCode, type MetricDef } from '@/lib/metrics/dictionary';

/** A figure in its metric's unit, as the pages show it (rates in %, money in ¥). */
export function formatMetric(code: string, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const def = metricByCode(code);
  switch (def?.unit) {
    case 'rate':
      return `${(v * 100).toFixed(2)}%`;
    case 'CNY':
      return `¥${v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;
    case 'seconds':
      return `${v.toFixed(1)}秒`;
    default:
      return v.toLocaleString('zh-CN', { maximumFractionDigits: 0 });
  }
}

/** Rates are typed as percentages in forms (5 for 5%) and stored as fractions. */
export const toInput = (def: MetricDef | undefined, v: number): string => (def?.unit === 'rate' ? String(+(v * 100).toFixed(4)) : String(v));
export const fromInput = (def: MetricDef | undefined, s: string): number => (def?.unit === 'rate' ? Number(s) / 100 : Number(s));

export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
