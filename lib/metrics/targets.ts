/**
 * Targets and warning lines (Dexie table `targets`, one row per shop/metric/scope): a monthly
 * target with daily pacing (月目标 支付金额 → expected-to-date), and/or an upper or lower warning
 * line (退款率 ≤ 5%, 支付转化率 ≥ 2%). Status of a figure against them:
 *   - line: breach beyond the line; watch within 10% of it on the safe side; else ok.
 *   - pacing: ok on or ahead of the expected-to-date; watch up to 10% behind; breach beyond.
 * A breach raises one alert per metric, scope and day (key `target|metric|scope|date`, see
 * lib/alerts), marked provisional while the day's data is not final (refund metrics), and a
 * browser notification when the alert is new.
 */
import { z } from 'zod';
import { raiseAlert } from '../alerts/store';
import type { Alert } from '../alerts/model';
import type { Services } from '../messaging/area';
import type { ZhangguiDb } from '../db/schema';
import { formatValue as formatUnitValue } from '../dashboard/format';
import { itemNames } from '../items/catalog';
import { labelFrom } from '../items/label';
import { isMature, metricByCode, type MetricDef } from './dictionary';
import type { MetricRecord } from './record';
import { addDays, itemKeyOf, series, SHOP_SCOPE } from './store';

export const WATCH_MARGIN = 0.1;
/** Breaches older than this are history (an import of last year), not news: no alert. */
export const ALERT_WINDOW_DAYS = 14;

export const warningLineSchema = z.object({
  /** 'max': the figure must stay at or below the line (退款率); 'min': at or above it. */
  direction: z.enum(['max', 'min']),
  value: z.number().finite().nonnegative(),
});
export type WarningLine = z.infer<typeof warningLineSchema>;

export const targetSchema = z
  .object({
    id: z.string().min(1).max(200),
    shopId: z.string().min(1),
    metric: z.string().refine((c) => metricByCode(c) !== undefined, '未知指标 / unknown metric'),
    /** '' = the shop; else an item ID. */
    itemKey: z.union([z.literal(SHOP_SCOPE), z.string().regex(/^\d{5,20}$/)]),
    monthly: z.number().finite().positive().nullable(),
    line: warningLineSchema.nullable(),
    updatedAt: z.number().int().nonnegative(),
    updatedBy: z.string().nullable(),
  })
  .superRefine((t, ctx) => {
    const def = metricByCode(t.metric);
    if (t.monthly !== null && def && !isAdditive(def)) {
      ctx.addIssue({ code: 'custom', path: ['monthly'], message: `${def.labels[0]}不能按月累计，请设警戒线 / ${def.en} does not add up over a month: set a warning line instead` });
    }
    if (t.line && def?.unit === 'rate' && t.line.value > 1.5) {
      ctx.addIssue({ code: 'custom', path: ['line', 'value'], message: '比率以小数表示（5% = 0.05）/ rates are fractions (5% = 0.05)' });
    }
  });
export type Target = z.infer<typeof targetSchema>;

export const targetInputSchema = z.object({
  metric: z.string().min(1).max(40),
  itemId: z.string().regex(/^\d{5,20}$/).nullable(),
  monthly: z.number().finite().positive().nullable(),
  line: warningLineSchema.nullable(),
});
export type TargetInput = z.infer<typeof targetInputSchema>;

/** Money and counts add up over days; rates, averages and durations do not. */
export function isAdditive(def: MetricDef): boolean {
  return (def.unit === 'CNY' || def.unit === 'count') && def.code !== 'payPct' && def.code !== 'uvAvgValue';
}

export const targetId = (shopId: string, metric: string, itemId: string | null): string => `${shopId}|${metric}|${itemKeyOf(itemId)}`;

export type Status = 'ok' | 'watch' | 'breach';
const RANK: Record<Status, number> = { ok: 0, watch: 1, breach: 2 };
export const worst = (a: Status, b: Status): Status => (RANK[a] >= RANK[b] ? a : b);

export function lineStatus(line: WarningLine, value: number): Status {
  if (line.direction === 'max') {
    if (value > line.value) return 'breach';
    return value > line.value * (1 - WATCH_MARGIN) ? 'watch' : 'ok';
  }
  if (value < line.value) return 'breach';
  return value < line.value * (1 + WATCH_MARGIN) ? 'watch' : 'ok';
}

