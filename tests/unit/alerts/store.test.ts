import Dexie from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { ZhangguiDb } from '@/lib/db/schema';
import { inbox, markRead, raiseAlert } from '@/lib/alerts/store';

const db = new ZhangguiDb(`zg-alerts-${Math.random()}`);
afterAll(async () => {
  db.close();
  await Dexie.delete(db.name);
});
const base = { shopId: 's', kind: 'target' as const, title: '退款率超过警戒线', message: '5.2% > 5%', at: 1 };

describe('alerts', () => {
  it('raises an alert once per key, however often it is evaluated', async () => {
    expect(await raiseAlert(db, { ...base, id: 'a1', key: 'target|payAmtRfdRate|shop|2026-11-20' })).not.toBeNull();
    expect(await raiseAlert(db, { ...base, id: 'a2', key: 'target|payAmtRfdRate|shop|2026-11-20' })).toBeNull();
    expect(await db.table('alerts').count()).toBe(1);
  });
  it('shows each member the alerts addressed to them or to everyone, newest first, and marks them read', async () => {
    await raiseAlert(db, { ...base, id: 'b1', key: 'k-b1', memberIds: ['mei'], at: 5 });
    await raiseAlert(db, { ...base, id: 'b2', key: 'k-b2', memberIds: ['qiang'], at: 6 });
    expect((await inbox(db, 's', 'mei')).map((a) => a.id)).toEqual(['b1', 'a1']);
    await markRead(db, ['b1']);
    expect((await inbox(db, 's', 'mei'))[0]!.read).toBe(1);
  });
  it('refuses a malformed alert', async () => {
    await expect(raiseAlert(db, { ...base, id: 'c', key: '' })).rejects.toThrow();
  });
});
