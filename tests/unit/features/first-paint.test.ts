import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FirstPaint } from '@/lib/features/first-paint';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('FirstPaint', () => {
  it('draws at once when no feature holds the first paint', () => {
    const paint = new FirstPaint();
    const drawn: string[] = [];
    paint.write(() => drawn.push('panel'));
    expect(drawn).toEqual(['panel']);
  });

  it('keeps the writes until every hold is released, then draws them together in order', () => {
    const paint = new FirstPaint();
    const drawn: string[] = [];
    const capture = paint.hold();
    const other = paint.hold();
    paint.write(() => drawn.push('panel'));
    paint.write(() => drawn.push('notice'));
    capture();
    expect(drawn).toEqual([]);
    other();
    expect(drawn).toEqual(['panel', 'notice']);
    paint.write(() => drawn.push('later'));
    expect(drawn).toEqual(['panel', 'notice', 'later']);
  });

  it('waits at most maxHoldMs after the first queued write', () => {
    const paint = new FirstPaint(1000);
    const drawn: string[] = [];
    const capture = paint.hold();
    vi.advanceTimersByTime(5000); // holding alone starts no clock
    paint.write(() => drawn.push('panel'));
    vi.advanceTimersByTime(999);
    expect(drawn).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(drawn).toEqual(['panel']);
    capture(); // a late release changes nothing
    paint.write(() => drawn.push('badges'));
    expect(drawn).toEqual(['panel', 'badges']);
  });

  it('counts a release once, and a hold after the flush holds nothing', () => {
    const paint = new FirstPaint();
    const drawn: string[] = [];
    const a = paint.hold();
    const b = paint.hold();
    a();
    a();
    paint.write(() => drawn.push('panel'));
    expect(drawn).toEqual([]);
    b();
    expect(drawn).toEqual(['panel']);
    const late = paint.hold();
    paint.write(() => drawn.push('next'));
    expect(drawn).toEqual(['panel', 'next']);
    late();
  });

  it("keeps one feature's failing drawing from keeping the others out", () => {
    const report = vi.fn();
    const paint = new FirstPaint(1000, report);
    const drawn: string[] = [];
    const hold = paint.hold();
    paint.write(() => {
      throw new Error('boom');
    });
    paint.write(() => drawn.push('badges'));
    hold();
    expect(drawn).toEqual(['badges']);
    expect(report).toHaveBeenCalledTimes(1);
  });
});
