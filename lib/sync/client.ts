import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { AUTH_STORAGE_KEY, type AuthStorage } from './auth-storage';
import type { SyncConfig } from './config';

/**
 * supabase-js for the connected project with our session storage (see
 * auth-storage.ts). The options page passes detectSessionInUrl so a magic
 * link that lands on options.html signs in; the background never does.
 */
export function makeSupabaseClient(cfg: Pick<SyncConfig, 'url' | 'anonKey'>, storage: AuthStorage, opts: { detectSessionInUrl?: boolean } = {}): SupabaseClient {
  return createClient(cfg.url, cfg.anonKey, {
    auth: {
      storage,
      storageKey: AUTH_STORAGE_KEY,
      persistSession: true,
      autoRefreshToken: true,
      detectSessionInUrl: opts.detectSessionInUrl ?? false,
    },
  });
}
