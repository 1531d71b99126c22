import type { WorkspaceState } from '@/lib/workspace/types';
import { blockedTasks, overdueTasks } from '@/lib/tasks/views';
import { TaskList } from './TaskList';

/** The manager's exceptions: everything overdue, and everything held up. */
export function ListsView({ state, today, go }: { state: WorkspaceState; today: string; go: (to: string) => void }): React.JSX.Element {
  const blocked = blockedTasks(state.tasks, today);
  return (
    <div className="page">
      <h3>逾期任务 Overdue ({overdueTasks(state.tasks, today).length})</h3>
      <TaskList tasks={overdueTasks(state.tasks, today)} members={state.members} today={today} go={go} empty="没有逾期任务" />
      <h3>受阻任务 Blocked ({blocked.length})</h3>
      {blocked.length === 0 ? (
        <p className="empty">没有受阻任务</p>
      ) : (
        <ul className="task-list">
          {blocked.map(({ task, waitingOn }) => (
            <li key={task.id} className="card">
              <a href={`#/task?id=${encodeURIComponent(task.id)}`}>{task.title}</a>
              <div className="meta">{waitingOn.length > 0 ? `等待：${waitingOn.map((w) => w.title).join('、')}` : '标记为受阻 Marked blocked'}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
