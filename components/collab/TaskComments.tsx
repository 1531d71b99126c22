import { useState } from 'react';
import type { Member, Task } from '@/lib/domain';
import type { Comment } from '@/lib/collab/model';
import { COMMENT_MAX_CHARS } from '@/lib/collab/limits';
import { call } from '@/lib/messaging/client';
import { memberName } from '../shared/format';
import { useRemote } from '../shared/use-remote';
import { AttachmentList } from './AttachmentList';
import { LinkifiedText } from './LinkifiedText';
import './collab.css';

function CommentBox({ initial, submitLabel, members, onSubmit, onCancel }: { initial: string; submitLabel: string; members: readonly Member[]; onSubmit: (body: string) => Promise<void>; onCancel?: () => void }): React.JSX.Element {
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const over = body.trim().length > COMMENT_MAX_CHARS;
  return (
    <form
      className="comment-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (over) return setError(`评论最多 ${COMMENT_MAX_CHARS} 字 / at most ${COMMENT_MAX_CHARS} characters`);
        setBusy(true);
        setError(null);
        try {
          await onSubmit(body);
          setBody('');
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <textarea name="comment" value={body} onChange={(e) => setBody(e.target.value)} placeholder="写评论，@成员名 提及同事 · Comment, @name to mention" />
      <div className="row small mention-hint">
        <span className={`counter muted${over ? ' over' : ''}`}>
          {body.trim().length}/{COMMENT_MAX_CHARS}
        </span>
        {members.slice(0, 8).map((m) => (
          <button key={m.id} type="button" className="small" onClick={() => setBody((b) => `${b}${b && !b.endsWith(' ') ? ' ' : ''}@${m.name} `)}>
            @{m.name}
          </button>
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="primary small" disabled={busy || !body.trim()}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="small" onClick={onCancel}>
            取消
          </button>
        )}
      </div>
      {error && <div className="error">{error}</div>}
    </form>
  );
}

/** A task's discussion: comments (text and http(s) links only, @mentions notify) and its files. */
export function TaskComments({ task, members, meId }: { task: Task; members: readonly Member[]; meId: string | null }): React.JSX.Element {
  const list = useRemote<Comment[]>({ type: 'comments.list', taskId: task.id }, [task.id]);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="task-comments">
      <h3>评论 Comments</h3>
      {list.error && <div className="error">{list.error}</div>}
      {list.data && list.data.length === 0 && <p className="empty">还没有评论。</p>}
      <ul className="comments">
        {list.data?.map((c) => (
          <li key={c.id} data-comment={c.id}>
            <span className="who">{memberName(members, c.authorId)}</span>
            <span className="muted">
              {new Date(c.at).toLocaleString('zh-CN')}
              {c.updatedAt !== c.at ? ' · 已编辑 edited' : ''}
            </span>
            {editing === c.id ? (
              <CommentBox initial={c.body} submitLabel="保存 Save" members={members} onCancel={() => setEditing(null)} onSubmit={async (body) => {
                await call({ type: 'comment.edit', id: c.id, body });
                setEditing(null);
              }} />
            ) : (
              <div className="body">
                <LinkifiedText text={c.body} />
              </div>
            )}
            {c.authorId === meId && editing !== c.id && (
              <div className="actions">
                <button type="button" className="small" onClick={() => setEditing(c.id)}>
                  编辑
                </button>
                <button type="button" className="small danger" onClick={() => confirm('删除这条评论？ Delete this comment?') && void call({ type: 'comment.delete', id: c.id })}>
                  删除
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <CommentBox initial="" submitLabel="发表评论 Comment" members={members} onSubmit={async (body) => void (await call({ type: 'comment.add', taskId: task.id, body }))} />
      <AttachmentList taskId={task.id} members={members} meId={meId} />
    </section>
  );
}
