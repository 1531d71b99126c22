import { ROLE_LABELS, type Role } from '@/lib/domain/vocab';
import { labelFrom, type ItemNames } from '@/lib/items/label';
import { formatValue, metricInfo, metricLabel } from '@/lib/rules/metrics';
import type { Comparator, Recipient, RuleInput } from '@/lib/rules/model';

/** Labels for the rule sentence ("当某商品的支付金额连续3天低于目标的80%时…"). */
export const COMPARATOR_ZH: Record<Comparator, string> = { lt: '低于', lte: '不高于', gt: '高于', gte: '不低于' };
export const TRIGGER_ZH: Record<string, string> = {
  daily: '每天早上检查（采集后也会检查）',
  capture: '每次采集数据后',
  'task.overdue': '每天检查逾期',
  'task.status': '任务状态变化时',
};

export function roleZh(r: Role): string {
  return ROLE_LABELS[r].split(' ')[0]!;
}

export function recipientZh(r: Recipient, names: Readonly<Record<string, string>>): string {
  if ('role' in r) return roleZh(r.role);
  if ('memberId' in r) return names[r.memberId] ?? '（已移除的成员）';
  return '任务负责人';
}

/** A metric threshold as typed in the form: rates and target shares in percent, money and counts as is. */
export function isPercentMetric(metric: string): boolean {
  return metricInfo(metric)?.unit === 'rate';
}

/** The rule as one Chinese sentence, for the list of saved rules. */
export function describeRule(rule: RuleInput, names: Readonly<Record<string, string>> = {}, items: ItemNames = {}): string {
  const c = rule.condition;
  let when: string;
  if (c.kind === 'metric') {
    const scope = c.scope.kind === 'shop' ? '全店' : c.scope.kind === 'item' ? `商品 ${labelFrom(items, c.scope.itemId)}` : '每个商品';
    const label = metricLabel(c.metric).zh;
    const w = c.window;
    const t = c.threshold ?? null;
    const line = t === null ? '' : t.kind === 'targetFraction' ? `目标的${Math.round(t.fraction * 100)}%` : formatValue(c.metric, t.value);
    const cmp = COMPARATOR_ZH[c.comparator];
    if (w.kind === 'consecutiveDays') when = `${scope}的${label}连续${w.days}天${cmp}${line}`;
    else if (w.kind === 'avg') when = `${scope}的${label}近${w.days}天平均${cmp}${line}`;
    else when = `${scope}的${label}较前${w.days}天均值${c.comparator === 'lt' || c.comparator === 'lte' ? '下降' : '上升'}${Math.round(w.fraction * 100)}%`;
  } else if (c.kind === 'taskOverdue') when = `任务逾期超过${c.minDaysLate ?? 0}天`;
  else if (c.kind === 'taskStatus') when = `任务状态变为 ${c.status}`;
  else when = `${c.projectKind ?? ''}项目的里程碑在${c.withinDays}天内`;
  const a = rule.actions;
  const notify = (a.notify ?? []).map((r) => recipientZh(r, names));
  const parts = [`当${when}时`];
  if (notify.length) parts.push(`通知${notify.join('、')}`);
  if (a.createTask) parts.push(`创建任务「${a.createTask.title}」`);
  if (a.suggestion) parts.push('附数据建议');
  return parts.join('，');
}
