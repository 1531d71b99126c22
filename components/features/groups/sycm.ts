import type { FeatureGroup } from '@/lib/features/types';
import { kpiCapture } from '../kpi-capture';
import { quickAddButton } from '../quick-add-button';

/** 生意参谋. */
export const SYCM: FeatureGroup = {
  matches: ['https://sycm.taobao.com/*'],
  features: [quickAddButton, kpiCapture],
};
