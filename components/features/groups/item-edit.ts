import type { FeatureGroup } from '@/lib/features/types';
import { HOST_MATCHES } from '@/lib/taobao/hosts';
import { imageVersions } from '../image-versions';
import { itemTitles } from '../item-titles';
import { priceHistory } from '../price-history';
import { taskPanel } from '../task-panel';

/** The item editors (Taobao and Tmall). */
export const ITEM_EDIT: FeatureGroup = {
  matches: HOST_MATCHES.itemEdit,
  features: [taskPanel, imageVersions, priceHistory, itemTitles],
};
