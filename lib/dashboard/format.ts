import { metricByCode, type MetricUnit } from '../metrics/dictionary';

/** The label a report shows for a metric code: `支付金额 sales`; unknown codes as-is. */
export function metricLabel(code: string): string {
  const d = metricByCode(code);
  return d ? `${d.labels[0]} ${d.en}` : code;
}

/** The short Chinese label (axis titles, CSV headers). */
export function metricZh(code: string): string {
  return metricByCode(code)?.labels[0] ?? code;
}

/**
 * `1234567.8` → `1,234,567.80`. By hand rather than Intl.NumberFormat: the first Intl formatter
 * on a page costs ~7 ms of ICU setup, and chart axes format ticks on every draw.
 */
function group(n: number, digits: number): string {
  const fixed = Math.abs(n).toFixed(digits);
  const dot = fixed.indexOf('.');
  const int = dot < 0 ? fixed : fixed.slice(0, dot);
  const frac = dot < 0 ? '' : fixed.slice(dot);
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${int.replace(/\B(?=(\d{3})+$)/g, ',')}${frac}`;
}

/** A value for display in its unit; null (no figure) shows as "—", never as 0. */
export function formatValue(value: number | null, unit: MetricUnit | 'number'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'CNY': {
      const g = group(value, 2);
      return g.startsWith('-') ? `-¥${g.slice(1)}` : `¥${g}`;
    }
    case 'rate':
      return `${(value * 100).toFixed(2)}%`;
    case 'seconds':
      return `${value.toFixed(1)}秒`;
    case 'count':
      return group(value, Number.isInteger(value) ? 0 : 1);
    default:
      return Math.abs(value) >= 100 ? group(value, 1) : String(Math.round(value * 10_000) / 10_000);
  }
}

export function formatMetric(code: string, value: number | null): string {
  return formatValue(value, metricByCode(code)?.unit ?? 'number');
}

/** "+12.3%" / "-4.0%" / "—". */
export function formatChange(ch: number | null): string {
  if (ch === null || !Number.isFinite(ch)) return '—';
  return `${ch >= 0 ? '+' : ''}${(ch * 100).toFixed(1)}%`;
}
