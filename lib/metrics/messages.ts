import { z } from 'zod';
import { isoDate, itemId, type Member, type Task } from '../domain';
import { canSeeFinance } from '../domain/roles';
import { isOpen } from '../domain/vocab';
import { defineArea, type Services } from '../messaging/area';
import { detectPage, isSensitivePage } from '../taobao/page-detect';
import { UserError } from '../workspace/errors';
import { raiseAlert } from '../alerts/store';
import { CATALOG_TABLE, itemNames, recordSeenItems } from '../items/catalog';
import { bindShop, LOGIN_WARNING_DISMISSED_KEY, type LoginWarningDismissal } from './binding';
import { metricByCode } from './dictionary';
import { period, type MetricRecord } from './record';
import { addDays, ingestFigures, latestPerMetric, metricStore, series, sevenDayAverage, toRecords, putRecords } from './store';
import { onMetricsIngested } from '../rules/runner';
import { checkTargets, figureStatus, getTarget, listTargets, saveTarget, targetInputSchema, type FigureStatus, type Target } from './targets';

const identitySchema = z.object({
  shopId: z.string().regex(/^\d{1,20}$/).nullable(),
  shopTitle: z.string().max(100).nullable(),
  loginUserName: z.string().max(100).nullable(),
});

const cellSchema = z.object({ metric: z.string().min(1).max(40), itemId: itemId.nullable(), value: z.number().finite(), date: isoDate, period });
/** One figure a KPI badge shows, as the background needs it to answer the badge's status. */
export type BadgeCell = z.infer<typeof cellSchema>;

/**
 * The metric area: figures captured from pages (metrics.ingest, from the content script: untrusted
 * input, every figure validated with zod), imports from files (metrics.import, same validation,
 * for the dashboard's CSV/xlsx backfill), queries, targets and the KPI badge summaries.
 */
export const metricsRequests = [
  z.object({
    type: z.literal('metrics.ingest'),
    url: z.string().max(4000),
    identity: identitySchema.nullable(),
    figures: z.array(z.unknown()).max(5000),
    /** Item titles the page showed beside its figures (lib/items/seen.ts), for the item catalog. */
    items: z.array(z.unknown()).max(500).optional(),
    /**
     * The figures the page shows badges for: the reply carries their statuses after this ingest
     * (`badges`), so the content script draws its badges once, without a second round trip.
     * Checked one by one: a malformed cell gets no status, the ingest still happens.
     */
    cells: z.array(z.unknown()).max(500).optional(),
  }),
  z.object({
    type: z.literal('metrics.import'),
    figures: z.array(z.unknown()).max(100_000),
    /** Store the valid rows and report the rest; by default one bad row refuses the whole file. */
    partial: z.boolean().optional(),
  }),
  z.object({ type: z.literal('metrics.series'), metric: z.string().min(1).max(40), itemId: itemId.nullable(), period: period.optional(), from: isoDate, to: isoDate }),
  z.object({ type: z.literal('metrics.latest'), itemId: itemId.nullable(), period: period.optional() }),
  z.object({ type: z.literal('metrics.badges'), cells: z.array(cellSchema).max(500) }),
  z.object({
    type: z.literal('metrics.detail'),
    metric: z.string().min(1).max(40),
    itemId: itemId.nullable(),
    to: isoDate.optional(),
    days: z.number().int().min(7).max(366).optional(),
    /** The figure the badge shows (the page's value): status and 7-day average are judged for it, as on the badge. */
    figure: z.object({ value: z.number().finite(), date: isoDate, period }).optional(),
  }),
  z.object({ type: z.literal('metrics.target.set'), target: targetInputSchema }),
  /** The capture paused on a tab because Taobao's risk control stepped in: the team hears about it once a day per page. */
  z.object({ type: z.literal('metrics.riskPaused'), url: z.string().max(4000), reason: z.string().max(300) }),
  z.object({ type: z.literal('metrics.targets.list') }),
  /** 「今天不再提醒」 on the login warning: the current member's warning for this login stays away until tomorrow. */
  z.object({ type: z.literal('metrics.dismissLoginWarning'), login: z.string().min(1).max(100) }),
] as const;