function daysInMonth(iso: string): number {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export interface Pace {
  /** Month total target. */
  monthly: number;
  /** Expected by the end of `asOf`: monthly × day-of-month / days-in-month. */
  expected: number;
  /** Sum of the month's daily figures through `asOf` (a day without its daily figure uses that day's real-time figure). */
  actual: number;
  asOf: string;
  status: Status;
}

/**
 * Pacing of a monthly target through `asOf`, from the month's records of one metric and scope
 * (daily figures, and real-time ones for days that have no daily figure yet).
 */
export function pace(monthly: number, records: readonly Pick<MetricRecord, 'date' | 'period' | 'value'>[], asOf: string): Pace {
  const monthStart = `${asOf.slice(0, 7)}-01`;
  const byDay = new Map<string, number>();
  const realtime = new Map<string, number>();
  for (const r of records) {
    if (r.date < monthStart || r.date > asOf) continue;
    if (r.period === 'day') byDay.set(r.date, r.value);
    else if (r.period === 'realtime') realtime.set(r.date, r.value);
  }
  for (const [d, v] of realtime) if (!byDay.has(d)) byDay.set(d, v);
  const actual = [...byDay.values()].reduce((s, v) => s + v, 0);
  const expected = (monthly * Number(asOf.slice(8, 10))) / daysInMonth(asOf);
  const status: Status = actual >= expected ? 'ok' : actual >= expected * (1 - WATCH_MARGIN) ? 'watch' : 'breach';
  return { monthly, expected, actual, asOf, status };
}

export async function getTarget(db: ZhangguiDb, shopId: string, metric: string, itemId: string | null): Promise<Target | null> {
  const row = await db.table('targets').get(targetId(shopId, metric, itemId));
  const parsed = targetSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}

export async function listTargets(db: ZhangguiDb, shopId: string): Promise<Target[]> {
  const rows = await db.table('targets').where('shopId').equals(shopId).toArray();
  return rows.flatMap((r) => {
    const p = targetSchema.safeParse(r);
    return p.success ? [p.data] : [];
  });
}

/** Sets (or, with neither a monthly target nor a line, removes) the target of a metric and scope. */
export async function saveTarget(db: ZhangguiDb, shopId: string, input: TargetInput, actorId: string | null, now: number): Promise<Target | null> {
  const id = targetId(shopId, input.metric, input.itemId);
  if (input.monthly === null && input.line === null) {
    await db.table('targets').delete(id);
    return null;
  }
  const target = targetSchema.parse({ id, shopId, metric: input.metric, itemKey: itemKeyOf(input.itemId), monthly: input.monthly, line: input.line, updatedAt: now, updatedBy: actorId });
  await db.table('targets').put(target);
  return target;
}

export interface FigureStatus {
  status: Status;
  line: Status | null;
  pace: Pace | null;
}

/** The status of one figure against a target (the worse of line and pacing). */
export function figureStatus(target: Target, figure: Pick<MetricRecord, 'value' | 'date' | 'period'>, monthRecords: readonly Pick<MetricRecord, 'date' | 'period' | 'value'>[]): FigureStatus {
  const line = target.line && (figure.period === 'day' || figure.period === 'realtime') ? lineStatus(target.line, figure.value) : null;
  const p = target.monthly !== null && (figure.period === 'day' || figure.period === 'realtime') ? pace(target.monthly, [...monthRecords, figure], figure.date) : null;
  return { status: worst(line ?? 'ok', p?.status ?? 'ok'), line, pace: p };
}

export const alertKey = (metric: string, itemId: string | null, date: string): string => `target|${metric}|${itemId ?? 'shop'}|${date}`;

const formatValue = (def: MetricDef, v: number): string => formatUnitValue(v, def.unit);

/**
 * After new figures are stored: every figure with a target is checked, and a breach raises its
 * alert (once per metric, scope and day) and a notification. Returns the new alerts. `shopTargets`:
 * the shop's targets when the caller has read them already (one read per request); else read here.
 */
export async function checkTargets(services: Pick<Services, 'db' | 'today' | 'now' | 'notify'>, shopId: string, records: readonly MetricRecord[], shopTargets?: readonly Target[]): Promise<Alert[]> {
  const { db } = services;
  const today = services.today();
  const oldest = addDays(today, -ALERT_WINDOW_DAYS);
  const targets = new Map((shopTargets ?? (await listTargets(db, shopId))).map((t) => [t.id, t]));
  if (targets.size === 0) return [];
  const raised: Alert[] = [];
  const checked = new Set<string>();
  for (const r of records) {
    if (r.date < oldest || (r.period !== 'day' && r.period !== 'realtime')) continue;
    const target = targets.get(targetId(shopId, r.metric, r.itemId));
    const def = metricByCode(r.metric);
    if (!target || !def) continue;
    const key = alertKey(r.metric, r.itemId, r.date);
    if (checked.has(`${key}|${r.period}`)) continue;
    checked.add(`${key}|${r.period}`);
    const month = target.monthly !== null ? await monthRecords(db, shopId, r) : [];
    const s = figureStatus(target, r, month);
    if (s.status !== 'breach') continue;
    const provisional = r.provisional || !isMature(r.metric, r.date, today);
    // Items are named "title (ID)" from the item catalog (the ID alone when no page showed a title).
    const scopeText = r.itemId ? `商品 ${labelFrom(await itemNames(db, shopId, [r.itemId]), r.itemId)}` : '全店';
    const why =
      s.line === 'breach' && target.line
        ? `${formatValue(def, r.value)} ${target.line.direction === 'max' ? '高于' : '低于'}警戒线 ${formatValue(def, target.line.value)}`
        : s.pace
          ? `本月累计 ${formatValue(def, s.pace.actual)}，按进度应达 ${formatValue(def, s.pace.expected)}（月目标 ${formatValue(def, s.pace.monthly)}）`
          : '';
    const alert = await raiseAlert(db, {
      id: crypto.randomUUID(),
      shopId,
      key,
      kind: 'target',
      title: `${def.labels[0]}${s.line === 'breach' ? '越过警戒线' : '落后月目标进度'}（${scopeText}，${r.date}）`.slice(0, 200),
      message: `${why}${provisional ? '。数据尚未最终确定（暂定），可能还会变化 / provisional: the data is not final yet' : ''}`,
      provisional,
      evidence: { metric: r.metric, itemId: r.itemId, date: r.date, period: r.period, value: r.value, line: target.line, pace: s.pace },
      at: services.now(),
    });
    if (!alert) continue;
    raised.push(alert);
    await services.notify?.({ id: alert.id, title: `掌柜 · ${alert.title}`, message: alert.message }).catch(() => {});
  }
  return raised;
}

async function monthRecords(db: ZhangguiDb, shopId: string, r: MetricRecord): Promise<MetricRecord[]> {
  const from = `${r.date.slice(0, 7)}-01`;
  const [day, realtime] = await Promise.all((['day', 'realtime'] as const).map((period) => series(db, { shopId, metric: r.metric, itemId: r.itemId, period, from, to: r.date })));
  return [...(day ?? []), ...(realtime ?? [])].filter((x) => !(x.period === r.period && x.date === r.date));
}
