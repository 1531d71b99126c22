import type { Feature, FeatureGroup } from '@/lib/features/types';
import { ITEM_EDIT } from './groups/item-edit';
import { QIANNIU } from './groups/qianniu';
import { SYCM } from './groups/sycm';

/**
 * The injected features by content script. Each host group has a script of its own
 * (entrypoints/<group>.content, importing only its group), so a page compiles and evaluates only
 * the features its host can show: the host page's main thread pays for every byte
 * (tests/bench/content). SPA route changes stay on one host, so a group carries every feature of
 * its host's pages; tests/unit/features/groups.test.ts checks that against the page examples.
 * Each feature file holds one feature and its page predicate; a group lists them in mount order.
 */
export const GROUPS: Readonly<Record<'qianniu' | 'sycm' | 'itemEdit', FeatureGroup>> = { qianniu: QIANNIU, sycm: SYCM, itemEdit: ITEM_EDIT };

/** Every injected feature, once. */
export const FEATURES: readonly Feature[] = [...new Set(Object.values(GROUPS).flatMap((g) => g.features))];
