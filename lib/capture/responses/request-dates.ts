/**
 * The day and period a response covers: the request's own dateType and dateRange (what the
 * page asked for), cross-checked with a statDate in the body when there is one. A day request
 * without dateRange is dated by its statDate.
 */
import { type DateContext, findDays, parseDateRangeParam, resolveDateContext } from '../dates';
import { urlParams } from '../url-params';

export function requestDateContext(url: string, opts: { realtime?: boolean; statDate?: unknown; today?: string } = {}): DateContext {
  const params = urlParams(url);
  const dateType = opts.realtime ? 'today' : params.get('dateType');
  const stat = typeof opts.statDate === 'string' ? (findDays(opts.statDate)[0] ?? null) : null;
  const requested = parseDateRangeParam(params.get('dateRange'));
  const range = requested ?? (stat && (dateType === 'day' || dateType === 'today') ? { start: stat, end: stat } : null);
  const ctx = resolveDateContext(dateType, range, opts.today);
  if (ctx.ok && stat && stat !== ctx.date) return { ok: false, reason: `statDate ${stat} differs from the requested ${ctx.date}` };
  return ctx;
}