export interface IngestReply {
  stored: number;
  rejected: Array<{ index: number; reason: string }>;
  boundNow: boolean;
  /** The page's login is not the current member's Taobao account (warning only). */
  accountWarning: string | null;
  alerts: number;
  /** The statuses of the request's `cells` after this ingest, in their order (null: malformed cell or no answer). */
  badges?: Array<BadgeInfo | null>;
}

export interface BadgeInfo {
  status: FigureStatus['status'] | null;
  /** Change of the figure against the average of the 7 days before it, as a fraction. */
  change: number | null;
  avg7: number | null;
  openTasks: number;
  hasTarget: boolean;
  /** A money metric and the current member's role may not see finance figures. */
  hidden: boolean;
  /** The item's title from the item catalog (item cells), null when unknown or a shop cell. */
  itemTitle: string | null;
}

export interface MetricDetail {
  metric: string;
  itemId: string | null;
  /** The item's title from the item catalog; null when unknown or for the shop. */
  itemTitle: string | null;
  from: string;
  to: string;
  series: MetricRecord[];
  target: Target | null;
  avg7: number | null;
  latest: MetricRecord | null;
  status: FigureStatus | null;
  openTasks: number;
  hidden: boolean;
}

async function context(services: Services): Promise<{ shopId: string; me: Member | null; tasks: Task[]; mayFinance: boolean }> {
  const s = await services.workspace.state();
  if (!s.shop) throw new UserError('请先完成店铺设置 / set up the shop first');
  const me = s.members.find((m) => m.id === s.meId) ?? null;
  return { shopId: s.shop.id, me, tasks: s.tasks, mayFinance: me ? canSeeFinance(me.role) : false };
}

/** Open tasks about a figure: tasks on the metric (shop cells), or on the item and that metric or no metric (item cells). */
export function openTaskCount(tasks: readonly Task[], metric: string, itemId: string | null): number {
  return tasks.filter((t) => isOpen(t) && (itemId === null ? t.metric === metric : t.itemIds.includes(itemId) && (t.metric === null || t.metric === metric))).length;
}

async function statusOf(services: Services, shopId: string, target: Target | null, rec: Pick<MetricRecord, 'metric' | 'itemId' | 'value' | 'date' | 'period'>): Promise<FigureStatus | null> {
  if (!target) return null;
  const month = target.monthly !== null ? await series(services.db, { shopId, metric: rec.metric, itemId: rec.itemId, period: 'day', from: `${rec.date.slice(0, 7)}-01`, to: addDays(rec.date, -1) }) : [];
  return figureStatus(target, rec, month);
}

/**
 * A KPI badge's status, change against the 7-day average and open tasks, for each cell.
 * `shopTargets`: the shop's targets when the caller has read them already; else read here.
 */
async function badgeInfos(services: Services, cells: readonly BadgeCell[], shopTargets?: readonly Target[]): Promise<BadgeInfo[]> {
  const { db } = services;
  const { shopId, tasks, mayFinance } = await context(services);
  const targets = new Map((shopTargets ?? (await listTargets(db, shopId))).map((t) => [`${t.metric}|${t.itemKey}`, t]));
  const names = await itemNames(db, shopId, cells.flatMap((c) => (c.itemId ? [c.itemId] : [])));
  // One read transaction, queries in parallel: a page of 500 figures answers in one round.
  return db.transaction('r', metricStore(db), () =>
    Promise.all(
      cells.map(async (c): Promise<BadgeInfo> => {
        const hidden = !!metricByCode(c.metric)?.finance && !mayFinance;
        const target = targets.get(`${c.metric}|${c.itemId ?? ''}`) ?? null;
        const [avg, status] = await Promise.all([sevenDayAverage(db, shopId, c.metric, c.itemId, c.date), statusOf(services, shopId, target, c)]);
        return {
          status: status?.status ?? null,
          change: avg && avg.value > 0 ? c.value / avg.value - 1 : null,
          avg7: hidden ? null : (avg?.value ?? null),
          openTasks: openTaskCount(tasks, c.metric, c.itemId),
          hasTarget: target !== null,
          hidden,
          itemTitle: c.itemId ? (names[c.itemId] ?? null) : null,
        };
      }),
    ),
  );
}

