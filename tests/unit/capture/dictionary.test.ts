import { describe, expect, it } from 'vitest';
import { isMature, isPlausible, METRICS, metricByCode, metricByLabel, normaliseLabel, parseLabel } from '../../../lib/metrics/dictionary';

describe('metric dictionary', () => {
  it('has the 21 codes of taobao-pages.md, each with a unit and at least one label', () => {
    expect(METRICS.map((m) => m.code).sort()).toEqual(
      [
        'payAmt', 'uv', 'pv', 'payByrCnt', 'payRate', 'payPct', 'payItmCnt', 'subPayOrdSubCnt', 'itmUv', 'cartByrCnt', 'itemCartCnt',
        'cltItmCnt', 'payOldByrCnt', 'hasPurchaseUbyCntRate', 'rfdSucAmt', 'payAmtRfdRate', 'uvAvgValue', 'stayTime', 'itemLossRate',
        'seGuideUv', 'p4pExpendAmt',
      ].sort(),
    );
    const labels = METRICS.flatMap((m) => m.labels);
    expect(new Set(labels).size).toBe(labels.length); // one label, one metric
  });

  it('flags exactly the money metrics as finance', () => {
    expect(METRICS.filter((m) => m.finance).map((m) => m.code).sort()).toEqual(['p4pExpendAmt', 'payAmt', 'payPct', 'rfdSucAmt', 'uvAvgValue']);
    expect(METRICS.filter((m) => m.finance).every((m) => m.unit === 'CNY')).toBe(true);
  });

  it.each([
    ['支付金额', 'payAmt'],
    ['支付金额(元)', 'payAmt'],
    ['支付金额（元）', 'payAmt'],
    [' 支付金额 (元) ', 'payAmt'],
    ['今日支付金额', 'payAmt'],
    ['实时访客数', 'uv'],
    ['昨日访客数', 'uv'],
    ['支付转化率(%)', 'payRate'],
    ['支付金额?统计时间内买家拍下后支付的金额', 'payAmt'],
    ['支付金额：', 'payAmt'],
    ['商品加购件数', 'itemCartCnt'],
    ['加购件数', 'itemCartCnt'],
    ['收藏人数', 'cltItmCnt'],
    ['退款金额', 'rfdSucAmt'],
    ['退款率', 'payAmtRfdRate'],
    ['UV价值', 'uvAvgValue'],
    ['uv价值', 'uvAvgValue'],
    ['平均停留时长(秒)', 'stayTime'],
  ])('label %j → %s', (label, code) => expect(metricByLabel(label)?.code).toBe(code));

  it.each(['支付金额占比', '访客数指数', '商品', '操作', '', '支付金额支付金额', '今日'])('label %j is not a metric', (label) =>
    expect(metricByLabel(label)).toBeUndefined(),
  );

  it('returns the decorations it stripped', () => {
    expect(parseLabel('昨日支付金额(元)')).toMatchObject({ prefix: '昨日', shownUnit: '元' });
    expect(parseLabel('支付转化率（%）')).toMatchObject({ prefix: null, shownUnit: '%' });
    expect(normaliseLabel(' 今日 访客数 ')).toBe('访客数');
  });

  it('tells maturity: T+1 for most metrics, 14 days for refunds', () => {
    expect(isMature('payAmt', '2026-11-23', '2026-11-23')).toBe(false);
    expect(isMature('payAmt', '2026-11-23', '2026-11-24')).toBe(true);
    expect(isMature('rfdSucAmt', '2026-11-23', '2026-11-24')).toBe(false);
    expect(isMature('payAmtRfdRate', '2026-11-10', '2026-11-23')).toBe(false);
    expect(isMature('payAmtRfdRate', '2026-11-09', '2026-11-23')).toBe(true);
    expect(isMature(metricByCode('rfdSucAmt') as never, '2026-11-09', '2026-11-23')).toBe(true);
    expect(isMature('unknownCode', '2026-01-01', '2026-11-23')).toBe(false);
    expect(isMature('payAmt', 'not a date', '2026-11-23')).toBe(false);
  });

  it('knows which values can be real', () => {
    const def = (c: string) => metricByCode(c) as NonNullable<ReturnType<typeof metricByCode>>;
    expect(isPlausible(def('uv'), 12600)).toBe(true);
    expect(isPlausible(def('uv'), 12.5)).toBe(false);
    expect(isPlausible(def('uv'), -1)).toBe(false);
    expect(isPlausible(def('payRate'), 0.0321)).toBe(true);
    expect(isPlausible(def('payRate'), 3.21)).toBe(false);
    expect(isPlausible(def('payAmt'), Number.NaN)).toBe(false);
    expect(isPlausible(def('payAmt'), Number.POSITIVE_INFINITY)).toBe(false);
  });
});
