import { type Rule, type RuleInput, ruleSchema } from './model';

export interface RuleTemplate {
  key: string;
  nameZh: string;
  nameEn: string;
  /** A ready rule; the caller gives it its own id (and may edit any field before validating). */
  build(id: string): Rule;
}

function make(input: Omit<RuleInput, 'version' | 'id'>): (id: string) => Rule {
  return (id) => ruleSchema.parse({ ...input, version: 1, id });
}

/**
 * The built-in rules the issue asks for. Thresholds come from the shop's habits
 * (5% refund warning line, 3 days below target) and can be edited after picking one.
 */
export const RULE_TEMPLATES: readonly RuleTemplate[] = [
  {
    key: 'salesBelowTarget',
    nameZh: '支付金额连续3天低于目标',
    nameEn: 'Sales below target 3 days in a row',
    build: make({
      name: '支付金额连续3天低于目标 / Sales below target 3 days',
      trigger: 'daily',
      condition: {
        kind: 'metric',
        metric: 'payAmt',
        scope: { kind: 'shop' },
        comparator: 'lt',
        threshold: { kind: 'targetFraction', fraction: 1 },
        window: { kind: 'consecutiveDays', days: 3 },
        maturity: 'provisional',
      },
      actions: {
        notify: [{ role: 'ops_director' }, { role: 'owner' }],
        createTask: { title: '{item}{metric}连续未达目标，排查原因', stage: '投流测试', assignee: { role: 'operator' }, dueInDays: 2, priority: 'P1' },
        suggestion: true,
      },
    }),
  },
  {
    key: 'refundOverWarning',
    nameZh: '退款率超过警戒线 5%',
    nameEn: 'Refund rate over the 5% warning line',
    build: make({
      name: '退款率超过5% / Refund rate over 5%',
      trigger: 'daily',
      condition: {
        kind: 'metric',
        metric: 'payAmtRfdRate',
        scope: { kind: 'everyItem' },
        comparator: 'gt',
        threshold: { kind: 'value', value: 0.05 },
        window: { kind: 'avg', days: 7 },
        // Refunds settle over ~14 days: alert early, but say it is provisional.
        maturity: 'provisional',
      },
      actions: {
        notify: [{ role: 'cs_lead' }, { role: 'ops_director' }],
        createTask: { title: '{item}退款率偏高（{value}），查看退款原因', stage: null, assignee: { role: 'cs_lead' }, dueInDays: 3, priority: 'P1' },
        suggestion: true,
      },
    }),
  },
  {
    key: 'cartRateFalling',
    nameZh: '加购率下滑',
    nameEn: 'Add-to-cart rate falling',
    build: make({
      name: '加购率较7日均值下降30% / Add-to-cart rate down 30% vs 7-day mean',
      trigger: 'capture',
      condition: {
        kind: 'metric',
        metric: 'cartRate',
        scope: { kind: 'everyItem' },
        comparator: 'lt',
        threshold: null,
        window: { kind: 'dropVsAvg', days: 7, fraction: 0.3 },
        maturity: 'provisional',
      },
      actions: { notify: [{ role: 'operator' }], createTask: null, suggestion: true },
    }),
  },
  {
    key: 'taskOverdue',
    nameZh: '任务逾期',
    nameEn: 'Task overdue',
    build: make({
      name: '任务逾期 / Task overdue',
      trigger: 'task.overdue',
      condition: { kind: 'taskOverdue', minDaysLate: 0 },
      actions: { notify: [{ taskAssignee: true }, { role: 'ops_director' }], createTask: null, suggestion: false },
    }),
  },
  {
    key: 'milestoneApproaching',
    nameZh: '大促里程碑临近（3天内）',
    nameEn: 'Promotion milestone within 3 days',
    build: make({
      name: '大促里程碑临近 / Promotion milestone approaching',
      trigger: 'daily',
      condition: { kind: 'milestone', withinDays: 3, projectKind: '大促' },
      actions: { notify: [{ role: 'operator' }, { role: 'ops_director' }], createTask: null, suggestion: false },
    }),
  },
];
