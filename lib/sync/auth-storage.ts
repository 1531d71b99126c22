/**
 * supabase-js session storage over chrome.storage.local: the MV3 service
 * worker has no localStorage, and the options page and the background must
 * share one session (the options page signs in; the background syncs).
 */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface AuthStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/** supabase-js's storageKey for our session (one project per browser profile). */
export const AUTH_STORAGE_KEY = 'zg:supabase-auth';

export function chromeAuthStorage(area: KeyValueArea): AuthStorage {
  return {
    async getItem(key) {
      const v = (await area.get(key))[key];
      return typeof v === 'string' ? v : null;
    },
    async setItem(key, value) {
      await area.set({ [key]: value });
    },
    async removeItem(key) {
      await area.remove(key);
    },
  };
}
