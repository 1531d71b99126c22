import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseAlert } from '@/lib/alerts/store';
import { ZhangguiDb } from '@/lib/db/schema';
import { handleMessage } from '@/lib/messaging/handler';
import { WorkspaceService } from '@/lib/workspace/service';

const db = new ZhangguiDb(`zg-inbox-${Math.random()}`);
const workspace = new WorkspaceService(db);
const ctx = { db, workspace, today: () => '2026-11-20', now: () => 1 };
let me = '';
let other = '';
beforeAll(async () => {
  const s = await workspace.setup({ shopName: '木语', members: [{ name: '阿强', role: 'operator' }, { name: '小美', role: 'designer' }], meIndex: 0 });
  me = s.meId!;
  other = s.members.find((m) => m.id !== me)!.id;
  const base = { shopId: s.shop!.id, kind: 'target' as const, message: '', at: 1 };
  await raiseAlert(db, { ...base, id: 'a', key: 'k-a', title: '退款率超过警戒线' });
  await raiseAlert(db, { ...base, id: 'b', key: 'k-b', title: '给小美的', memberIds: [other], at: 2 });
  await raiseAlert(db, { ...base, id: 'c', key: 'k-c', title: '给我的', memberIds: [me], at: 3 });
});
afterAll(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('inbox messages', () => {
  it("lists my alerts and the shop's, newest first, not other people's", async () => {
    const r = await handleMessage({ type: 'alerts.inbox' }, ctx);
    expect(r.ok && (r.data as { id: string }[]).map((a) => a.id)).toEqual(['c', 'a']);
  });
  it('marks alerts read and refuses an empty request', async () => {
    expect((await handleMessage({ type: 'alerts.markRead', ids: ['c'] }, ctx)).ok).toBe(true);
    const r = await handleMessage({ type: 'alerts.inbox' }, ctx);
    expect(r.ok && (r.data as { id: string; read: number }[]).find((a) => a.id === 'c')!.read).toBe(1);
    expect((await handleMessage({ type: 'alerts.markRead', ids: [] }, ctx)).ok).toBe(false);
  });
});
