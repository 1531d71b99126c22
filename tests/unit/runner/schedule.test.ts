import { describe, expect, it } from 'vitest';
import { dailyAlarmInfo, dailyRunDue, nextDailyRun } from '@/lib/rules/schedule';

const at = (y: number, mo: number, d: number, h: number, mi = 0): number => new Date(y, mo - 1, d, h, mi).getTime();

describe('daily rule check schedule', () => {
  it('runs at the next local 08:05, today when still ahead, tomorrow when passed', () => {
    expect(nextDailyRun(at(2026, 11, 20, 7, 0))).toBe(at(2026, 11, 20, 8, 5));
    expect(nextDailyRun(at(2026, 11, 20, 8, 5))).toBe(at(2026, 11, 21, 8, 5));
    expect(nextDailyRun(at(2026, 11, 30, 23, 59))).toBe(at(2026, 12, 1, 8, 5));
    expect(dailyAlarmInfo(at(2026, 11, 20, 9))).toEqual({ when: at(2026, 11, 21, 8, 5), periodInMinutes: 1440 });
  });
  it('catches up a missed check once the run time has passed, and only once a day', () => {
    expect(dailyRunDue(null, '2026-11-20', at(2026, 11, 20, 9))).toBe(true);
    expect(dailyRunDue('2026-11-19', '2026-11-20', at(2026, 11, 20, 9))).toBe(true);
    expect(dailyRunDue('2026-11-19', '2026-11-20', at(2026, 11, 20, 7, 59))).toBe(false);
    expect(dailyRunDue('2026-11-20', '2026-11-20', at(2026, 11, 20, 23))).toBe(false);
  });
});
