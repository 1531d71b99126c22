import type { Member } from '../domain/member';
import { labelFrom, type ItemNames } from '../items/label';
import type { Project } from '../domain/project';
import type { Task } from '../domain/task';
import type { MetricRecord } from '../metrics/record';
import { dateOf, dayIndex } from './dates';
import type { EvidencePoint, Firing, FiringEvidence, SkippedRule } from './firing';
import { formatValue, metricLabel } from './metrics';
import { judgeMetric, judgedDay, lookbackDays, maturityOf } from './metric-rule';
import type { ItemChange, MetricCondition, MetricTarget, Rule, Trigger } from './model';
import { buildSeriesIndex, itemKeysOf, type SeriesIndex } from './series-index';
import { CONTEXT_METRICS, writeSuggestion } from './suggest';
import type { WindowResult } from './window';
import { STORM_TOP, foldStorm } from './storm';
import { proposeTask, resolveRecipients } from './actions';
import { milestoneFirings, taskFirings } from './task-firings';

export interface EvaluateInput {
  /** Parsed rules (validateRule); disabled ones are ignored. */
  rules: readonly Rule[];
  /** One shop's stored figures; only period 'day' is judged. */
  records: readonly MetricRecord[];
  targets?: readonly MetricTarget[];
  tasks?: readonly Task[];
  members?: readonly Member[];
  projects?: readonly Project[];
  /** The shop's local date, `YYYY-MM-DD`. The only clock the engine reads. */
  today: string;
  /** Evaluate only rules with this trigger (e.g. 'capture' after new figures arrived). */
  trigger?: Trigger;
  /** Price/image changes to quote in suggestions. */
  changes?: readonly ItemChange[];
  /**
   * itemId → title (the item catalog, lib/items/catalog.ts). Messages, suggestions and task titles
   * name an item "title (ID)", or by its ID alone when it has no title here.
   */
  itemNames?: ItemNames;
}

export interface EvaluateResult {
  /** Sorted by rule order, then key: deterministic for the same input. */
  firings: Firing[];
  skipped: SkippedRule[];
}

const COMPARATOR_TEXT = {
  lt: { zh: '低于', en: 'below' },
  lte: { zh: '不高于', en: 'at or below' },
  gt: { zh: '高于', en: 'above' },
  gte: { zh: '不低于', en: 'at or above' },
} as const;

function indexRange(rules: readonly Rule[], todayIdx: number): { metrics: Set<string>; from: number } {
  const metrics = new Set<string>();
  let from = todayIdx;
  for (const r of rules) {
    if (r.condition.kind !== 'metric') continue;
    metrics.add(r.condition.metric);
    // +14: suggestions compare the last 7 days with the 7 before.
    from = Math.min(from, judgedDay(r.condition, todayIdx) - Math.max(lookbackDays(r.condition), 14));
    if (r.actions.suggestion) for (const m of CONTEXT_METRICS) metrics.add(m);
  }
  return { metrics, from };
}

/** A rule's firings before storm folding: `count` may exceed `firings.length` when only the worst were written. */
interface Judged {
  firings: Firing[];
  count: number;
  itemIds: string[];
}

export interface Ctx {
  input: EvaluateInput;
  index: SeriesIndex;
  todayIdx: number;
  members: readonly Member[];
}

function metricFirings(rule: Rule, c: MetricCondition, ctx: Ctx, skipped: SkippedRule[]): Judged {
  const { input, index, todayIdx } = ctx;
  const endDay = judgedDay(c, todayIdx);
  const endDate = dateOf(endDay);
  const keys = c.scope.kind === 'shop' ? [''] : c.scope.kind === 'item' ? [c.scope.itemId] : itemKeysOf(index, c.metric);
  const hits: Array<{ itemKey: string; result: WindowResult; target: number | null }> = [];
  const skips = new Map<string, number>();
  for (const itemKey of keys) {
    const j = judgeMetric(c, index, itemKey, endDay, todayIdx, input.targets ?? [], endDate);
    if (j.status !== 'fired') {
      if (j.status !== 'quiet') skips.set(j.status, (skips.get(j.status) ?? 0) + 1);
      continue;
    }
    hits.push({ itemKey, result: j.result, target: j.target });
  }
  for (const [status, count] of skips) skipped.push({ ruleId: rule.id, count, ...SKIP_TEXT[status]! });
  // In a storm only the worst few are written out (messages and suggestions are the costly
  // part); the summary carries the count and every item id.
  const storm = hits.length > rule.stormLimit;
  if (storm) hits.sort((a, b) => b.result.severity - a.result.severity || (a.itemKey < b.itemKey ? -1 : 1));
  const written = storm ? hits.slice(0, STORM_TOP) : hits;
  const firings = written.map((h) => metricFiring(rule, c, ctx, h.itemKey, endDate, h.result, h.target));
  return { firings, count: hits.length, itemIds: hits.map((h) => h.itemKey).filter((k) => k !== '') };
}

const SKIP_TEXT: Record<string, { reasonZh: string; reasonEn: string }> = {
  noData: { reasonZh: '窗口内数据不足', reasonEn: 'not enough figures in the window' },
  noTarget: { reasonZh: '没有设定目标', reasonEn: 'no target set' },
  waiting: { reasonZh: '数据尚未确定，等待结算', reasonEn: 'figures not final yet, waiting for them to settle' },
};

