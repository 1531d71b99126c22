import { useState } from 'react';
import { STATUS_LABELS } from '@/lib/domain/vocab';
import type { Member, Task } from '@/lib/domain';
import { labeller, type ItemNames } from '@/lib/items/label';
import { call } from '@/lib/messaging/client';
import { DUE_CLASS, dueLabel, dueState } from '@/lib/tasks/views';
import { memberName } from '../shared/format';
import { StageSops } from '../collab/StageSops';

/** One task in the in-page panel: text only (titles come from people and pages), a done checkbox, details on click. */
export function TaskRow({ task, members, today, itemNames }: { task: Task; members: readonly Member[]; today: string; itemNames?: ItemNames }): React.JSX.Element {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggleDone = (done: boolean): void => {
    call({ type: 'task.update', id: task.id, patch: { status: done ? 'done' : 'todo' } }).catch((e: Error) => setError(e.message));
  };
  return (
    <li className={`task ${DUE_CLASS[dueState(task, today)]}`} data-task-id={task.id}>
      <div className="task-line">
        <input type="checkbox" aria-label="完成 Done" checked={task.status === 'done'} onChange={(e) => toggleDone(e.target.checked)} />
        <button type="button" className="task-title" onClick={() => setOpen(!open)} aria-expanded={open}>
          {task.title}
        </button>
        <span className="task-due">{dueLabel(task, today)}</span>
      </div>
      {open && (
        <div className="task-detail">
          <div>
            {task.priority} · {STATUS_LABELS[task.status]} · {task.stage ?? '无阶段'} · {memberName(members, task.assigneeId)}
          </div>
          {task.description && <p className="task-desc">{task.description}</p>}
          {task.itemIds.length > 0 && <div className="task-items">商品 Items: {task.itemIds.map(labeller(itemNames)).join('、')}</div>}
          {task.sourceUrl && (
            <a href={task.sourceUrl} target="_blank" rel="noreferrer noopener">
              {task.sourceTitle || '来源页面 Source page'}
            </a>
          )}
          <StageSops stage={task.stage} />
        </div>
      )}
      {error && <div className="error">{error}</div>}
    </li>
  );
}
