import type { AreaAdapter } from './adapter';
import { boards } from './boards';
import { attachments, comments, imageVersions, priceChanges } from './collab';
import { itemCatalog } from './items';
import { metricMonths } from './metrics';
import { firings, rules } from './rules';
import { targets } from './targets';

/**
 * Every area store team sync carries, in the order a first upload queues them
 * (what a row refers to comes before it: a rule before its firings).
 */
export const AREA_ADAPTERS: readonly AreaAdapter[] = [boards, targets, itemCatalog, rules, firings, comments, attachments, imageVersions, priceChanges, metricMonths];

export const AREA_SERVER_TABLES = ['boards', 'targets', 'item_catalog', 'rules', 'alerts', 'comments', 'attachments', 'image_versions', 'price_changes', 'metric_snapshots'] as const;
export type AreaServerTable = (typeof AREA_SERVER_TABLES)[number];

export const adapterForStore = (store: string): AreaAdapter | undefined => AREA_ADAPTERS.find((a) => a.store === store);
export const adapterForTable = (table: string): AreaAdapter | undefined => AREA_ADAPTERS.find((a) => a.table === table);

export type { AreaAdapter } from './adapter';
