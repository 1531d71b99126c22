import type { Member } from '../domain/member';
import { type MetricInfo, METRICS } from './metrics';
import { type MetricTarget, type Recipient, type Rule, type Trigger, ruleSchema } from './model';

export interface Reason {
  path: string;
  zh: string;
  en: string;
}

export type RuleValidation = { ok: true; rule: Rule; warnings: Reason[] } | { ok: false; reasons: Reason[]; warnings: Reason[] };

export interface ValidationContext {
  /** When given, member ids in actions must exist here. */
  members?: readonly Member[];
  /** When given, a targetFraction threshold needs a target for its metric. */
  targets?: readonly MetricTarget[];
  /** Defaults to the local list in metrics.ts. */
  metrics?: readonly MetricInfo[];
}

/** Which triggers can evaluate which condition: a metric rule has no task event to react to, etc. */
const TRIGGERS_FOR: Record<Rule['condition']['kind'], readonly Trigger[]> = {
  metric: ['capture', 'daily'],
  taskOverdue: ['task.overdue', 'daily'],
  taskStatus: ['task.status'],
  milestone: ['daily'],
};

function reason(path: string, message: string): Reason {
  const cut = message.indexOf(' / ');
  return cut < 0 ? { path, zh: message, en: message } : { path, zh: message.slice(0, cut), en: message.slice(cut + 3) };
}

/**
 * Parses a rule and refuses ones that can never fire or can never act,
 * with reasons a person can read (中文 + English).
 */
export function validateRule(input: unknown, ctx: ValidationContext = {}): RuleValidation {
  const parsed = ruleSchema.safeParse(input);
  const warnings: Reason[] = [];
  if (!parsed.success) {
    return {
      ok: false,
      reasons: parsed.error.issues.map((i) => reason(i.path.join('.'), i.message)),
      warnings,
    };
  }
  const rule = parsed.data;
  const reasons: Reason[] = [];
  const c = rule.condition;

  if (!TRIGGERS_FOR[c.kind].includes(rule.trigger)) {
    reasons.push(
      reason('trigger', `触发方式“${rule.trigger}”不能判断此条件，可用：${TRIGGERS_FOR[c.kind].join('、')} / trigger "${rule.trigger}" cannot evaluate this condition; use ${TRIGGERS_FOR[c.kind].join(', ')}`),
    );
  }

  if (c.kind === 'metric') {
    const metrics = ctx.metrics ?? METRICS;
    const info = metrics.find((m) => m.code === c.metric);
    if (!info) {
      reasons.push(reason('condition.metric', `未知指标“${c.metric}” / unknown metric "${c.metric}"`));
    }
    if (c.window.kind === 'dropVsAvg') {
      if (c.threshold !== null) warnings.push(reason('condition.threshold', '“较均值下降”不使用阈值，已忽略 / dropVsAvg ignores the threshold'));
      if ((c.comparator === 'lt' || c.comparator === 'lte') && c.window.fraction >= 1) {
        reasons.push(reason('condition.window.fraction', '非负指标不可能下降100%以上 / a non-negative metric cannot drop by 100% or more'));
      }
    } else if (c.threshold === null) {
      reasons.push(reason('condition.threshold', '此窗口需要阈值 / this window needs a threshold'));
    } else if (c.threshold.kind === 'value' && info) {
      const v = c.threshold.value;
      // All stored metrics are non-negative; rates are fractions in [0, 1] (taobao-pages.md).
      if ((c.comparator === 'lt' && v <= 0) || (c.comparator === 'lte' && v < 0)) {
        reasons.push(reason('condition.threshold.value', `指标不会小于0，此条件永远不成立 / the metric is never below 0, so this never fires`));
      }
      if (info.unit === 'rate') {
        if (v > 1 || v < 0) {
          reasons.push(
            reason('condition.threshold.value', `比率指标以小数计（5% 写作 0.05），阈值 ${v} 超出 0–1 / rate metrics are fractions (5% is 0.05); threshold ${v} is outside 0–1`),
          );
        } else if ((c.comparator === 'gt' && v >= 1) || (c.comparator === 'gte' && v > 1)) {
          reasons.push(reason('condition.threshold.value', '比率不会超过100%，此条件永远不成立 / a rate never exceeds 100%, so this never fires'));
        }
      }
    } else if (c.threshold.kind === 'targetFraction' && ctx.targets) {
      const wanted = c.scope.kind === 'item' ? c.scope.itemId : null;
      const has = ctx.targets.some(
        (t) => t.metric === c.metric && (c.scope.kind === 'everyItem' ? t.itemId !== null : t.itemId === wanted),
      );
      if (!has) reasons.push(reason('condition.threshold', `“${c.metric}”没有设定目标，无法按目标比例判断 / no target is set for "${c.metric}", so a target fraction cannot be judged`));
    }
  }

  const recipients: Array<[string, Recipient]> = rule.actions.notify.map((r, i) => [`actions.notify.${i}`, r]);
  if (rule.actions.createTask?.assignee) recipients.push(['actions.createTask.assignee', rule.actions.createTask.assignee]);
  if (ctx.members) {
    const active = ctx.members.filter((m) => m.deletedAt === null);
    for (const [path, r] of recipients) {
      if ('memberId' in r && !active.some((m) => m.id === r.memberId)) {
        reasons.push(reason(path, `成员“${r.memberId}”不存在 / member "${r.memberId}" does not exist`));
      }
      if ('role' in r && !active.some((m) => m.role === r.role)) {
        warnings.push(reason(path, `目前没有角色为“${r.role}”的成员 / nobody has the role "${r.role}" yet`));
      }
    }
  }
  if (rule.actions.notify.length === 0 && rule.actions.createTask === null && !rule.actions.suggestion) {
    reasons.push(reason('actions', '规则没有任何动作 / the rule has no action'));
  }

  return reasons.length > 0 ? { ok: false, reasons, warnings } : { ok: true, rule, warnings };
}
