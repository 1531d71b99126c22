import type { FeatureGroup } from '@/lib/features/types';
import { imageVersions } from '../image-versions';
import { kpiCapture } from '../kpi-capture';
import { rowBadges } from '../row-badges';
import { taskPanel } from '../task-panel';

/** 千牛 (one SPA): the workbench, 商品管理, picture space and the rest. */
export const QIANNIU: FeatureGroup = {
  matches: ['https://myseller.taobao.com/*', 'https://qn.taobao.com/*'],
  features: [taskPanel, rowBadges, imageVersions, kpiCapture],
};
