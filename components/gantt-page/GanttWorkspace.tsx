import { useMemo, useRef, useState } from 'react';
import { GanttChart, type GanttGroupBy, type GanttHandle, type GanttZoom, type PendingMove } from '@/components/gantt';
import { call } from '@/lib/messaging/client';
import { tasksInScope, summarizeSchedule, type GanttScope } from '@/lib/schedule/gantt-view';
import { describeMove, type MoveDescription } from '@/lib/schedule/move-text';
import { previewMove, type MovePreview } from '@/lib/schedule/preview-move';
import type { WorkspaceState } from '@/lib/workspace/types';
import { BottlenecksPanel } from '../sidepanel/BottlenecksPanel';
import { MoveDialog } from './MoveDialog';
import './gantt-page.css';

export interface GanttViewOptions {
  /** 'all' or a project id. */
  scope: string;
  groupBy: GanttGroupBy;
  zoom: GanttZoom;
}

/** Reads view options from URL params (`project`, `group`, `zoom`), so a view can be linked and opened in a tab. */
export function optionsFromParams(params: URLSearchParams, projectIds: readonly string[], defaultZoom: GanttZoom = 'day'): GanttViewOptions {
  const project = params.get('project');
  const group = params.get('group');
  const zoom = params.get('zoom');
  return {
    scope: project && projectIds.includes(project) ? project : 'all',
    groupBy: group === 'assignee' ? 'assignee' : 'stage',
    zoom: zoom === 'day' || zoom === 'week' || zoom === 'month' ? zoom : defaultZoom,
  };
}

export function paramsOf(o: GanttViewOptions): string {
  const p = new URLSearchParams();
  if (o.scope !== 'all') p.set('project', o.scope);
  p.set('group', o.groupBy);
  p.set('zoom', o.zoom);
  return p.toString();
}

interface Pending {
  preview: MovePreview;
  description: MoveDescription;
}

/**
 * The Gantt with its controls, the move confirmation and the bottleneck panel; used by the side
 * panel tab and by the full-page view (gantt.html). A drag (or Shift+←/→) only asks: the dates
 * are saved in one background message after the person confirms.
 */
