/**
 * The domain's vocabularies and labels, without zod: content scripts import
 * these directly so the schemas (and zod) stay out of the page's bundle.
 * The zod schemas in the sibling files are built from these lists.
 */

export const ROLES = ['owner', 'ops_director', 'operator', 'cs_lead', 'cs', 'designer', 'warehouse'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: '店主 Owner',
  ops_director: '运营总监 Ops director',
  operator: '运营 Operator',
  cs_lead: '客服主管 CS lead',
  cs: '客服 CS',
  designer: '美工 Designer',
  warehouse: '仓库 Warehouse',
};

/** The promotion pipeline every template follows, in order. */
export const STAGES = ['选品策划', '主图优化', '定价策略', '活动报名', '投流测试', '数据复盘'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_INFO: Record<Stage, { en: string; defaultRole: Role }> = {
  选品策划: { en: 'Product selection', defaultRole: 'ops_director' },
  主图优化: { en: 'Main images', defaultRole: 'designer' },
  定价策略: { en: 'Pricing', defaultRole: 'operator' },
  活动报名: { en: 'Campaign sign-up', defaultRole: 'operator' },
  投流测试: { en: 'Traffic tests', defaultRole: 'operator' },
  数据复盘: { en: 'Review', defaultRole: 'ops_director' },
};

export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const TASK_STATUSES = ['todo', 'doing', 'review', 'done', 'blocked'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const STATUS_LABELS: Record<TaskStatus, string> = {
  todo: '待办 To do',
  doing: '进行中 Doing',
  review: '待审核 Review',
  done: '已完成 Done',
  blocked: '受阻 Blocked',
};

export const PROJECT_KINDS = ['大促', '新品首发', '日常'] as const;
export const PROJECT_STATUSES = ['planning', 'active', 'closed'] as const;

export function isOpen(t: { status: TaskStatus; deletedAt: number | null }): boolean {
  return t.deletedAt === null && t.status !== 'done';
}
