import { useEffect, useState } from 'react';
import type { Member, Project } from '@/lib/domain';
import { onQuickAdd, type QuickAddRequest } from '@/lib/features/quick-add-bus';
import { call } from '@/lib/messaging/client';
import type { WorkspaceState } from '@/lib/workspace/types';
import { emptyTaskValues, TaskForm } from '../shared/TaskForm';

/**
 * Quick-add: a task from the page you are on. It records the page URL, its
 * title and the item ID (from the URL, or the row the badge belongs to).
 */
export function QuickAddDialog({ signal, page }: { signal: AbortSignal; page: () => { url: string; title: string; itemId: string | null } }): React.JSX.Element | null {
  const [req, setReq] = useState<QuickAddRequest | null>(null);
  const [ws, setWs] = useState<{ members: Member[]; projects: Project[]; meId: string | null } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => onQuickAdd((r) => setReq(r), signal), [signal]);
  useEffect(() => {
    if (!req) return;
    call<WorkspaceState>({ type: 'workspace.get' })
      .then((s) => setWs({ members: s.members, projects: s.projects.filter((p) => p.status !== 'closed'), meId: s.meId }))
      .catch(() => setWs({ members: [], projects: [], meId: null }));
  }, [req]);
  useEffect(() => {
    if (!req) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setReq(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [req]);

  if (!req) return saved ? <div className="zg-toast" role="status">{saved}</div> : null;
  const p = page();
  const itemId = req.itemId ?? p.itemId;
  return (
    <div className="zg-modal" role="dialog" aria-modal="true" aria-label="快速添加任务 Quick-add a task">
      <div className="zg-modal-body">
        <h3>快速添加任务 Quick-add</h3>
        <p className="muted small">来源 Source: {p.title || p.url}</p>
        {ws && (
          <TaskForm
            autoFocus
            initial={emptyTaskValues({ itemIds: itemId ? [itemId] : [], assigneeId: ws.meId })}
            members={ws.members}
            projects={ws.projects}
            submitLabel="添加 Add"
            onCancel={() => setReq(null)}
            onSubmit={async (v) => {
              await call({ type: 'task.create', draft: { ...v, sourceUrl: p.url, sourceTitle: p.title.slice(0, 300) || null } });
              setReq(null);
              setSaved(`已添加「${v.title}」 Added`);
              setTimeout(() => setSaved(null), 2500);
            }}
          />
        )}
      </div>
    </div>
  );
}
