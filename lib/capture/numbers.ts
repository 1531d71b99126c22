/**
 * Numbers as the seller console shows them → canonical values (../shared/docs/taobao-pages.md,
 * "Metric dictionary": yuan, plain counts, rates as fractions, seconds).
 *
 * A shown `-`, `--`, `—` or empty cell is missing and comes back null, never 0: storing 0 for
 * "no data" would fire a "sales dropped to zero" alert. Anything not clearly a number is null too.
 * Scaling (万, 亿, %) shifts the decimal string instead of multiplying floats, so "3.21%" gives
 * exactly the double nearest 0.0321 and "1.02万" exactly 10200.
 */
import type { MetricUnit, ParsedLabel } from '../metrics/dictionary';

const MISSING = new Set(['', '-', '--', '---', '—', '——', '–', '－', '/', 'N/A', 'n/a', 'NaN', 'null', 'undefined', '暂无', '暂无数据', '无']);

/** Cell text that means "no figure" (kept apart from garbage only for clearer warnings). */
export function isMissingText(text: string): boolean {
  return MISSING.has(text.replace(/[\s\u00a0\u200b\u3000]+/g, ''));
}

interface Decimal {
  negative: boolean;
  /** Digits with an optional point, no sign, no separators: "1234.5". */
  digits: string;
  /** Power of ten still to apply (万 = 4, 亿 = 8, % = -2). */
  exp: number;
  percent: boolean;
}

const SIGN = '[+\\-\\u2212\\uFF0D]';
// Thousands separators must be well formed: "1,234" yes, "1,23" no (that is garbage, not 123).
const NUMBER_RE = new RegExp(
  `^(${SIGN}?)[¥￥]?(${SIGN}?)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(万|亿)?(%|％)?(?:元|人次|人|件|个|次|笔|单)?$`,
);

function parseDecimal(text: string): Decimal | null {
  const s = text.replace(/[\s\u00a0\u200b\u3000]+/g, '');
  if (s.length === 0 || s.length > 40) return null;
  const mm = NUMBER_RE.exec(s);
  if (!mm) return null;
  const [, sign1 = '', sign2 = '', int = '', frac, scale, percent] = mm;
  if (sign1 && sign2) return null;
  if (scale && percent) return null;
  const sign = sign1 || sign2;
  return {
    negative: sign !== '' && sign !== '+',
    digits: `${int.replace(/,/g, '')}${frac !== undefined ? `.${frac}` : ''}`,
    exp: (scale === '万' ? 4 : scale === '亿' ? 8 : 0) + (percent ? -2 : 0),
    percent: percent !== undefined,
  };
}

function toNumber(d: Decimal, extraExp = 0): number | null {
  const v = Number(`${d.negative ? '-' : ''}${d.digits}e${d.exp + extraExp}`);
  return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null;
}

/**
 * A shown number: `128,456.78`, `¥1,299.00`, `1.26万`, `-3.10%` (→ -0.031), `1.2亿`.
 * Percentages come back as fractions. Missing or garbage text → null.
 */
export function parseShownNumber(text: string): number | null {
  const d = parseDecimal(text);
  return d ? toNumber(d) : null;
}

const DURATION_RE = /^(?:(\d+(?:\.\d+)?)(?:小时|时|h))?(?:(\d+(?:\.\d+)?)(?:分钟|分|min|m))?(?:(\d+(?:\.\d+)?)(?:秒|s))?$/i;

/**
 * A shown duration in seconds: `38.5` or `38.5秒` → 38.5, `1分20秒` → 80, `2.5分钟` → 150,
 * `1小时2分` → 3720, `01:20` → 80, `1:02:03` → 3723. Negative durations are garbage.
 */
export function parseDuration(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u200b\u3000]+/g, '');
  if (s.length === 0 || s.length > 30) return null;
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  const clock = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$/.exec(s);
  if (clock) {
    const [, h = '0', mi = '0', sec = '0'] = clock;
    if (Number(sec) >= 60 || (clock[1] !== undefined && Number(mi) >= 60)) return null;
    return Number(h) * 3600 + Number(mi) * 60 + Number(sec);
  }
  const mm = DURATION_RE.exec(s);
  if (!mm || (mm[1] === undefined && mm[2] === undefined && mm[3] === undefined)) return null;
  const v = Number(mm[1] ?? 0) * 3600 + Number(mm[2] ?? 0) * 60 + Number(mm[3] ?? 0);
  return Number.isFinite(v) ? v : null;
}

/**
 * Shown text → canonical value for a metric of `unit`. `shownUnit` is what the label announced
 * (`支付转化率(%)` shows "3.21" for 3.21%). A rate shown without % and without such a label is
 * ambiguous (3.21 or 0.0321?) and comes back null rather than guessed.
 */
export function parseMetricText(text: string, unit: MetricUnit, shownUnit: ParsedLabel['shownUnit'] = null): number | null {
  if (isMissingText(text)) return null;
  if (unit === 'seconds') {
    const secs = parseDuration(text);
    if (secs === null) return null;
    return shownUnit === '分钟' && /^[\d.]+$/.test(text.trim()) ? secs * 60 : secs;
  }
  const d = parseDecimal(text);
  if (!d) return null;
  if (unit === 'rate') {
    if (d.percent) return toNumber(d);
    return shownUnit === '%' ? toNumber(d, -2) : null;
  }
  if (d.percent) return null; // a percentage is never a count or an amount
  if (unit === 'CNY' && shownUnit === '万元') return toNumber(d, 4);
  return toNumber(d);
}

/**
 * A metric value found in a JSON response: `{value, cycleCrc}` or a bare number, already in
 * canonical units (rates are fractions there: overview-v2 has payRate 0.0321). Numeric strings
 * are accepted; a string with % is read as shown text. Anything else → null.
 */
export function parseResponseValue(raw: unknown, unit: MetricUnit): number | null {
  const v = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw ? (raw as { value: unknown }).value : raw;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    if (isMissingText(v)) return null;
    if (/%|％/.test(v)) return unit === 'rate' ? parseShownNumber(v) : null;
    if (!/^-?\d+(?:\.\d+)?(?:e-?\d+)?$/i.test(v.trim())) return null;
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}
