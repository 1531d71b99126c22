import { describe, expect, it } from 'vitest';
import { findDate } from '../../../lib/nl/dates';
import { normalize } from '../../../lib/nl/normalize';

const TODAY = '2026-10-21'; // Wednesday

describe('relative dates against today', () => {
  it.each([
    ['今天', '2026-10-21'],
    ['明天', '2026-10-22'],
    ['后天', '2026-10-23'],
    ['大后天', '2026-10-24'],
    ['周五', '2026-10-23'],
    ['周三', '2026-10-21'],
    ['周一', '2026-10-26'],
    ['星期天', '2026-10-25'],
    ['下周一', '2026-10-26'],
    ['下周五', '2026-10-30'],
    ['本周日', '2026-10-25'],
    ['下下周二', '2026-11-03'],
    ['本月底', '2026-10-31'],
    ['下月底', '2026-11-30'],
    ['下月初', '2026-11-01'],
    ['11月1日', '2026-11-01'],
    ['10月1日', '2027-10-01'],
    ['2月29日', '2028-02-29'],
    ['12-05', '2026-12-05'],
    ['12/5', '2026-12-05'],
    ['2027-01-15', '2027-01-15'],
    ['2027年3月8日', '2027-03-08'],
    ['25号', '2026-10-25'],
    ['5号', '2026-11-05'],
    ['3天后', '2026-10-24'],
    ['Dec 5', '2026-12-05'],
    ['December 5th', '2026-12-05'],
    ['5 Dec', '2026-12-05'],
    ['tomorrow', '2026-10-22'],
    ['by Friday', '2026-10-23'],
    ['next Monday', '2026-10-26'],
    ['in 10 days', '2026-10-31'],
    ['end of month', '2026-10-31'],
  ])('%s → %s', (text, want) => {
    expect(findDate(normalize(text), TODAY)?.date).toBe(want);
  });

  it('finds nothing in words without a date, and refuses impossible days', () => {
    expect(findDate('核对库存 P1', TODAY)).toBeNull();
    expect(findDate('2月30日', TODAY)).toBeNull();
  });

  it('normalizes numerals that count, not weekdays', () => {
    expect(normalize('前三个商品')).toBe('前3个商品');
    expect(normalize('十一月一日')).toBe('11月1日');
    expect(normalize('周一和星期二')).toBe('周一和星期二');
    expect(normalize('给小王建个任务：核对库存，明天截止，P1')).toBe('给小王建个任务:核对库存,明天截止,P1');
  });
});
