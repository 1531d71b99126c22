import { useMemo } from 'react';
import { dayParts, toDay, weekdayOf } from '@/lib/schedule/dates';
import { heatRows } from '@/lib/schedule/heat';
import { DEFAULT_MAX_TASKS_PER_DAY, DEFAULT_WORKING_DAYS, analyzeWorkload } from '@/lib/schedule/workload';
import type { ScheduleTask } from '@/lib/schedule/types';

const HEAT_DAYS = 14;
const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'] as const;
const SHADES = ['#ffe4ba', '#ffcf8b', '#ff9a2e'] as const;

/** Cell colour: white for free, deeper orange as the day fills up, red past the limit. */
function heatColor(count: number, max: number): string {
  if (count === 0) return '#ffffff';
  if (count > max) return '#f53f3f';
  return SHADES[Math.min(SHADES.length - 1, Math.ceil((count / max) * SHADES.length) - 1)] ?? '#ff9a2e';
}

/**
 * The bottleneck panel beside the Gantt: tasks per person per day (a heat row per member, red
 * where someone has more than they can carry), tasks held up by late predecessors, and the
 * "what to do" list. Computed from the tasks the chart shows (one project or all).
 */
export function BottlenecksPanel(props: {
  tasks: readonly ScheduleTask[];
  members: readonly { id: string; name: string }[];
  today: string;
  critical: ReadonlySet<string>;
  onReveal?: (taskId: string) => void;
}): React.JSX.Element {
  const { tasks, members, today, critical, onReveal } = props;
  const analysis = useMemo(() => analyzeWorkload(tasks, { today, members, critical, adviceLimit: 8 }), [tasks, today, members, critical]);
  const rows = useMemo(
    () => heatRows(analysis.workload, members, { from: today, days: HEAT_DAYS, maxTasksPerDay: DEFAULT_MAX_TASKS_PER_DAY, workingDays: DEFAULT_WORKING_DAYS }),
    [analysis, members, today],
  );
  const titles = useMemo(() => new Map(tasks.map((t) => [t.id, t.title])), [tasks]);
  const names = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members]);
  const todayDay = toDay(today);
  const task = (id: string): React.JSX.Element => (
    <button type="button" className="link" onClick={() => onReveal?.(id)}>
      {titles.get(id) ?? id}
    </button>
  );

  return (
    <aside className="zg-bottlenecks" aria-label="瓶颈 Bottlenecks">
      <h3>建议 What to do</h3>
      {analysis.advice.length === 0 ? (
        <p className="empty">未来两周没有发现瓶颈 / no bottlenecks in the next two weeks</p>
      ) : (
        <ol className="advice">
          {analysis.advice.map((a) => (
            <li key={`${a.kind}-${a.assigneeId ?? ''}-${a.date ?? ''}-${a.taskIds[0] ?? ''}`} data-kind={a.kind}>
              {a.taskIds[0] ? (
                <button type="button" className="link" onClick={() => onReveal?.(a.taskIds[0] as string)}>
                  {a.zh}
                </button>
              ) : (
                a.zh
              )}
              <div className="muted small">{a.en}</div>
            </li>
          ))}
        </ol>
      )}

      <h3>
        每日任务量 Tasks per day <span className="muted">（上限 {DEFAULT_MAX_TASKS_PER_DAY} limit）</span>
      </h3>
      {rows.length === 0 ? (
        <p className="empty">未来两周没有排期的任务 / nothing scheduled in the next two weeks</p>
      ) : (
        <table className="heat">
          <thead>
            <tr>
              <th scope="col">成员</th>
              {rows[0]?.cells.map((c) => {
                const day = toDay(c.date);
                return (
                  <th key={c.date} scope="col" className={c.workingDay ? '' : 'off'} title={c.date}>
                    {day === todayDay ? '今' : WEEKDAY[weekdayOf(day)]}
                    <br />
                    {dayParts(day).date}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.memberId} data-member={r.name} className={r.overDays ? 'over' : ''}>
                <th scope="row" title={r.overDays ? `${r.name}：${r.overDays} 天超负荷 / over the limit on ${r.overDays} day(s)` : r.name}>
                  {r.name}
                  {r.overDays > 0 && <span className="over-tag"> ⚠</span>}
                </th>
                {r.cells.map((c) => (
                  <td
                    key={c.date}
                    className={c.over ? 'over' : ''}
                    style={{ background: heatColor(c.count, DEFAULT_MAX_TASKS_PER_DAY) }}
                    title={`${r.name} ${c.date}：${c.count} 个任务 tasks${c.taskIds.length ? `\n${c.taskIds.map((id) => titles.get(id) ?? id).join('\n')}` : ''}`}
                  >
                    {c.count || ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>被逾期任务卡住 Blocked by late work ({analysis.blocked.length})</h3>
      {analysis.blocked.length === 0 ? (
        <p className="empty">没有 / none</p>
      ) : (
        <ul className="blocked-list">
          {analysis.blocked.map((b) => (
            <li key={b.taskId}>
              {task(b.taskId)}
              {critical.has(b.taskId) && <span className="tag critical">关键 critical</span>}
              <span className="muted small">
                {' '}
                ← 等待 waiting on{' '}
                {b.latePredecessors.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 && '、'}
                    {task(p.id)}（逾期 {p.daysLate} 天 late，{names.get(tasks.find((t) => t.id === p.id)?.assigneeId ?? '') ?? '未分配'}）
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
