import type { ZhangguiDb } from '../db/schema';
import { alertSchema, type Alert, type AlertInput } from './model';

/**
 * Raises an alert once per key. Returns the stored alert when it is new, or
 * null when an alert with that key already exists (nothing is changed, so no
 * second notification is sent).
 */
export async function raiseAlert(db: ZhangguiDb, input: AlertInput): Promise<Alert | null> {
  const alert = alertSchema.parse(input);
  return db.transaction('rw', db.table('alerts'), async () => {
    const existing = await db.table('alerts').where('key').equals(alert.key).first();
    if (existing) return null;
    await db.table('alerts').add(alert);
    return alert;
  });
}

/** The inbox for one member: alerts addressed to them or to everyone, newest first. */
export async function inbox(db: ZhangguiDb, shopId: string, memberId: string | null, limit = 100): Promise<Alert[]> {
  const rows = await db.table('alerts').where('shopId').equals(shopId).toArray();
  return rows
    .flatMap((r) => {
      const p = alertSchema.safeParse(r);
      return p.success ? [p.data] : [];
    })
    .filter((a) => a.memberIds.length === 0 || (memberId !== null && a.memberIds.includes(memberId)))
    .sort((a, b) => b.at - a.at)
    .slice(0, limit);
}

export async function markRead(db: ZhangguiDb, ids: readonly string[]): Promise<void> {
  await db.table('alerts').where('id').anyOf([...ids]).modify({ read: 1 });
}
