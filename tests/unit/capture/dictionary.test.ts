import { describe, expect, it } from 'vitest';
import {
  isMature,
  isPlausible,
  mayNameMetric,
  METRICS,
  metricByCode,
  metricByLabel,
  normaliseLabel,
  type ParsedLabel,
  parseLabel,
  splitLabel,
} from '../../../lib/metrics/dictionary';

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

/**
 * The pre-filter and the bare-label shortcut in front of parseLabel's regexes (mayNameMetric,
 * lookUpLabel): they must never change an answer, only skip work that cannot find a label.
 */
describe('label pre-filter', () => {
  const LABELS = METRICS.flatMap((m) => m.labels);

  /** parseLabel as splitLabel alone decides it, with no pre-filter, shortcut or cache. */
  function reference(raw: string): Pick<ParsedLabel, 'prefix' | 'shownUnit'> & { code: string } | null {
    if (raw.length > 80) return null;
    const { core, prefix, shownUnit } = splitLabel(raw);
    const def = METRICS.find((m) => m.labels.some((l) => l.toUpperCase() === core.toUpperCase()));
    return def ? { code: def.code, prefix, shownUnit } : null;
  }
  const answer = (raw: string) => {
    const p = parseLabel(raw);
    return p ? { code: p.def.code, prefix: p.prefix, shownUnit: p.shownUnit } : null;
  };

  it('labels carry no decoration, so a bare label needs no splitting (the shortcut in parseLabel)', () => {
    for (const label of LABELS) {
      for (const shown of [label, label.toLowerCase(), label.toUpperCase()]) {
        expect(splitLabel(shown), shown).toEqual({ core: shown, prefix: null, shownUnit: null });
      }
    }
  });

  it('no character upper-cases to a label ending, so endings are tested on the text as it is', () => {
    const endings = new Set(LABELS.map((l) => l.toUpperCase().slice(-1)));
    const offenders: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const ch = String.fromCodePoint(cp);
      const upper = ch.toUpperCase();
      if (upper === ch) continue;
      for (const e of endings) if (upper.includes(e) && !ch.includes(e)) offenders.push(`U+${cp.toString(16)} → ${e}`);
    }
    expect(offenders).toEqual([]);
  });

  it.each([
    ['支付金额'],
    ['支付金额(元)'],
    ['支付金额（万元）'],
    ['支付金额(万)'], // not a label (no such unit), but the filter must let the regexes decide
    ['今日支付金额'],
    ['昨日 访客数'],
    ['支付\u3000金额'],
    ['支付 金额'],
    ['\u200b访客数\u200b'],
    ['支付\u00a0转化率(%)'],
    ['支付金额?统计时间内买家拍下后支付的金额'], // a help icon's tooltip glued on
    ['支付金额ⓘ'],
    ['支付?金额'], // an element's text with its help icon in the middle: labelTextOf drops the icon
    ['金额支付'], // every character of a label, out of order: the filter does not check order
    ['uv价值'],
    ['Uv 价值'],
    ['平均停留时长(秒)'],
  ])('lets %j through', (text) => expect(mayNameMetric(text)).toBe(true));

  it.each([['35,678.90'], ['昨日全天 31,220.00'], ['更新时间 2026-11-24 14:35'], ['首页'], ['待发货'], ['今日实时数据'], ['待回复评价'], ['金额'], ['UV'], ['']])(
    'rejects %j, which holds no whole label',
    (text) => expect(mayNameMetric(text)).toBe(false),
  );

  it('never changes what parseLabel answers', () => {
    const texts = [
      ...LABELS.flatMap((l) => [
        l,
        l.toLowerCase(),
        `${l}(元)`,
        `${l}（%）`,
        `${l}(万)`,
        `今日${l}`,
        `昨日${l}(万元)`,
        `实时 ${l} ?说明`,
        `${l}：`,
        `${l.slice(0, 1)}\u3000${l.slice(1)}`,
        `${l.slice(0, 2)}\u200b${l.slice(2)}`,
        `${l}${l}`,
        `${l}占比`,
        [...l].reverse().join(''),
        l.slice(0, -1),
      ]),
      '今日实时数据', '待回复评价', '35,678.90', '更新时间 2026-11-24 14:35', '昨日全天 31,220.00', '', ' ', '(元)', '今日', '?', 'x'.repeat(81),
    ];
    for (const t of texts) {
      expect(answer(t), t).toEqual(reference(t));
      if (reference(t)) expect(mayNameMetric(t), t).toBe(true);
    }
  });
});

