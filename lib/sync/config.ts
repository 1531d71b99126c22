import { z } from 'zod';

/**
 * The team-mode connection: which Supabase project (URL + anon key, hosted or
 * self-hosted) and, once chosen, which server shop this browser syncs. Stored
 * in syncState under SYNC_KEYS.config; absent = local-only mode (the default).
 */
export const syncConfigSchema = z.object({
  url: z.string(),
  anonKey: z.string(),
  /** The server shop (same id as the local shop); null until created or joined. */
  shopId: z.string().nullable().default(null),
  connectedAt: z.number().int(),
});
export type SyncConfig = z.infer<typeof syncConfigSchema>;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** A project URL: https (or http for a local/self-hosted server on localhost / a private address), no path, query or credentials. */
export function checkProjectUrl(input: string): Checked<string> {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { ok: false, error: '不是有效的网址 / not a valid URL (e.g. https://abcd.supabase.co)' };
  }
  const local = /^(localhost|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|\[::1\])$/.test(u.hostname) || u.hostname.endsWith('.local');
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) {
    return { ok: false, error: '项目网址必须是 https（本机/内网可用 http）/ the project URL must use https (http only for localhost or a private network)' };
  }
  if (u.username || u.password) return { ok: false, error: '网址中不能包含账号密码 / the URL must not contain credentials' };
  if ((u.pathname !== '/' && u.pathname !== '') || u.search || u.hash) {
    return { ok: false, error: '请只填项目根网址，不要带路径 / enter the project root URL only, without a path (not …/rest/v1)' };
  }
  return { ok: true, value: u.origin };
}

/** Decodes a JWT's payload without verifying it (the server verifies; we only look at the role). */
export function jwtClaims(token: string): Record<string, unknown> | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const b64 = parts[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0)));
    const v = JSON.parse(json) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The anon (publishable) key. A service-role key bypasses every RLS policy, so
 * it must never be stored in a browser extension: refused by its JWT role claim
 * (legacy keys) or its `sb_secret_` prefix (new-style keys).
 */
export function checkAnonKey(input: string): Checked<string> {
  const key = input.trim();
  if (key.startsWith('sb_secret_')) return { ok: false, error: '这是服务端密钥（secret key），绝不能放进浏览器 / this is a secret (server) key: never put it in a browser. Use the anon / publishable key.' };
  if (key.startsWith('sb_publishable_')) return key.length > 20 ? { ok: true, value: key } : { ok: false, error: '密钥不完整 / the key is incomplete' };
  const claims = jwtClaims(key);
  if (!claims) return { ok: false, error: '不是有效的 anon key / not a valid anon key (Project Settings → API → anon public)' };
  if (claims.role === 'service_role') {
    return { ok: false, error: '这是 service_role 密钥：它绕过所有权限，绝不能放进浏览器 / this is the service_role key: it bypasses every permission and must never be put in a browser. Use the anon key.' };
  }
  if (claims.role !== 'anon') return { ok: false, error: `密钥角色应为 anon，实际为 ${String(claims.role)} / the key's role must be anon, got ${String(claims.role)}` };
  return { ok: true, value: key };
}
