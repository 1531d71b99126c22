import { describe, expect, it } from 'vitest';
import { diffPrices, parsePrice } from '@/lib/collab/price-diff';

describe('parsePrice', () => {
  it.each([
    ['1299.00', 1299],
    ['¥1,299.00', 1299],
    ['￥ 99.9 元', 99.9],
    ['0', 0],
    ['', null],
    ['-5', null],
    ['12.345', null],
    ['abc', null],
    ['1e3', null],
  ])('%j → %j', (text, want) => expect(parsePrice(text)).toBe(want));
});

describe('diffPrices', () => {
  const before = [
    { skuId: '1', price: 1299, label: '原木色 1.2米' },
    { skuId: '2', price: 1499, label: '原木色 1.4米' },
    { skuId: '3', price: 1599 },
  ];
  it('lists each changed SKU with old and new price, and nothing for unchanged ones', () => {
    const after = [
      { skuId: '1', price: 1199 },
      { skuId: '2', price: 1499.0 },
      { skuId: '3', price: 1599.001 }, // the same price in fen
    ];
    expect(diffPrices(before, after)).toEqual([{ skuId: '1', label: '原木色 1.2米', oldPrice: 1299, newPrice: 1199 }]);
  });
  it('records a new SKU with no old price, and ignores removed SKUs', () => {
    expect(diffPrices(before, [{ skuId: '4', price: 1799, label: '胡桃色 1.6米' }])).toEqual([{ skuId: '4', label: '胡桃色 1.6米', oldPrice: null, newPrice: 1799 }]);
  });
  it('finds no change when nothing changed', () => {
    expect(diffPrices(before, before)).toEqual([]);
  });
});
