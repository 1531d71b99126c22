/**
 * When the daily rule check runs. Yesterday's figures are complete after midnight; 08:05 local
 * time is early enough to be read before the day's work and late enough for Sycm to have them.
 * Pure (takes the clock), so the background only wires chrome.alarms to it.
 */

export const DAILY_ALARM = 'zg:rules-daily';
export const DAILY_HOUR = 8;
export const DAILY_MINUTE = 5;
export const DAY_MINUTES = 24 * 60;
/** Settings key holding the local date the daily check last ran. */
export const LAST_DAILY_KEY = 'rules.lastDaily';

/** The next local hh:mm strictly after `now` (ms since epoch), in the browser's time zone. */
export function nextDailyRun(now: number, hour = DAILY_HOUR, minute = DAILY_MINUTE): number {
  const d = new Date(now);
  const at = new Date(d.getFullYear(), d.getMonth(), d.getDate(), hour, minute, 0, 0);
  if (at.getTime() <= now) at.setDate(at.getDate() + 1);
  return at.getTime();
}

/**
 * Whether the daily check is owed now: it has not run today and today's run time has passed.
 * Covers a browser that was closed at 08:05 (Chrome does not replay a missed alarm on its own).
 */
export function dailyRunDue(lastRun: string | null, today: string, now: number, hour = DAILY_HOUR, minute = DAILY_MINUTE): boolean {
  if (lastRun !== null && lastRun >= today) return false;
  const d = new Date(now);
  return d.getHours() > hour || (d.getHours() === hour && d.getMinutes() >= minute);
}

/** The alarm to (re)create: first at the next run time, then every 24 hours. */
export function dailyAlarmInfo(now: number): { when: number; periodInMinutes: number } {
  return { when: nextDailyRun(now), periodInMinutes: DAY_MINUTES };
}
