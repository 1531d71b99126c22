/**
 * The metric dictionary (../shared/docs/taobao-pages.md, "Metric dictionary"): codes, the
 * labels pages show for them, canonical units and data maturity. Readers anchor on these
 * labels, never on hashed class names, so this list is what makes capture work.
 */

export type MetricUnit = 'CNY' | 'count' | 'rate' | 'seconds';

export interface MetricDef {
  code: string;
  /** Labels as shown on the pages; the first is the canonical one. */
  labels: readonly string[];
  en: string;
  unit: MetricUnit;
  /** Money metric: shown only to roles that may see finance figures. */
  finance: boolean;
  /**
   * Days after the covered day until the figure is final. Refund metrics settle over about
   * two weeks (the doc: 签收退款率 settles after ~2 weeks, refund amount still rises at T-6).
   */
  maturityDays: number;
}

const m = (
  code: string,
  labels: readonly string[],
  en: string,
  unit: MetricUnit,
  opts: { finance?: boolean; maturityDays?: number } = {},
): MetricDef => ({ code, labels, en, unit, finance: opts.finance ?? false, maturityDays: opts.maturityDays ?? 1 });

export const REFUND_MATURITY_DAYS = 14;

export const METRICS: readonly MetricDef[] = [
  m('payAmt', ['支付金额'], 'sales', 'CNY', { finance: true }),
  m('uv', ['访客数'], 'visitors', 'count'),
  m('pv', ['浏览量'], 'page views', 'count'),
  m('payByrCnt', ['支付买家数'], 'paying buyers', 'count'),
  m('payRate', ['支付转化率'], 'conversion rate', 'rate'),
  m('payPct', ['客单价'], 'average order value', 'CNY', { finance: true }),
  m('payItmCnt', ['支付件数'], 'units sold', 'count'),
  m('subPayOrdSubCnt', ['支付子订单数'], 'paid sub-orders', 'count'),
  m('itmUv', ['商品访客数'], 'item visitors', 'count'),
  m('cartByrCnt', ['加购人数'], 'add-to-cart buyers', 'count'),
  m('itemCartCnt', ['商品加购件数', '加购件数'], 'units added to cart', 'count'),
  m('cltItmCnt', ['商品收藏人数', '收藏人数'], 'favourites', 'count'),
  m('payOldByrCnt', ['老客复购人数'], 'repeat buyers', 'count'),
  m('hasPurchaseUbyCntRate', ['老客复购率'], 'repeat purchase rate', 'rate'),
  m('rfdSucAmt', ['成功退款金额', '退款金额'], 'refund amount', 'CNY', { finance: true, maturityDays: REFUND_MATURITY_DAYS }),
  m('payAmtRfdRate', ['金额退款率', '退款率'], 'refund rate', 'rate', { maturityDays: REFUND_MATURITY_DAYS }),
  m('uvAvgValue', ['访客平均价值', 'UV价值'], 'value per visitor', 'CNY', { finance: true }),
  m('stayTime', ['平均停留时长'], 'average stay', 'seconds'),
  m('itemLossRate', ['跳失率'], 'bounce rate', 'rate'),
  m('seGuideUv', ['搜索引导访客数'], 'search visitors', 'count'),
  m('p4pExpendAmt', ['关键词推广费'], 'keyword ad spend', 'CNY', { finance: true }),
];

const BY_CODE = new Map(METRICS.map((d) => [d.code, d]));
/** Keys are normalised labels (see normaliseLabel), upper-cased so `uv价值` finds UV价值. */
const BY_LABEL = new Map(METRICS.flatMap((d) => d.labels.map((l) => [l.toUpperCase(), d] as const)));

export function metricByCode(code: string): MetricDef | undefined {
  return BY_CODE.get(code);
}

/** A prefix that tells which day a figure covers; 昨日 means the figure is not today's. */
export type LabelPrefix = '今日' | '实时' | '昨日' | null;

export interface ParsedLabel {
  def: MetricDef;
  prefix: LabelPrefix;
  /**
   * The unit the label announces for the shown number, when it announces one:
   * `支付转化率(%)` shows 3.21 for 3.21%, `支付金额(万元)` shows 12.8 for 128 000 yuan.
   */
  shownUnit: '%' | '元' | '万元' | '秒' | '分钟' | null;
}

/** Whitespace as pages write it, including NBSP, zero-width and full-width spaces. */
const WHITESPACE = /[\s\u00a0\u200b\u3000]+/g;
const UNIT_SUFFIX = /[(（]\s*(%|％|元|万元|秒|分钟|s|个|人|件|次|笔)\s*[)）]$/i;
/** Tooltip text glued onto a label after a help glyph or a colon: `支付金额?统计时间内…`. */
const TOOLTIP_TAIL = /[?？ⓘ❓❔:：|｜].*$/s;
const LEADING_DAY = /^(今日|实时|昨日)/;

/**
 * Strip what pages put around a label: whitespace, a help-icon/tooltip tail, a unit
 * suffix, and a leading 今日/实时/昨日 (returned separately, because it changes the date).
 */
