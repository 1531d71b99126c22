import { useState } from 'react';
import { PRIORITIES, TASK_STATUSES, STATUS_LABELS, type Priority, type TaskStatus } from '@/lib/domain';
import { call } from '@/lib/messaging/client';
import type { WorkspaceState } from '@/lib/workspace/types';
import { boardByStage, filterTasks, type TaskFilter } from '@/lib/tasks/views';
import { TaskList } from './TaskList';

/** The board by stage with filters (assignee, status, due, priority) and quick re-assignment. */
export function BoardView({ state, today, params, go }: { state: WorkspaceState; today: string; params: URLSearchParams; go: (to: string) => void }): React.JSX.Element {
  const [filter, setFilter] = useState<TaskFilter>({ projectId: params.get('project'), status: 'open' });
  const set = (patch: TaskFilter): void => setFilter({ ...filter, ...patch });
  const tasks = filterTasks(state.tasks, filter, today);
  const columns = boardByStage(tasks);
  return (
    <div className="page">
      <div className="filters">
        <select aria-label="项目 Project" value={filter.projectId ?? ''} onChange={(e) => set({ projectId: e.target.value || null })}>
          <option value="">全部项目 All projects</option>
          {state.projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <select aria-label="负责人 Assignee" value={filter.assigneeId ?? ''} onChange={(e) => set({ assigneeId: e.target.value || null })}>
          <option value="">全部成员 Everyone</option>
          <option value="unassigned">未分配 Unassigned</option>
          {state.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <select aria-label="状态 Status" value={filter.status ?? ''} onChange={(e) => set({ status: (e.target.value || null) as TaskStatus | 'open' | null })}>
          <option value="open">未完成 Open</option>
          <option value="">全部状态 Any status</option>
          {TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <select aria-label="截止 Due" value={filter.due ?? ''} onChange={(e) => set({ due: (e.target.value || null) as TaskFilter['due'] })}>
          <option value="">任何截止日 Any due</option>
          <option value="overdue">已逾期 Overdue</option>
          <option value="today">今天 Today</option>
          <option value="week">7天内 This week</option>
          <option value="none">无截止日 No date</option>
        </select>
        <select aria-label="优先级 Priority" value={filter.priority ?? ''} onChange={(e) => set({ priority: (e.target.value || null) as Priority | null })}>
          <option value="">任何优先级</option>
          {PRIORITIES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
        <button type="button" className="small primary" onClick={() => go(`task?project=${filter.projectId ?? ''}`)}>
          ＋ 新任务
        </button>
      </div>
      {state.tasks.length === 0 && <p className="empty">还没有任务。去「项目」用模板创建一个项目，或点「＋ 新任务」。</p>}
      <div className="board">
        {columns
          .filter((c) => c.stage !== null || c.tasks.length > 0)
          .map((c) => (
            <section key={c.stage ?? 'none'} className="column" data-stage={c.stage ?? ''}>
              <h3>
                {c.stage ?? '其他 Other'} <span className="muted">{c.tasks.length}</span>
              </h3>
              <TaskList tasks={c.tasks} members={state.members} today={today} go={go} empty="—" />
              {c.tasks.length > 0 && (
                <details className="assign">
                  <summary className="muted small">批量分配 Assign all</summary>
                  <select
                    aria-label={`分配 ${c.stage ?? ''} 阶段 Assign stage`}
                    defaultValue=""
                    onChange={async (e) => {
                      const assigneeId = e.target.value || null;
                      for (const t of c.tasks) await call({ type: 'task.update', id: t.id, patch: { assigneeId } });
                    }}
                  >
                    <option value="" disabled>
                      选择成员…
                    </option>
                    {state.members.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                </details>
              )}
            </section>
          ))}
      </div>
    </div>
  );
}
