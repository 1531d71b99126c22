import { isOpen, newId, type Role, type Task } from '../domain';
import type { Services } from '../messaging/area';
import { UserError } from '../workspace/errors';
import { parseOrThrow, requireActor, validRows } from './context';
import { normalizeImageUrl, parseImageId, sameImage } from './image-id';
import { imageVersionSchema, type ImageVersion } from './model';

/** Mirrors the server policy "Planners and designers can add image versions". */
export function canRecordImages(r: Role): boolean {
  return r === 'owner' || r === 'ops_director' || r === 'operator' || r === 'designer';
}

/** The item's open 主图优化 task a new version belongs to by default (earliest due first). */
export function defaultImageTask(tasks: readonly Task[], itemId: string): Task | null {
  const open = tasks.filter((t) => isOpen(t) && t.stage === '主图优化' && t.itemIds.includes(itemId));
  open.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  return open[0] ?? null;
}

/**
 * The items of open 主图优化 tasks, each with the task a version recorded for it links to by
 * default (the picture space asks which item a picture is for; these are the likely answers),
 * soonest due first.
 */
export function openImageItems(tasks: readonly Task[], limit = 30): Array<{ itemId: string; taskId: string; title: string }> {
  const ids = new Set(tasks.filter((t) => isOpen(t) && t.stage === '主图优化').flatMap((t) => t.itemIds));
  return [...ids]
    .flatMap((itemId) => {
      const t = defaultImageTask(tasks, itemId);
      return t ? [{ itemId, taskId: t.id, title: t.title, due: t.dueDate ?? '9999' }] : [];
    })
    .sort((a, b) => a.due.localeCompare(b.due) || a.itemId.localeCompare(b.itemId))
    .slice(0, limit)
    .map(({ itemId, taskId, title }) => ({ itemId, taskId, title }));
}

export async function listImageVersions(s: Services, itemId: string): Promise<ImageVersion[]> {
  const rows = await s.db.table('imageVersions').where('itemId').equals(itemId).toArray();
  return validRows(rows, imageVersionSchema)
    .filter((v) => v.deletedAt === null)
    .sort((a, b) => a.at - b.at);
}

/**
 * Records the picture now in a slot as a version: its URL as the page shows
 * it (normalised to full size), the O1CN… ID, who, when, a note and a task.
 * Nothing is fetched: the URL is only kept to be shown as <img> in our UI.
 */
export async function recordImageVersion(
  s: Services,
  input: { itemId: string; slot: number; imageUrl: string; note?: string; taskId?: string | null; source: ImageVersion['source'] },
): Promise<ImageVersion> {
  const actor = await requireActor(s);
  if (!canRecordImages(actor.me.role)) throw new UserError('只有店主、运营和美工可以记录主图版本 / only owner, ops and designers record image versions');
  const taskId = input.taskId === undefined ? (defaultImageTask(actor.state.tasks, input.itemId)?.id ?? null) : input.taskId;
  if (taskId !== null && !actor.state.tasks.some((t) => t.id === taskId)) throw new UserError('任务不存在 / task not found', 'taskId');
  const imageUrl = normalizeImageUrl(input.imageUrl);
  const table = s.db.table('imageVersions');
  return s.db.transaction('rw', table, async () => {
    const existing = validRows(await table.where('itemId').equals(input.itemId).toArray(), imageVersionSchema);
    const version = existing.reduce((mx, v) => Math.max(mx, v.version), 0) + 1;
    const row = parseOrThrow(imageVersionSchema, {
      id: newId(),
      shopId: actor.shop.id,
      itemId: input.itemId,
      slot: input.slot,
      version,
      imageUrl,
      imageId: parseImageId(imageUrl),
      taskId,
      note: input.note ?? '',
      source: input.source,
      createdBy: actor.me.id,
      at: s.now(),
      liveSince: null,
      liveUntil: null,
      deletedAt: null,
    });
    await table.add(row);
    return row;
  });
}

/**
 * The pictures the item's pages show now, per slot: at the edit page's load
 * and submit, and on 商品管理 rows (slot 0). Where a recorded version matches
 * the picture and is not yet live, it becomes live since now and the slot's
 * previous live version ends now. Pictures nobody recorded change nothing.
 * Returns the versions whose live state changed.
 */
export async function observeImages(s: Services, itemId: string, slots: readonly { slot: number; imageUrl: string }[]): Promise<ImageVersion[]> {
  const table = s.db.table('imageVersions');
  const now = s.now();
  return s.db.transaction('rw', table, async () => {
    const versions = validRows(await table.where('itemId').equals(itemId).toArray(), imageVersionSchema).filter((v) => v.deletedAt === null);
    const changed: ImageVersion[] = [];
    for (const seen of slots) {
      const pic = { imageUrl: seen.imageUrl, imageId: parseImageId(seen.imageUrl) };
      const inSlot = versions.filter((v) => v.slot === seen.slot);
      const live = inSlot.find((v) => v.liveSince !== null && v.liveUntil === null);
      if (live && sameImage(live, pic)) continue;
      // The newest recorded version of this picture for the slot.
      const match = [...inSlot].reverse().find((v) => sameImage(v, pic));
      if (!match) continue;
      if (live) {
        const ended = { ...live, liveUntil: now };
        await table.put(ended);
        changed.push(ended);
      }
      const started = { ...match, liveSince: now, liveUntil: null };
      await table.put(started);
      changed.push(started);
    }
    return changed;
  });
}
