import { useMemo } from 'react';
import { DayIndex } from '@/lib/dashboard/day-index';
import { monthStart } from '@/lib/dashboard/days';
import type { DashboardData } from '@/lib/dashboard/messages';
import { addDays } from '@/lib/domain/dates';
import { useRemote } from '../shared/use-remote';

export interface Filters {
  from: string;
  to: string;
  /** null = the whole shop. */
  itemId: string | null;
}

export interface Loaded {
  data: DashboardData;
  index: DayIndex;
}

/**
 * Fetches the daily figures for the filters plus what the comparisons look back on (last month
 * from its first day, and 7 days before the range for avg7), and indexes them once.
 */
export function useDashboardData(f: Filters): { loaded: Loaded | null; error: string | null } {
  const lookback = [addDays(f.from, -7), monthStart(addDays(monthStart(f.to), -1)), addDays(f.to, -13)].sort()[0]!;
  const remote = useRemote<DashboardData>({ type: 'dashboard.data', from: lookback, to: f.to }, [lookback, f.to]);
  const loaded = useMemo(() => (remote.data ? { data: remote.data, index: new DayIndex(remote.data.records, remote.data.today) } : null), [remote.data]);
  return { loaded, error: remote.error };
}
