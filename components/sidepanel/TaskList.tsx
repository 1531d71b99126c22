import type { Member, Task } from '@/lib/domain';
import { DUE_CLASS, dueLabel, dueState } from '@/lib/tasks/views';
import { memberName } from '../shared/format';

/** A compact list of tasks; clicking one opens the editor. Titles are rendered as text. */
export function TaskList({ tasks, members, today, go, empty }: { tasks: readonly Task[]; members: readonly Member[]; today: string; go: (to: string) => void; empty: string }): React.JSX.Element {
  if (tasks.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="task-list">
      {tasks.map((t) => (
        <li key={t.id} className={`card ${DUE_CLASS[dueState(t, today)]}`} data-task-id={t.id}>
          <a href={`#/task?id=${encodeURIComponent(t.id)}`} onClick={(e) => (e.preventDefault(), go(`task?id=${encodeURIComponent(t.id)}`))}>
            <span className={`prio prio-${t.priority}`}>{t.priority}</span> <span className="title">{t.title}</span>
          </a>
          <div className="meta">
            <span>{memberName(members, t.assigneeId)}</span>
            <span className="due">{dueLabel(t, today)}</span>
            {t.stage && <span>{t.stage}</span>}
            {t.status === 'blocked' && <span className="blocked">受阻</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}
