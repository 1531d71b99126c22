import { describe, expect, it } from 'vitest';
import { ZhangguiDb } from '@/lib/db/schema';
import { handleMessage } from '@/lib/messaging/handler';
import { configureTeamMode } from '@/lib/sync/messages';
import { WorkspaceService } from '@/lib/workspace/service';

describe('sync message area', () => {
  const db = new ZhangguiDb(`zg-sync-msg-${Math.random()}`);
  const services = { db, workspace: new WorkspaceService(db), today: () => '2026-11-01', now: () => 1 };
  configureTeamMode({
    makeClient: () => {
      throw new Error('no client in this test');
    },
  });

  it('reports local-only mode by default', async () => {
    expect(await handleMessage({ type: 'sync.status' }, services)).toEqual({
      ok: true,
      data: { mode: 'local', status: { state: 'local', pending: 0, reason: null, lastSyncAt: null, boundAccount: null } },
    });
  });

  it('refuses a service-role key with a clear error and stays local', async () => {
    const key = `h.${Buffer.from(JSON.stringify({ role: 'service_role' })).toString('base64url')}.s`;
    const r = await handleMessage({ type: 'sync.connect', url: 'https://abcd.supabase.co', anonKey: key }, services);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/service_role/);
    expect(!r.ok && r.field).toBe('anonKey');
    expect((await handleMessage({ type: 'sync.status' }, services)).ok && (await db.table('syncState').count())).toBe(0);
  });

  it('validates requests at the receiver', async () => {
    expect((await handleMessage({ type: 'sync.invite', email: 'a@b.c', role: 'boss' }, services)).ok).toBe(false);
    expect((await handleMessage({ type: 'sync.join', token: 'x' }, services)).ok).toBe(false);
  });
});
