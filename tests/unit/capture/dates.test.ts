import { describe, expect, it } from 'vitest';
import {
  addDays,
  findDays,
  parseDateRangeParam,
  parseShownRange,
  periodFromDateType,
  periodOfRange,
  resolveDateContext,
} from '../../../lib/capture/dates';

describe('parseShownRange', () => {
  it.each([
    ['统计时间 2026-11-23', { start: '2026-11-23', end: '2026-11-23' }],
    ['2026-11-16 ~ 2026-11-22', { start: '2026-11-16', end: '2026-11-22' }],
    ['统计时间 2026/11/16 - 2026/11/22', { start: '2026-11-16', end: '2026-11-22' }],
    ['2026年11月23日', { start: '2026-11-23', end: '2026-11-23' }],
    ['统计时间 2026-11', { start: '2026-11-01', end: '2026-11-30' }],
    ['2026-02', { start: '2026-02-01', end: '2026-02-28' }],
  ])('%s', (text, want) => expect(parseShownRange(text)).toEqual(want));
  it.each(['统计时间', '2026-13-01', '2026-02-30', '2026-11-22 ~ 2026-11-16', 'abc'])('%j → null', (text) =>
    expect(parseShownRange(text)).toBeNull(),
  );
});

describe('dateRange parameter', () => {
  it('reads a|b, the last day counting', () => {
    expect(parseDateRangeParam('2026-11-16|2026-11-22')).toEqual({ start: '2026-11-16', end: '2026-11-22' });
    expect(parseDateRangeParam(new URLSearchParams('dateRange=2026-11-23%7C2026-11-23').get('dateRange'))).toEqual({
      start: '2026-11-23',
      end: '2026-11-23',
    });
  });
  it.each([null, '', '2026-11-23', '2026-11-23|x', '2026-11-23|2026-11-01', 'a|b|c'])('%j → null', (v) => expect(parseDateRangeParam(v)).toBeNull());
});

describe('periods', () => {
  it.each([
    ['day', 'day'],
    ['week', 'week'],
    ['month', 'month'],
    ['today', 'realtime'],
    ['recent1', 'day'],
    ['recent7', 'week'],
    ['recent30', null],
    ['range', null],
    [null, null],
  ] as const)('dateType %s → %s', (dt, want) => expect(periodFromDateType(dt)).toBe(want));

  it('infers the period from a shown range', () => {
    expect(periodOfRange({ start: '2026-11-23', end: '2026-11-23' })).toBe('day');
    expect(periodOfRange({ start: '2026-11-16', end: '2026-11-22' })).toBe('week');
    expect(periodOfRange({ start: '2026-10-01', end: '2026-10-31' })).toBe('month');
    expect(periodOfRange({ start: '2026-10-01', end: '2026-10-30' })).toBeNull();
  });

  it('resolves a date context and refuses a range that does not fit the period', () => {
    expect(resolveDateContext('day', { start: '2026-11-23', end: '2026-11-23' })).toEqual({ ok: true, date: '2026-11-23', period: 'day' });
    expect(resolveDateContext(null, { start: '2026-11-16', end: '2026-11-22' })).toEqual({ ok: true, date: '2026-11-22', period: 'week' });
    expect(resolveDateContext('day', { start: '2026-11-16', end: '2026-11-22' }).ok).toBe(false);
    expect(resolveDateContext('week', { start: '2026-11-23', end: '2026-11-23' }).ok).toBe(false);
    expect(resolveDateContext('day', null).ok).toBe(false);
    expect(resolveDateContext('recent30', { start: '2026-10-25', end: '2026-11-23' }).ok).toBe(false);
    expect(resolveDateContext('today', null, '2026-11-24')).toEqual({ ok: true, date: '2026-11-24', period: 'realtime' });
    expect(resolveDateContext('today', null).ok).toBe(false);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(findDays('更新时间 2026-11-24 14:35')).toEqual(['2026-11-24']);
  });
});
