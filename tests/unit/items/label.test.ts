import { describe, expect, it } from 'vitest';
import { itemLabel, labeller, labelFrom, shortTitle } from '@/lib/items/label';

describe('item labels: "title (ID)", or the ID alone', () => {
  it('names an item by its title and ID when the title is known', () => {
    expect(itemLabel('700000000001', '北欧实木餐桌 家用小户型')).toBe('北欧实木餐桌 家用小户型 (700000000001)');
    expect(labelFrom({ '700000000001': '岩板茶几' }, '700000000001')).toBe('岩板茶几 (700000000001)');
  });

  it('falls back to the bare ID without a title (no map, no entry, empty title)', () => {
    expect(itemLabel('700000000001')).toBe('700000000001');
    expect(itemLabel('700000000001', null)).toBe('700000000001');
    expect(itemLabel('700000000001', '   ')).toBe('700000000001');
    expect(labelFrom(undefined, '700000000002')).toBe('700000000002');
    expect(labelFrom({ '700000000001': '岩板茶几' }, '700000000002')).toBe('700000000002');
    expect(['1', '2'].map(labeller({ '1': 'A 桌' }))).toEqual(['A 桌 (1)', '2']);
  });

  it('shortens long titles (whole characters, an ellipsis) and collapses whitespace', () => {
    const long = '北欧实木餐桌家用小户型长方形吃饭桌子现代简约原木色饭桌椅组合一桌四椅六椅包邮';
    expect(Array.from(shortTitle(long, 10))).toHaveLength(10);
    expect(shortTitle(long, 10).endsWith('…')).toBe(true);
    expect(itemLabel('700000000001', long, 10)).toBe(`${shortTitle(long, 10)} (700000000001)`);
    expect(shortTitle(' 岩板\n  茶几\u3000 ')).toBe('岩板 茶几');
  });

  it('leaves markup in a title as text (callers render text only)', () => {
    expect(itemLabel('700000000001', '<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)> (700000000001)');
  });
});
