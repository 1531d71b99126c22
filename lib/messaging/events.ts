/** Event names shared by the background and content scripts (kept apart from the zod protocol so content bundles stay small). */
export const DATA_VERSION_KEY = 'zg:dataVersion';
export const QUICK_ADD_EVENT = 'zg:quickAdd';
