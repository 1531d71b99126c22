import type { Stage } from '../domain/vocab';

/**
 * What each pipeline stage is about, as a one-line reminder for the morning briefing. Used when
 * the team has not written its own SOP for the stage (the SOP store in lib/collab wins).
 */
export const STAGE_TIPS: Record<Stage, { zh: string; en: string }> = {
  选品策划: { zh: '确认主推款、库存深度和利润空间，再排后续工作', en: 'Confirm hero items, stock depth and margin before planning the rest' },
  主图优化: { zh: '每个主推款至少两版主图，上线后看点击率再定稿', en: 'At least two main images per hero item; pick the winner by click-through once live' },
  定价策略: { zh: '核对券后价、满减叠加和历史最低价，避免破价', en: 'Check the price after coupons and stacked discounts against the historical low' },
  活动报名: { zh: '留意报名截止时间和资质要求，报名后核对活动价', en: 'Watch sign-up deadlines and requirements; check the campaign price after signing up' },
  投流测试: { zh: '小预算测词测图，按投入产出比加减预算', en: 'Test keywords and images on small budgets; scale by ROI' },
  数据复盘: { zh: '对比目标看访客、转化、客单价，记下下次要改的三件事', en: 'Compare visitors, conversion and order value with targets; note three things to change next time' },
};
