/**
 * The few metric facts rules, forecasts and commands need (../shared/docs/taobao-pages.md,
 * "Metric dictionary"). Kept local on purpose: lib/metrics/dictionary.ts is being written
 * concurrently, and callers may pass their own list where it matters.
 */
export type MetricUnit = 'CNY' | 'count' | 'rate' | 'seconds';

export interface MetricInfo {
  code: string;
  zh: string;
  en: string;
  unit: MetricUnit;
  /** Days until a daily figure is final. Refund metrics settle over ~14 days; most are final at T+1. */
  maturityDays: number;
  /** Derived metrics are computed per day as numerator / denominator of two stored metrics. */
  derived?: { numerator: string; denominator: string };
}

export const METRICS: readonly MetricInfo[] = [
  { code: 'payAmt', zh: '支付金额', en: 'sales', unit: 'CNY', maturityDays: 1 },
  { code: 'uv', zh: '访客数', en: 'visitors', unit: 'count', maturityDays: 1 },
  { code: 'pv', zh: '浏览量', en: 'page views', unit: 'count', maturityDays: 1 },
  { code: 'payByrCnt', zh: '支付买家数', en: 'paying buyers', unit: 'count', maturityDays: 1 },
  { code: 'payRate', zh: '支付转化率', en: 'conversion rate', unit: 'rate', maturityDays: 1 },
  { code: 'payPct', zh: '客单价', en: 'average order value', unit: 'CNY', maturityDays: 1 },
  { code: 'payItmCnt', zh: '支付件数', en: 'units sold', unit: 'count', maturityDays: 1 },
  { code: 'subPayOrdSubCnt', zh: '支付子订单数', en: 'paid sub-orders', unit: 'count', maturityDays: 1 },
  { code: 'itmUv', zh: '商品访客数', en: 'item visitors', unit: 'count', maturityDays: 1 },
  { code: 'cartByrCnt', zh: '加购人数', en: 'add-to-cart buyers', unit: 'count', maturityDays: 1 },
  { code: 'itemCartCnt', zh: '加购件数', en: 'units added to cart', unit: 'count', maturityDays: 1 },
  { code: 'cltItmCnt', zh: '收藏人数', en: 'favourites', unit: 'count', maturityDays: 1 },
  { code: 'hasPurchaseUbyCntRate', zh: '老客复购率', en: 'repeat purchase rate', unit: 'rate', maturityDays: 1 },
  { code: 'rfdSucAmt', zh: '退款金额', en: 'refund amount', unit: 'CNY', maturityDays: 14 },
  { code: 'payAmtRfdRate', zh: '退款率', en: 'refund rate', unit: 'rate', maturityDays: 14 },
  { code: 'uvAvgValue', zh: 'UV价值', en: 'value per visitor', unit: 'CNY', maturityDays: 1 },
  { code: 'stayTime', zh: '平均停留时长', en: 'average stay', unit: 'seconds', maturityDays: 1 },
  { code: 'itemLossRate', zh: '跳失率', en: 'bounce rate', unit: 'rate', maturityDays: 1 },
  { code: 'seGuideUv', zh: '搜索引导访客数', en: 'search visitors', unit: 'count', maturityDays: 1 },
  { code: 'p4pExpendAmt', zh: '关键词推广费', en: 'keyword ad spend', unit: 'CNY', maturityDays: 1 },
  // 加购率 has no code of its own on the pages: derive it (taobao-pages.md).
  {
    code: 'cartRate',
    zh: '加购率',
    en: 'add-to-cart rate',
    unit: 'rate',
    maturityDays: 1,
    derived: { numerator: 'cartByrCnt', denominator: 'uv' },
  },
];

const BY_CODE = new Map(METRICS.map((m) => [m.code, m]));

export function metricInfo(code: string): MetricInfo | undefined {
  return BY_CODE.get(code);
}

export function metricLabel(code: string): { zh: string; en: string } {
  const m = BY_CODE.get(code);
  return m ? { zh: m.zh, en: m.en } : { zh: code, en: code };
}

export function isRateMetric(code: string): boolean {
  return BY_CODE.get(code)?.unit === 'rate';
}

/** Formats a canonical value for people: rates as %, money as ¥, counts grouped. */
export function formatValue(code: string, value: number): string {
  const unit = BY_CODE.get(code)?.unit;
  if (!Number.isFinite(value)) return '—';
  if (unit === 'rate') return `${(value * 100).toFixed(2)}%`;
  if (unit === 'CNY') return `¥${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
  if (unit === 'seconds') return `${value.toFixed(0)}s`;
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
