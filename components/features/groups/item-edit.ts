import type { FeatureGroup } from '@/lib/features/types';
import { imageVersions } from '../image-versions';
import { itemTitles } from '../item-titles';
import { priceHistory } from '../price-history';
import { taskPanel } from '../task-panel';

/** The item editors (Taobao and Tmall). */
export const ITEM_EDIT: FeatureGroup = {
  matches: ['https://item.upload.taobao.com/*', 'https://sell.publish.tmall.com/*'],
  features: [taskPanel, imageVersions, priceHistory, itemTitles],
};
