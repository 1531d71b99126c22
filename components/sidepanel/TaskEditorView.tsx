import { call } from '@/lib/messaging/client';
import type { WorkspaceState } from '@/lib/workspace/types';
import { emptyTaskValues, TaskForm, valuesOf } from '../shared/TaskForm';
import { useItemNames } from '../shared/use-item-names';
import { ActivityList } from './ActivityView';
import { StageSops } from '../collab/StageSops';
import { TaskComments } from '../collab/TaskComments';

/** Create or edit one task (all fields, dependencies included), with its history below. */
export function TaskEditorView({ state, taskId, params, go }: { state: WorkspaceState; taskId: string | null; params: URLSearchParams; go: (to: string) => void }): React.JSX.Element {
  const task = taskId ? state.tasks.find((t) => t.id === taskId) : undefined;
  const itemNames = useItemNames(task?.itemIds ?? []);
  if (taskId && !task) return <p className="empty page">任务不存在或已删除 / task not found</p>;
  const back = (): void => history.back();
  return (
    <div className="page">
      <h3>{task ? '编辑任务 Edit task' : '新任务 New task'}</h3>
      <TaskForm
        key={task?.id ?? 'new'}
        initial={task ? valuesOf(task) : emptyTaskValues({ projectId: params.get('project') || null, assigneeId: state.meId })}
        members={state.members}
        projects={state.projects}
        tasks={state.tasks}
        selfId={task?.id}
        itemNames={itemNames}
        submitLabel={task ? '保存 Save' : '创建 Create'}
        onCancel={back}
        onSubmit={async (v) => {
          if (task) await call({ type: 'task.update', id: task.id, patch: v });
          else await call({ type: 'task.create', draft: { ...v } });
          go(v.projectId ? `board?project=${v.projectId}` : 'today');
        }}
      />
      {task && (
        <>
          {task.sourceUrl && (
            <p className="small">
              来源 Source:{' '}
              <a href={task.sourceUrl} target="_blank" rel="noreferrer noopener">
                {task.sourceTitle || task.sourceUrl}
              </a>
            </p>
          )}
          <button
            type="button"
            className="small danger"
            onClick={async () => {
              if (confirm(`删除任务「${task.title}」？ Delete this task?`)) {
                await call({ type: 'task.delete', id: task.id });
                go('board');
              }
            }}
          >
            删除 Delete
          </button>
          <StageSops stage={task.stage} />
          <TaskComments task={task} members={state.members} meId={state.meId} />
          <h3>变更记录 History</h3>
          <ActivityList entityId={task.id} members={state.members} />
        </>
      )}
    </div>
  );
}
