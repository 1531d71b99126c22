import type { Feature } from '@/lib/features/types';
import { quickAdd } from './quick-add';
import { rowBadges } from './row-badges';
import { taskPanel } from './task-panel';

/** Every injected feature, in mount order. Each file holds one feature and its page predicate. */
export const FEATURES: readonly Feature[] = [taskPanel, rowBadges, quickAdd];
