/** Event names shared by the background and content scripts (kept apart from the zod protocol so content bundles stay small). */
export const DATA_VERSION_KEY = 'zg:dataVersion';
export const QUICK_ADD_EVENT = 'zg:quickAdd';

/**
 * What the background writes under DATA_VERSION_KEY after a change: when, and which request
 * caused it (absent for changes of its own: rules firing, a sync pull). Every view refetches on a
 * bump; a view may skip a cause that cannot change what it shows.
 */
export interface DataVersion {
  at: number;
  cause?: string;
}

/**
 * Whether a bump was a capture's ingest: figures (and the shop binding) stored, nothing else. Views
 * of tasks and badge statuses (which compare the page's own value with its target) skip it; a task
 * a rule creates after a capture comes with a bump of its own.
 */
export function isCaptureIngest(version: unknown): boolean {
  return typeof version === 'object' && version !== null && (version as DataVersion).cause === 'metrics.ingest';
}

/** A chrome.storage change as its onChanged listeners receive it. */
export type StorageChanges = Record<string, { newValue?: unknown }>;

/**
 * Whether a storage change is a data bump that can change what the seller-page views show (tasks,
 * counts, badge statuses): any bump but a capture's own ingest. The one rule the panel preview, the
 * row badges and the KPI badges refetch on.
 */
export function viewsMayChange(changes: StorageChanges, area: string): boolean {
  const bump = changes[DATA_VERSION_KEY];
  return area === 'local' && bump !== undefined && !isCaptureIngest(bump.newValue);
}
