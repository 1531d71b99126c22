import type { MetricDef } from '@/lib/metrics/dictionary';

/** Rates are typed as percentages in forms (5 for 5%) and stored as fractions. */
export const toInput = (def: MetricDef | undefined, v: number): string => (def?.unit === 'rate' ? String(+(v * 100).toFixed(4)) : String(v));
export const fromInput = (def: MetricDef | undefined, s: string): number => (def?.unit === 'rate' ? Number(s) / 100 : Number(s));

export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
