import { z } from 'zod';
import { isoDate } from '../domain/common';
import { daysBetween } from '../domain/dates';
import { canSeeFinance } from '../domain/roles';
import { itemNames } from '../items/catalog';
import type { ItemNames } from '../items/label';
import { defineArea } from '../messaging/area';
import { UserError } from '../workspace/errors';
import { dailyRecords, lastDailyDay, MAX_RANGE_DAYS, type DayRecord } from './query';

/** The data dashboard: daily figures over a range (the page computes reports from them). */
export const dashboardRequests = [z.object({ type: z.literal('dashboard.data'), from: isoDate, to: isoDate })] as const;

export interface DashboardData {
  shopName: string;
  records: DayRecord[];
  /** The current member's role may not see money figures: they were left out. */
  financeHidden: boolean;
  meName: string | null;
  today: string;
  /** The last day with any daily figure (in or out of the range), or null when there is none. */
  lastDay: string | null;
  /** itemId → title (the item catalog) for the items in `records`: reports show "title (ID)". */
  itemNames: ItemNames;
}

export const dashboardArea = defineArea(dashboardRequests, ['dashboard.data'], async (req, services) => {
  const s = await services.workspace.state();
  if (!s.shop) throw new UserError('请先完成店铺设置 / set up the shop first');
  const span = daysBetween(req.from, req.to);
  if (span < 0) throw new UserError('开始日期晚于结束日期 / the start is after the end', 'from');
  if (span > MAX_RANGE_DAYS) throw new UserError(`日期范围最多 ${MAX_RANGE_DAYS} 天 / at most ${MAX_RANGE_DAYS} days`, 'from');
  const me = s.members.find((m) => m.id === s.meId) ?? null;
  // No member chosen yet: show no money figures rather than all of them.
  const finance = me ? canSeeFinance(me.role) : false;
  const [records, lastDay] = await Promise.all([dailyRecords(services.db, s.shop.id, req.from, req.to, finance), lastDailyDay(services.db, s.shop.id, finance)]);
  const names = await itemNames(services.db, s.shop.id, [...new Set(records.map((r) => r.itemKey).filter((k) => k !== ''))]);
  return { shopName: s.shop.name, records, financeHidden: !finance, meName: me?.name ?? null, today: services.today(), lastDay, itemNames: names } satisfies DashboardData;
});