export const metricsArea = defineArea(metricsRequests, ['metrics.series', 'metrics.latest', 'metrics.badges', 'metrics.detail', 'metrics.targets.list'], async (req, services) => {
  const { db } = services;
  switch (req.type) {
    case 'metrics.ingest': {
      const page = detectPage(req.url);
      if (!page || isSensitivePage(page)) throw new UserError('这个页面不读取数据 / figures are not read from this page', 'url');
      const s = await services.workspace.state();
      const me = s.members.find((m) => m.id === s.meId) ?? null;
      // Binding and the figures in one transaction: a refused shop stores nothing, not even the binding.
      const result = await db.transaction('rw', [db.shops, db.settings, metricStore(db), db.table(CATALOG_TABLE)], async () => {
        const binding = await bindShop(db, req.identity, me, services.now(), services.today());
        if (!binding.ok) throw new UserError(binding.reason, 'shop');
        const r = await ingestFigures(db, { shopId: binding.shop.id, figures: req.figures, capturedAt: services.now(), today: services.today() });
        // Titles from the same page and shop, stored with its figures (a refused shop stores neither).
        if (req.items?.length) await recordSeenItems(db, binding.shop.id, req.items, services.now(), req.url);
        return { ...r, shopId: binding.shop.id, boundNow: binding.boundNow, accountWarning: binding.accountWarning };
      });
      // One read of the shop's targets serves the alerts and the badges (rules never write targets).
      const targets = await listTargets(db, result.shopId);
      const alerts = await checkTargets(services, result.shopId, result.records, targets);
      // Rules watching captures run on the stored figures (lib/rules/runner.ts); a rule failure never fails a capture.
      await onMetricsIngested(services, result.records).catch((e: unknown) => console.error('[zhanggui] rules after ingest', e));
      // The badges' statuses now count these figures (and any task a rule just created).
      const cells = (req.cells ?? []).map((c) => cellSchema.safeParse(c));
      const valid = cells.flatMap((c) => (c.success ? [c.data] : []));
      const infos = valid.length > 0 ? await badgeInfos(services, valid, targets).catch(() => null) : [];
      let next = 0;
      const badges = infos ? cells.map((c) => (c.success ? (infos[next++] ?? null) : null)) : undefined;
      return { stored: result.stored, rejected: result.rejected, boundNow: result.boundNow, accountWarning: result.accountWarning, alerts: alerts.length, badges } satisfies IngestReply;
    }
    case 'metrics.import': {
      const { shopId } = await context(services);
      const r = toRecords({ shopId, figures: req.figures.map((f) => (typeof f === 'object' && f !== null ? { ...f, source: 'import' } : f)), capturedAt: services.now(), today: services.today() });
      if (r.rejected.length > 0 && !req.partial) {
        const first = r.rejected.slice(0, 3).map((x) => `#${x.index + 1} ${x.reason}`).join('; ');
        throw new UserError(`${r.rejected.length} 行无效，未导入任何数据 / ${r.rejected.length} invalid rows, nothing imported: ${first}`, 'figures');
      }
      await putRecords(db, r.records);
      const alerts = await checkTargets(services, shopId, r.records);
      await onMetricsIngested(services, r.records).catch((e: unknown) => console.error('[zhanggui] rules after import', e));
      return { stored: r.stored, rejected: r.rejected, alerts: alerts.length };
    }
    case 'metrics.series': {
      const { shopId, mayFinance } = await context(services);
      if (metricByCode(req.metric)?.finance && !mayFinance) throw new UserError('你的角色不能查看资金类指标 / your role cannot see money figures');
      return series(db, { shopId, metric: req.metric, itemId: req.itemId, period: req.period, from: req.from, to: req.to });
    }
    case 'metrics.latest': {
      const { shopId, mayFinance } = await context(services);
      const all = await latestPerMetric(db, shopId, req.itemId, req.period);
      return Object.fromEntries(Object.entries(all).filter(([code]) => mayFinance || !metricByCode(code)?.finance));
    }
    case 'metrics.badges':
      return badgeInfos(services, req.cells);
    case 'metrics.detail': {
      const { shopId, tasks, mayFinance } = await context(services);
      const hidden = !!metricByCode(req.metric)?.finance && !mayFinance;
      const to = req.to ?? services.today();
      const from = addDays(to, -((req.days ?? 30) - 1));
      const rows = hidden ? [] : await series(db, { shopId, metric: req.metric, itemId: req.itemId, period: 'day', from, to });
      const latest = rows[rows.length - 1] ?? null;
      const target = await getTarget(db, shopId, req.metric, req.itemId);
      // The badge's figure when one is given (a real-time figure is newer than the last daily one), else the latest day.
      const judged = hidden ? null : req.figure ? { metric: req.metric, itemId: req.itemId, ...req.figure } : latest;
      const avg = judged ? await sevenDayAverage(db, shopId, req.metric, req.itemId, judged.date) : null;
      return {
        metric: req.metric,
        itemId: req.itemId,
        itemTitle: req.itemId ? ((await itemNames(db, shopId, [req.itemId]))[req.itemId] ?? null) : null,
        from,
        to,
        series: rows,
        target,
        avg7: avg?.value ?? null,
        latest,
        status: judged ? await statusOf(services, shopId, target, judged) : null,
        openTasks: openTaskCount(tasks, req.metric, req.itemId),
        hidden,
      } satisfies MetricDetail;
    }
    case 'metrics.target.set': {
      const { shopId, me } = await context(services);
      if (!metricByCode(req.target.metric)) throw new UserError('未知指标 / unknown metric', 'metric');
      try {
        return await saveTarget(db, shopId, req.target, me?.id ?? null, services.now());
      } catch (e) {
        if (e instanceof z.ZodError) {
          const i = e.issues[0];
          throw new UserError(i?.message ?? '目标无效 / invalid target', i?.path.join('.'));
        }
        throw e;
      }
    }
    case 'metrics.riskPaused': {
      const { shopId, me } = await context(services);
      const page = detectPage(req.url) ?? 'unknown';
      const today = services.today();
      const alert = await raiseAlert(db, {
        id: crypto.randomUUID(),
        shopId,
        key: `risk|${page}|${today}`,
        kind: 'risk',
        title: `淘宝安全验证：掌柜已暂停读取（${page}）`,
        message: `${me ? `${me.name}的浏览器上` : ''}出现淘宝安全验证，掌柜已停止读取该页面，刷新后恢复。原因 Reason: ${req.reason}`.slice(0, 4000),
        evidence: { url: req.url.slice(0, 500), reason: req.reason, page, memberId: me?.id ?? null },
        at: services.now(),
      });
      return { raised: alert !== null };
    }
    case 'metrics.targets.list': {
      const { shopId } = await context(services);
      return listTargets(db, shopId);
    }
    case 'metrics.dismissLoginWarning': {
      const { me } = await context(services);
      if (!me) throw new UserError('还没有选择成员 / choose who you are first');
      const value: LoginWarningDismissal = { login: req.login, memberId: me.id, day: services.today() };
      await db.settings.put({ key: LOGIN_WARNING_DISMISSED_KEY, value });
      return { dismissed: true };
    }
  }
});