function metricFiring(
  rule: Rule,
  c: MetricCondition,
  ctx: Ctx,
  itemKey: string,
  endDate: string,
  r: WindowResult,
  target: number | null,
): Firing {
  const { index, input } = ctx;
  const series = index.byMetric.get(c.metric)!.get(itemKey)!;
  const immatureFrom = ctx.todayIdx - maturityOf(c.metric) + 1 - index.start;
  const points: EvidencePoint[] = [];
  for (let i = r.firstSlot; i <= r.lastSlot; i++) {
    const v = series.values[i]!;
    if (!Number.isNaN(v)) points.push({ date: dateOf(index.start + i), value: v, provisional: series.provisional[i] === 1 || i >= immatureFrom });
  }
  const itemId = itemKey === '' ? null : itemKey;
  const name = itemId ? labelFrom(input.itemNames, itemId) : null;
  const label = metricLabel(c.metric);
  const cmp = COMPARATOR_TEXT[c.comparator];
  const whoZh = name ? `商品「${name}」的` : '全店';
  const whoEn = name ? ` of item "${name}"` : ' (shop)';
  const obs = formatValue(c.metric, r.observed);
  const line = formatValue(c.metric, r.line);
  let zh: string;
  let en: string;
  const w = c.window;
  if (w.kind === 'consecutiveDays') {
    zh = `${whoZh}${label.zh}连续${w.days}天${cmp.zh} ${line}（最近 ${obs}）`;
    en = `${label.en}${whoEn} ${cmp.en} ${line} for ${w.days} days in a row (last ${obs})`;
  } else if (w.kind === 'avg') {
    zh = `${whoZh}${label.zh}近${w.days}天平均 ${obs}，${cmp.zh} ${line}`;
    en = `${label.en}${whoEn} averaged ${obs} over ${w.days} days, ${cmp.en} ${line}`;
  } else {
    const change = `${((r.observed / r.baseline! - 1) * 100).toFixed(0)}%`;
    zh = `${whoZh}${label.zh} ${obs}，较前${w.days}天均值 ${formatValue(c.metric, r.baseline!)} 变化 ${change}`;
    en = `${label.en}${whoEn} was ${obs}, ${change} against its ${w.days}-day mean ${formatValue(c.metric, r.baseline!)}`;
  }
  if (r.provisional) {
    zh += '（数据未定，结算后可能变化）';
    en += ' (provisional: figures may still change)';
  }
  const suggestion = rule.actions.suggestion
    ? writeSuggestion({ metric: c.metric, itemKey, itemName: name, index, endSlot: r.lastSlot, changes: input.changes ?? [] })
    : null;
  const scope = itemId ? `item:${itemId}` : 'shop';
  const evidence: FiringEvidence = {
    kind: 'metric',
    metric: c.metric,
    itemId,
    comparator: c.comparator,
    window: c.window,
    observed: r.observed,
    line: r.line,
    baseline: r.baseline,
    target,
    points,
  };
  const vars = { metric: label.zh, item: name ?? '全店', value: obs, date: endDate };
  return {
    key: `${rule.id}|${scope}|${endDate}`,
    ruleId: rule.id,
    ruleName: rule.name,
    trigger: rule.trigger,
    scope,
    period: endDate,
    provisional: r.provisional,
    messageZh: zh,
    messageEn: en,
    evidence,
    notify: resolveRecipients(rule.actions.notify, ctx.members, null),
    task: proposeTask(rule, ctx.members, input.today, vars, c.metric, itemId ? [itemId] : [], suggestion?.zh ?? zh, null),
    suggestion,
    severity: r.severity,
  };
}

/**
 * Evaluates every enabled rule against one shop's data. Pure and deterministic: the same
 * input gives the same firings and keys in any browser. Records are indexed once for all rules.
 */
export function evaluateRules(input: EvaluateInput): EvaluateResult {
  const todayIdx = dayIndex(input.today);
  const rules = input.rules.filter((r) => r.enabled && (input.trigger === undefined || r.trigger === input.trigger));
  const { metrics, from } = indexRange(rules, todayIdx);
  const index = buildSeriesIndex(metrics.size > 0 ? input.records : [], metrics, dateOf(from), input.today);
  const ctx: Ctx = { input, index, todayIdx, members: input.members ?? [] };
  const firings: Firing[] = [];
  const skipped: SkippedRule[] = [];
  for (const rule of rules) {
    const c = rule.condition;
    let judged: Judged;
    if (c.kind === 'metric') judged = metricFirings(rule, c, ctx, skipped);
    else {
      const own = c.kind === 'milestone' ? milestoneFirings(rule, ctx) : taskFirings(rule, ctx);
      judged = { firings: own, count: own.length, itemIds: own.flatMap((f) => f.task?.itemIds ?? []) };
    }
    const own = judged.firings.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    firings.push(...(judged.count > rule.stormLimit ? [foldStorm(rule, own, judged.count, judged.itemIds, input.today)] : own));
  }
  return { firings, skipped };
}

