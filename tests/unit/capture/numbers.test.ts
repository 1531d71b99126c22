import { describe, expect, it } from 'vitest';
import { isMissingText, parseDuration, parseMetricText, parseResponseValue, parseShownNumber } from '../../../lib/capture/numbers';

describe('parseShownNumber', () => {
  it.each([
    ['128,456.78', 128456.78],
    ['23,567', 23567],
    ['1,234,567', 1234567],
    ['¥1,299.00', 1299],
    ['￥ 45,210.00', 45210],
    ['1.26万', 12600],
    ['1.02万', 10200],
    ['1.35万', 13500],
    ['1.2亿', 120000000],
    ['3.21%', 0.0321],
    ['+12.34%', 0.1234],
    ['-3.10%', -0.031],
    ['−5', -5],
    ['-¥12.5', -12.5],
    ['¥-12.5', -12.5],
    ['0', 0],
    ['-0', 0],
    ['  97 ', 97],
    ['231件', 231],
    ['1,299元', 1299],
    ['12.3万人', 123000],
  ])('%s → %s', (text, want) => {
    expect(parseShownNumber(text)).toBe(want);
  });

  it.each(['', '-', '--', '—', 'abc', '1,23', '12..3', '1.2.3', '¥899.00 - ¥1,099.00', '3.21%%', '1万%', '--5', '+-5', '5-', 'NaN', 'Infinity', '1e5', '较前1日 +12.34%', '∞'])(
    '%j → null',
    (text) => {
      expect(parseShownNumber(text)).toBeNull();
    },
  );
});

describe('isMissingText', () => {
  it.each(['', ' ', '-', '--', '—', '——', '暂无数据'])('%j is missing', (t) => expect(isMissingText(t)).toBe(true));
  it.each(['0', 'abc', '0.00'])('%j is not missing', (t) => expect(isMissingText(t)).toBe(false));
});

describe('parseDuration', () => {
  it.each([
    ['38.5', 38.5],
    ['38.5秒', 38.5],
    ['1分20秒', 80],
    ['1分钟20秒', 80],
    ['2.5分钟', 150],
    ['1小时2分', 3720],
    ['1时2分3秒', 3723],
    ['01:20', 80],
    ['1:02:03', 3723],
    ['45s', 45],
  ])('%s → %s s', (text, want) => expect(parseDuration(text)).toBe(want));
  it.each(['', '-', '秒', '1:75', '-5秒', 'abc', '1分20'])('%j → null', (text) => expect(parseDuration(text)).toBeNull());
});

describe('parseMetricText: canonical units per the dictionary', () => {
  it.each([
    ['3.21%', 'rate', null, 0.0321],
    ['3.21', 'rate', '%', 0.0321],
    ['128,456.78', 'CNY', null, 128456.78],
    ['12.85', 'CNY', '万元', 128500],
    ['1.26万', 'count', null, 12600],
    ['38.5', 'seconds', null, 38.5],
    ['1.5', 'seconds', '分钟', 90],
    ['1分20秒', 'seconds', null, 80],
  ] as const)('%s as %s (label unit %s) → %s', (text, unit, shown, want) => {
    expect(parseMetricText(text, unit, shown)).toBe(want);
  });

  it.each([
    ['--', 'CNY'],
    ['-', 'count'],
    ['—', 'rate'],
    ['', 'seconds'],
    ['3.21', 'rate'], // a rate without % and without a (%) label is ambiguous
    ['12%', 'count'], // a percentage is never a count
    ['12%', 'CNY'],
    ['第5层级', 'count'],
  ] as const)('%j as %s → null, never 0', (text, unit) => {
    expect(parseMetricText(text, unit)).toBeNull();
  });
});

describe('parseResponseValue', () => {
  it.each([
    [{ value: 0.0321, cycleCrc: 0.0041 }, 'rate', 0.0321],
    [{ value: 128456.78 }, 'CNY', 128456.78],
    [756, 'count', 756],
    ['169.92', 'CNY', 169.92],
    ['3.21%', 'rate', 0.0321],
  ] as const)('%j → %s', (raw, unit, want) => expect(parseResponseValue(raw, unit)).toBe(want));
  it.each([null, undefined, { value: null }, { value: '-' }, 'abc', [1], { v: 1 }, Number.NaN, Number.POSITIVE_INFINITY, '12%'])('%j → null', (raw) =>
    expect(parseResponseValue(raw, 'count')).toBeNull(),
  );
});
