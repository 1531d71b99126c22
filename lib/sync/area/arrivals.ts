import { raiseAlert } from '../../alerts/store';
import type { ZhangguiDb } from '../../db/schema';
import { newId } from '../../domain';
import { mentionAlertInput } from '../../collab/comments';
import { commentSchema } from '../../collab/model';
import { firingAlertInput, firingRowSchema } from '../../rules/store';

/** A record a pull added to this browser (it was not here before). */
export interface Arrival {
  store: string;
  record: Record<string, unknown>;
}

/** Older arrivals are history (joining a shop pulls months of it), not news. */
export const ARRIVAL_NEWS_MS = 3 * 86_400_000;

/**
 * What a teammate's browser did that this browser should tell its person about:
 * a rule firing (the same inbox alert the firing browser raised, key
 * `rule|<firing key>`) and an @mention in a comment (`mention|<comment>|<member>`).
 * The keys are the ones the local code uses, so nothing is announced twice.
 */
export async function announceArrivals(db: ZhangguiDb, arrivals: readonly Arrival[], now: number): Promise<number> {
  let raised = 0;
  for (const { store, record } of arrivals) {
    if (store === 'firings') {
      const f = firingRowSchema.safeParse(record);
      if (!f.success || now - f.data.at > ARRIVAL_NEWS_MS) continue;
      const alert = await raiseAlert(db, firingAlertInput(f.data, f.data.shopId, f.data.taskId, f.data.at, newId()));
      if (alert) {
        raised += 1;
        await db.table('firings').update(f.data.key, { alertId: alert.id });
      }
    } else if (store === 'comments') {
      const c = commentSchema.safeParse(record);
      if (!c.success || c.data.deletedAt !== null || now - c.data.at > ARRIVAL_NEWS_MS) continue;
      const author = await db.members.get(c.data.authorId);
      const task = await db.tasks.get(c.data.taskId);
      for (const memberId of c.data.mentions) {
        if (memberId === c.data.authorId) continue;
        const alert = await raiseAlert(db, mentionAlertInput(c.data, memberId, author?.name ?? '同事', task?.title ?? '任务', c.data.at));
        if (alert) raised += 1;
      }
    }
  }
  return raised;
}
