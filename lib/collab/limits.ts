/**
 * Size limits for collaboration records, zod-free so the UI can state them
 * before a person tries (and the content scripts stay small). The server has
 * the same comment limit (supabase/migrations/*_collaboration.sql: 1..5000).
 */
export const COMMENT_MAX_CHARS = 5000;
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENTS_MAX_BYTES_PER_SHOP = 50 * 1024 * 1024;
export const NOTE_MAX_CHARS = 2000;
export const SOP_MAX_CHARS = 20000;

/** "5 MB", "50 MB", "320 KB": how limits and sizes are shown. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}
