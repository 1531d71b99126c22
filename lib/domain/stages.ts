import { z } from 'zod';
import type { Role } from './roles';

/** The promotion pipeline every template follows, in order. */
export const STAGES = ['选品策划', '主图优化', '定价策略', '活动报名', '投流测试', '数据复盘'] as const;
export const stage = z.enum(STAGES);
export type Stage = z.infer<typeof stage>;

export const STAGE_INFO: Record<Stage, { en: string; defaultRole: Role }> = {
  选品策划: { en: 'Product selection', defaultRole: 'ops_director' },
  主图优化: { en: 'Main images', defaultRole: 'designer' },
  定价策略: { en: 'Pricing', defaultRole: 'operator' },
  活动报名: { en: 'Campaign sign-up', defaultRole: 'operator' },
  投流测试: { en: 'Traffic tests', defaultRole: 'operator' },
  数据复盘: { en: 'Review', defaultRole: 'ops_director' },
};
