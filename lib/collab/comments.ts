import type { AlertInput } from '../alerts/model';
import { raiseAlert } from '../alerts/store';
import { newId } from '../domain';
import type { Services } from '../messaging/area';
import { UserError } from '../workspace/errors';
import { parseOrThrow, requireActor, validRows, type Actor } from './context';
import { COMMENT_MAX_CHARS } from './limits';
import { mentionedIds } from './mentions';
import { commentSchema, type Comment } from './model';

/**
 * Comments on tasks. Anyone in the shop comments; only the author edits or
 * deletes (a tombstone, so sync and the history keep it), mirroring the
 * server policy "Authors can edit their own comments". Each member newly
 * @mentioned gets an inbox alert (kind 'mention', idempotent per comment and
 * member) and one browser notification.
 */
export async function listComments(s: Services, taskId: string): Promise<Comment[]> {
  const rows = await s.db.table('comments').where('taskId').equals(taskId).toArray();
  return validRows(rows, commentSchema)
    .filter((c) => c.deletedAt === null)
    .sort((a, b) => a.at - b.at);
}

export async function addComment(s: Services, taskId: string, body: string): Promise<Comment> {
  const actor = await requireActor(s);
  const task = actor.state.tasks.find((t) => t.id === taskId);
  if (!task) throw new UserError('任务不存在或已删除 / task not found');
  checkLength(body);
  const now = s.now();
  const comment = parseOrThrow(commentSchema, {
    id: newId(),
    shopId: actor.shop.id,
    taskId,
    authorId: actor.me.id,
    body,
    mentions: mentionedIds(body, actor.state.members),
    at: now,
    updatedAt: now,
    deletedAt: null,
  });
  await s.db.table('comments').add(comment);
  await notifyMentions(s, actor, comment, task.title, []);
  return comment;
}

export async function editComment(s: Services, id: string, body: string): Promise<Comment> {
  const actor = await requireActor(s);
  checkLength(body);
  const before = await ownLiveComment(s, actor, id);
  const next = parseOrThrow(commentSchema, { ...before, body, mentions: mentionedIds(body, actor.state.members), updatedAt: s.now() });
  await s.db.table('comments').put(next);
  const task = actor.state.tasks.find((t) => t.id === next.taskId);
  await notifyMentions(s, actor, next, task?.title ?? '', before.mentions);
  return next;
}

export async function deleteComment(s: Services, id: string): Promise<void> {
  const actor = await requireActor(s);
  const before = await ownLiveComment(s, actor, id);
  const now = s.now();
  await s.db.table('comments').put({ ...before, deletedAt: now, updatedAt: now });
}

async function ownLiveComment(s: Services, actor: Actor, id: string): Promise<Comment> {
  const raw = await s.db.table('comments').get(id);
  const p = commentSchema.safeParse(raw);
  if (!raw || !p.success || p.data.deletedAt !== null) throw new UserError('评论不存在或已删除 / comment not found');
  if (p.data.authorId !== actor.me.id) throw new UserError('只能修改或删除自己的评论 / you can only edit or delete your own comments');
  return p.data;
}

function checkLength(body: string): void {
  if (body.trim().length > COMMENT_MAX_CHARS) {
    throw new UserError(`评论最多 ${COMMENT_MAX_CHARS} 字（现在 ${body.trim().length} 字）/ a comment is at most ${COMMENT_MAX_CHARS} characters`, 'body');
  }
}

/**
 * The inbox alert telling `memberId` they were mentioned (key `mention|<comment>|<member>`):
 * raised by the author's browser and, in team mode, by the mentioned member's browser when
 * the comment arrives (lib/sync/area/arrivals.ts) — the same key, so never twice.
 */
export function mentionAlertInput(comment: Comment, memberId: string, authorName: string, taskTitle: string, at: number): AlertInput {
  return {
    id: newId(),
    shopId: comment.shopId,
    key: `mention|${comment.id}|${memberId}`,
    kind: 'mention',
    title: `${authorName} 在「${taskTitle.slice(0, 60)}」中提到了你`.slice(0, 200),
    message: comment.body.slice(0, 500),
    memberIds: [memberId],
    evidence: { commentId: comment.id, authorId: comment.authorId },
    taskId: comment.taskId,
    at,
  };
}

async function notifyMentions(s: Services, actor: Actor, comment: Comment, taskTitle: string, already: readonly string[]): Promise<void> {
  for (const memberId of comment.mentions) {
    // Mentioning yourself notifies nobody; an edit only notifies people it newly mentions.
    if (memberId === actor.me.id || already.includes(memberId)) continue;
    const alert = await raiseAlert(s.db, mentionAlertInput(comment, memberId, actor.me.name, taskTitle, s.now()));
    if (alert && s.notify) await s.notify({ id: alert.id, title: alert.title, message: alert.message }).catch(() => {});
  }
}