export function splitLabel(raw: string): { core: string; prefix: LabelPrefix; shownUnit: ParsedLabel['shownUnit'] } {
  let s = raw.replace(WHITESPACE, '').replace(TOOLTIP_TAIL, '');
  let shownUnit: ParsedLabel['shownUnit'] = null;
  const unit = UNIT_SUFFIX.exec(s);
  if (unit) {
    const u = (unit[1] ?? '').toLowerCase();
    shownUnit = u === '%' || u === '％' ? '%' : u === '元' ? '元' : u === '万元' ? '万元' : u === '秒' || u === 's' ? '秒' : u === '分钟' ? '分钟' : null;
    s = s.slice(0, unit.index);
  }
  const lead = LEADING_DAY.exec(s);
  const prefix = (lead?.[1] ?? null) as LabelPrefix;
  if (lead) s = s.slice(lead[0].length);
  return { core: s, prefix, shownUnit };
}

/** The label without decorations, as used for lookups. */
export function normaliseLabel(raw: string): string {
  return splitLabel(raw).core;
}

/** Each label, upper-cased like BY_LABEL's keys, as its distinct characters. */
const LABEL_CHARS = [...BY_LABEL.keys()].map((key) => [...new Set(key)]);

/**
 * The labels' last characters (额 数 量 率 价 值 长 费 today). The dictionary test checks that
 * upper-casing never makes one of them appear, so text can be tested for them as it is.
 */
const LABEL_ENDINGS = charClass([...BY_LABEL.keys()].map((key) => key.slice(-1)));

/** A regex character class of UTF-16 code units, each escaped as `\uXXXX` so none can break the class. */
function charClass(units: readonly string[]): RegExp {
  const escaped = [...new Set(units)].map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new RegExp(`[${escaped.join('')}]`);
}

/**
 * False when `text` cannot name a metric: no label has all of its characters in it. Readers call
 * this before the label regexes and before walking an element for its label text, which most
 * text on a page (figures, menus, dates) never needs. Most text fails the first step, one regex
 * test for the labels' last characters, which stays cheap in a content script's first, cold run.
 *
 * Never a false "no": a label is found when the text, stripped of whitespace and decorations
 * around the label (splitLabel) or of help icons inside it (labelTextOf), upper-cased, equals the
 * label. Stripping only removes characters and upper-casing maps each character on its own, so
 * the upper-cased text holds every character of the label — in any order, which is what lets
 * `支付<i>?</i>金额` through when it is tested on its element's whole text.
 */
export function mayNameMetric(text: string): boolean {
  if (!LABEL_ENDINGS.test(text)) return false;
  const upper = text.toUpperCase();
  return LABEL_CHARS.some((chars) => chars.every((c) => upper.includes(c)));
}

/** Pages repeat the same few labels hundreds of times: remember the answers (bounded). */
const labelCache = new Map<string, ParsedLabel | null>();

/** The metric a shown label names, with its decorations; null when the label is not in the dictionary. */
export function parseLabel(raw: string): ParsedLabel | null {
  if (raw.length > 80) return null; // a paragraph is never a label; keeps lookups cheap
  const cached = labelCache.get(raw);
  if (cached !== undefined) return cached;
  const parsed = lookUpLabel(raw);
  if (labelCache.size > 5000) labelCache.clear();
  labelCache.set(raw, parsed);
  return parsed;
}

/**
 * parseLabel without the cache. A bare label (`支付金额`, the common case) is looked up as it is:
 * labels carry no whitespace, help tail, unit or day prefix (the dictionary test checks this),
 * so splitLabel would return it unchanged. Text that cannot name a metric skips splitLabel too.
 */
function lookUpLabel(raw: string): ParsedLabel | null {
  const exact = BY_LABEL.get(raw);
  if (exact) return { def: exact, prefix: null, shownUnit: null };
  if (!mayNameMetric(raw)) return null;
  const bare = BY_LABEL.get(raw.toUpperCase()); // `uv价值`
  if (bare) return { def: bare, prefix: null, shownUnit: null };
  const { core, prefix, shownUnit } = splitLabel(raw);
  const def = BY_LABEL.get(core.toUpperCase());
  return def ? { def, prefix, shownUnit } : null;
}

export function metricByLabel(raw: string): MetricDef | undefined {
  return parseLabel(raw)?.def;
}

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/**
 * Whether a daily figure for `date` is final on `today` (both YYYY-MM-DD in the shop's time):
 * most metrics at T+1, refund metrics after REFUND_MATURITY_DAYS. Unknown codes and bad dates
 * count as not mature, so alerts over them say "provisional" rather than claim too much.
 */
export function isMature(metric: string | MetricDef, date: string, today: string): boolean {
  const def = typeof metric === 'string' ? metricByCode(metric) : metric;
  if (!def) return false;
  const d = dayNumber(date);
  const t = dayNumber(today);
  if (!Number.isFinite(d) || !Number.isFinite(t)) return false;
  return t - d >= def.maturityDays;
}

/**
 * Whether a value in canonical units can be a real figure of this metric. Every metric in the
 * dictionary is non-negative; counts are whole; a rate above 150% is a misread, not a figure.
 */
export function isPlausible(def: MetricDef, value: number): boolean {
  if (!Number.isFinite(value) || value < 0) return false;
  switch (def.unit) {
    case 'count':
      return Number.isSafeInteger(value);
    case 'rate':
      return value <= 1.5;
    case 'seconds':
      return value <= 86_400 * 31;
    case 'CNY':
      return value < 1e13;
  }
}
