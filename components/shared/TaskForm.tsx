import { useState } from 'react';
import { PRIORITIES, ROLE_LABELS, STAGES, STATUS_LABELS, TASK_STATUSES } from '@/lib/domain/vocab';
import type { Member, Priority, Project, Stage, Task, TaskStatus } from '@/lib/domain';
import { labeller, type ItemNames } from '@/lib/items/label';
import { newDependencyError } from '@/lib/schedule/graph';

export interface TaskFormValues {
  title: string;
  description: string;
  projectId: string | null;
  stage: Stage | null;
  assigneeId: string | null;
  startDate: string | null;
  dueDate: string | null;
  priority: Priority;
  status: TaskStatus;
  itemIds: string[];
  dependsOn: string[];
}

export function emptyTaskValues(over: Partial<TaskFormValues> = {}): TaskFormValues {
  return { title: '', description: '', projectId: null, stage: null, assigneeId: null, startDate: null, dueDate: null, priority: 'P2', status: 'todo', itemIds: [], dependsOn: [], ...over };
}

export function valuesOf(t: Task): TaskFormValues {
  const { title, description, projectId, stage, assigneeId, startDate, dueDate, priority, status, itemIds, dependsOn } = t;
  return { title, description, projectId, stage, assigneeId, startDate, dueDate, priority, status, itemIds, dependsOn };
}

/**
 * The task editor used by quick-add and the side panel. It checks what a
 * person can fix right here (empty title, due before start); the background
 * validates everything again with the schema and its message is shown too.
 */
export function TaskForm(props: {
  initial: TaskFormValues;
  members: readonly Member[];
  projects: readonly Project[];
  /** Candidate predecessors; omit to hide the dependencies field (quick-add). */
  tasks?: readonly Task[];
  selfId?: string;
  submitLabel: string;
  onSubmit: (v: TaskFormValues) => Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** itemId → title (the item catalog): linked items are shown as "title (ID)" under their field. */
  itemNames?: ItemNames;
}): React.JSX.Element {
  const [v, setV] = useState(props.initial);
  const itemTitles = props.itemNames ?? {};
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof TaskFormValues>(k: K, value: TaskFormValues[K]): void => setV((old) => ({ ...old, [k]: value }));

  // Say it before submit: a predecessor that already (indirectly) waits for this task would close a cycle.
  const cycleError = props.tasks && props.selfId ? (v.dependsOn.map((d) => newDependencyError(props.tasks!, d, props.selfId!)).find((m) => m !== null) ?? null) : null;

  const localError = (): string | null => {
    if (cycleError) return cycleError;
    if (!v.title.trim()) return '请填写任务标题 / title is required';
    if (v.startDate && v.dueDate && v.dueDate < v.startDate) return '截止日期不能早于开始日期 / due date is before start date';
    if (v.itemIds.some((id) => !/^\d{5,20}$/.test(id))) return '商品ID应为数字 / item IDs are digits';
    return null;
  };

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    const problem = localError();
    if (problem) return setError(problem);
    setBusy(true);
    try {
      await props.onSubmit({ ...v, title: v.title.trim() });
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="task-form" onSubmit={submit} noValidate>
      <label>
        标题 Title
        <input name="title" value={v.title} maxLength={200} autoFocus={props.autoFocus} onChange={(e) => set('title', e.target.value)} />
      </label>
      <div className="row">
        <label>
          负责人 Assignee
          <select name="assigneeId" value={v.assigneeId ?? ''} onChange={(e) => set('assigneeId', e.target.value || null)}>
            <option value="">未分配 Unassigned</option>
            {props.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}（{ROLE_LABELS[m.role].split(' ')[0]}）
              </option>
            ))}
          </select>
        </label>
        <label>
          优先级 Priority
          <select name="priority" value={v.priority} onChange={(e) => set('priority', e.target.value as Priority)}>
            {PRIORITIES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <label>
          开始 Start
          <input type="date" name="startDate" value={v.startDate ?? ''} onChange={(e) => set('startDate', e.target.value || null)} />
        </label>
        <label>
          截止 Due
          <input type="date" name="dueDate" value={v.dueDate ?? ''} onChange={(e) => set('dueDate', e.target.value || null)} />
        </label>
      </div>
      <div className="row">
        <label>
          项目 Project
          <select name="projectId" value={v.projectId ?? ''} onChange={(e) => set('projectId', e.target.value || null)}>
            <option value="">无项目 None</option>
            {props.projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          阶段 Stage
          <select name="stage" value={v.stage ?? ''} onChange={(e) => set('stage', (e.target.value || null) as Stage | null)}>
            <option value="">无 None</option>
            {STAGES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          状态 Status
          <select name="status" value={v.status} onChange={(e) => set('status', e.target.value as TaskStatus)}>
            {TASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        商品ID Item IDs
        <input
          name="itemIds"
          value={v.itemIds.join(', ')}
          placeholder="700000000001, 700000000002"
          onChange={(e) => set('itemIds', e.target.value.split(/[\s,，]+/).filter(Boolean))}
        />
        {v.itemIds.some((id) => itemTitles[id]) && <span className="muted small item-names">{v.itemIds.map(labeller(itemTitles)).join('、')}</span>}
      </label>
      {props.tasks && (
        <label>
          前置任务 Depends on
          <select
            name="dependsOn"
            multiple
            value={v.dependsOn}
            onChange={(e) => set('dependsOn', [...e.target.selectedOptions].map((o) => o.value))}
          >
            {props.tasks
              .filter((t) => t.id !== props.selfId && (v.projectId === null || t.projectId === v.projectId))
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
          </select>
          {cycleError && (
            <span className="error" role="alert" data-field="dependsOn">
              {cycleError}
            </span>
          )}
        </label>
      )}
      <label>
        描述 Description
        <textarea name="description" value={v.description} maxLength={5000} rows={3} onChange={(e) => set('description', e.target.value)} />
      </label>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            取消 Cancel
          </button>
        )}
      </div>
    </form>
  );
}
