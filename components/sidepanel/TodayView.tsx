import { useState } from 'react';
import type { WorkspaceState } from '@/lib/workspace/types';
import { todayFor } from '@/lib/tasks/views';
import { TaskList } from './TaskList';

/** Each person's day: overdue, due today, in progress, blocked. Defaults to me; a manager can look at anyone. */
export function TodayView({ state, today, go }: { state: WorkspaceState; today: string; go: (to: string) => void }): React.JSX.Element {
  const [who, setWho] = useState(state.meId ?? state.members[0]?.id ?? '');
  if (state.members.length === 0) return <p className="empty page">还没有成员。去「团队」添加成员。</p>;
  const day = todayFor(state.tasks, who, today);
  const props = { members: state.members, today, go };
  return (
    <div className="page">
      <div className="row">
        <label className="inline">
          查看 View
          <select aria-label="成员 Member" value={who} onChange={(e) => setWho(e.target.value)}>
            {state.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
                {m.id === state.meId ? '（我）' : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="small" onClick={() => go('task')}>
          ＋ 新任务 New task
        </button>
      </div>
      <h3>逾期 Overdue</h3>
      <TaskList tasks={day.overdue} {...props} empty="没有逾期任务 🎉" />
      <h3>今天到期 Due today</h3>
      <TaskList tasks={day.dueToday} {...props} empty="今天没有到期的任务" />
      <h3>进行中 Doing</h3>
      <TaskList tasks={day.doing} {...props} empty="没有进行中的任务" />
      <h3>受阻 Blocked</h3>
      <TaskList tasks={day.blocked} {...props} empty="没有受阻的任务" />
      <h3>其他待办 Upcoming</h3>
      <TaskList tasks={day.upcoming} {...props} empty="没有其他待办任务" />
    </div>
  );
}
