import type { FeatureGroup } from '@/lib/features/types';
import { HOST_MATCHES } from '@/lib/taobao/hosts';
import { kpiCapture } from '../kpi-capture';
import { quickAddButton } from '../quick-add-button';

/** 生意参谋. */
export const SYCM: FeatureGroup = {
  matches: HOST_MATCHES.sycm,
  features: [quickAddButton, kpiCapture],
};
