import type { Feature } from '@/lib/features/types';
import { imageVersions } from './image-versions';
import { itemTitles } from './item-titles';
import { kpiCapture } from './kpi-capture';
import { priceHistory } from './price-history';
import { quickAddButton } from './quick-add-button';
import { rowBadges } from './row-badges';
import { taskPanel } from './task-panel';

/** Every injected feature, in mount order. Each file holds one feature and its page predicate. */
export const FEATURES: readonly Feature[] = [taskPanel, rowBadges, quickAddButton, imageVersions, priceHistory, kpiCapture, itemTitles];