export function GanttWorkspace(props: {
  state: WorkspaceState;
  today: string;
  initial: GanttViewOptions;
  /** 'wide' puts the bottleneck panel beside the chart, 'narrow' below it. */
  layout: 'wide' | 'narrow';
  height: number | string;
  onOptionsChange?: (o: GanttViewOptions) => void;
  onOpenTask?: (taskId: string) => void;
  toolbarExtra?: React.ReactNode;
}): React.JSX.Element {
  const { state, today, layout } = props;
  const [options, setOptions] = useState(props.initial);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const chart = useRef<GanttHandle>(null);
  const box = useRef<HTMLDivElement>(null);

  const update = (patch: Partial<GanttViewOptions>): void => {
    const next = { ...options, ...patch };
    setOptions(next);
    props.onOptionsChange?.(next);
  };

  const scope: GanttScope = options.scope === 'all' ? 'all' : { projectId: options.scope };
  const tasks = useMemo(() => tasksInScope(state.tasks, scope), [state.tasks, options.scope]); // eslint-disable-line react-hooks/exhaustive-deps
  const summary = useMemo(() => summarizeSchedule(tasks), [tasks]);
  const members = useMemo(() => state.members.map((m) => ({ id: m.id, name: m.name })), [state.members]);
  const milestones = useMemo(
    () => state.projects.filter((p) => options.scope === 'all' || p.id === options.scope).flatMap((p) => p.milestones),
    [state.projects, options.scope],
  );
  const titles = useMemo(() => new Map(state.tasks.map((t) => [t.id, t.title])), [state.tasks]);
  const titleOf = (id: string): string => titles.get(id) ?? id;
  const pendingMove: PendingMove | null = pending ? { taskId: pending.preview.taskId, startDate: pending.preview.startDate, dueDate: pending.preview.dueDate } : null;

  // Back to the chart after the dialog, so the keyboard path (↑↓, Shift+←/→) continues.
  const focusChart = (): void => (box.current?.querySelector('.zg-gantt [role="listbox"]') as HTMLElement | null)?.focus({ preventScroll: true });

  const onMoveRequest = (taskId: string, start: string, due: string): void => {
    setNotice(null);
    setMoveError(null);
    try {
      // The whole shop's tasks, as the background will see them: a dependent may sit in another project.
      const preview = previewMove(state.tasks, taskId, start, due);
      const from = state.tasks.find((t) => t.id === taskId);
      setPending({ preview, description: describeMove(preview, titleOf, from) });
    } catch (e) {
      setNotice(e instanceof Error ? e.message : String(e));
    }
  };

  const cancel = (): void => {
    setPending(null);
    setMoveError(null);
    setNotice('已取消，未做任何修改 / cancelled, nothing changed');
    focusChart();
  };

  const confirm = async (): Promise<void> => {
    if (!pending) return;
    const { preview, description } = pending;
    setBusy(true);
    try {
      await call({
        type: 'schedule.applyMove',
        taskId: preview.taskId,
        startDate: preview.startDate,
        dueDate: preview.dueDate,
        expectedShifts: preview.shifted.map((s) => ({ id: s.id, startDate: s.startDate, dueDate: s.dueDate })),
        acceptConflicts: description.needsOverride,
      });
      setPending(null);
      setMoveError(null);
      const n = preview.shifted.length;
      setNotice(`已保存：「${titleOf(preview.taskId)}」${n ? `及 ${n} 个后续任务` : ''} / saved${n ? ` with ${n} later task${n === 1 ? '' : 's'}` : ''}`);
      focusChart();
    } catch (e) {
      setMoveError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const reveal = (taskId: string): void => chart.current?.revealTask(taskId);

  return (
    <div className={`zg-gantt-workspace ${layout}`} ref={box}>
      <div className="filters zg-gantt-controls">
        <select aria-label="项目 Project" name="project" value={options.scope} onChange={(e) => update({ scope: e.target.value })}>
          <option value="all">全部项目 All projects</option>
          {state.projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <select aria-label="分组 Group by" name="group" value={options.groupBy} onChange={(e) => update({ groupBy: e.target.value as GanttGroupBy })}>
          <option value="stage">按阶段 By stage</option>
          <option value="assignee">按负责人 By assignee</option>
        </select>
        <span role="radiogroup" aria-label="缩放 Zoom" className="zoom">
          {(
            [
              ['day', '日 Day'],
              ['week', '周 Week'],
              ['month', '月 Month'],
            ] as const
          ).map(([z, label]) => (
            <button key={z} type="button" role="radio" aria-checked={options.zoom === z} className={`small ${options.zoom === z ? 'active' : ''}`} onClick={() => update({ zoom: z })}>
              {label}
            </button>
          ))}
        </span>
        {props.toolbarExtra}
      </div>
      {summary.cycle && (
        <div className="error zg-cycle" role="alert">
          {summary.cycle.message}（关键路径暂不显示 / critical path not shown）
        </div>
      )}
      {notice && (
        <div className="zg-notice" role="status">
          {notice}
        </div>
      )}
      <div className="zg-gantt-body">
        <div className="zg-gantt-chart">
          {tasks.length === 0 ? (
            <p className="empty">这里还没有任务 / no tasks here yet</p>
          ) : (
            <GanttChart
              ref={chart}
              tasks={tasks}
              members={members}
              milestones={milestones}
              groupBy={options.groupBy}
              zoom={options.zoom}
              today={today}
              criticalPath={summary.critical}
              slack={summary.slack}
              onMoveRequest={onMoveRequest}
              pendingMove={pendingMove}
              onOpenTask={props.onOpenTask}
              selectedTaskId={selected}
              onSelectTask={setSelected}
              height={props.height}
              readOnly={busy}
            />
          )}
          {pending && <MoveDialog description={pending.description} busy={busy} error={moveError} onConfirm={() => void confirm()} onCancel={cancel} />}
        </div>
        <BottlenecksPanel tasks={tasks} members={members} today={today} critical={summary.critical} onReveal={reveal} />
      </div>
    </div>
  );
}
