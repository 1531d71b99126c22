import type { FeatureGroup } from '@/lib/features/types';
import { HOST_MATCHES } from '@/lib/taobao/hosts';
import { imageVersions } from '../image-versions';
import { kpiCapture } from '../kpi-capture';
import { rowBadges } from '../row-badges';
import { taskPanel } from '../task-panel';

/** 千牛 (one SPA): the workbench, 商品管理, picture space and the rest. */
export const QIANNIU: FeatureGroup = {
  matches: HOST_MATCHES.qianniu,
  features: [taskPanel, rowBadges, imageVersions, kpiCapture],
};
