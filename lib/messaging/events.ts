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
 * Whether a bump may have changed tasks, projects or members. A capture's ingest stores figures
 * (and the shop binding) only: a task a rule creates after it comes with a bump of its own.
 */
export function mayChangeWorkspace(version: unknown): boolean {
  const cause = typeof version === 'object' && version !== null ? (version as DataVersion).cause : undefined;
  return cause !== 'metrics.ingest';
}
