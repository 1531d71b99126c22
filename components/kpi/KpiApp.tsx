import { useEffect, useState } from 'react';
import { call } from '@/lib/messaging/client';
import { itemLabel } from '@/lib/items/label';
import { metricByCode } from '@/lib/metrics/dictionary';
import { PERIODS } from '@/lib/metrics/record';
import type { MetricDetail } from '@/lib/metrics/messages';
import { isAdditive, type Target } from '@/lib/metrics/targets';
import type { WorkspaceState } from '@/lib/workspace/types';
import { toHost } from '../panel/to-host';
import { parseHash } from '../sidepanel/use-hash-route';
import { useRemote } from '../shared/use-remote';
import { KpiChart } from './KpiChart';
import { formatMetric } from '@/lib/dashboard/format';
import { fromInput, toInput } from './format';

const STATUS: Record<string, string> = { ok: '达标 On track', watch: '接近警戒线 Near the line', breach: '越线 Breached' };

/** kpi.html, framed over a seller page by a KPI badge: `#/kpi?metric=…&itemId=…&value=…&date=…&period=…&url=…`. */
export function KpiApp(): React.JSX.Element {
  const { params } = parseHash(location.hash);
  const metric = params.get('metric') ?? '';
  const itemIdParam = params.get('itemId');
  const itemId = itemIdParam && /^\d{5,20}$/.test(itemIdParam) ? itemIdParam : null;
  const shown = Number(params.get('value'));
  const date = params.get('date') ?? '';
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
  const pageUrl = params.get('url') ?? '';
  const def = metricByCode(metric);
  const period = PERIODS.find((p) => p === params.get('period'));
  // The badge's own figure: the detail judges status and the 7-day change for it, so they match the badge.
  const figure = validDate && period && Number.isFinite(shown) ? { value: shown, date: validDate, period } : undefined;
  const detail = useRemote<MetricDetail>(def ? { type: 'metrics.detail', metric, itemId, to: validDate, ...(figure ? { figure } : {}) } : null, [metric, itemId, validDate, period, shown]);
  const label = def?.labels[0] ?? metric;
  const d = detail.data;
  // "title (ID)" once the item catalog knows the item; the ID alone until then.
  const itemName = itemId ? itemLabel(itemId, d?.itemTitle) : null;
  const scope = itemName ? `商品 ${itemName}` : '全店 Shop';
  const change = d?.avg7 && d.avg7 > 0 && Number.isFinite(shown) ? shown / d.avg7 - 1 : null;

  return (
    <div className="kpi">
      <header>
        <strong>{label}</strong>
        <span className="muted">{def?.en}</span>
        <span className="scope">{scope}</span>
        <button type="button" className="close" onClick={() => toHost({ zg: 'close' })}>
          关闭 Close
        </button>
      </header>
      {!def && <div className="error">未知指标 / unknown metric: {metric}</div>}
      {detail.error && <div className="error">{detail.error}</div>}
      {d && d.hidden && <div className="error">你的角色不能查看资金类指标 / your role cannot see money figures</div>}
      {d && !d.hidden && (
        <>
          <section className="facts">
            <div>
              <span className="muted">页面数值 On the page（{date}）</span>
              <b className="value">{formatMetric(metric, shown)}</b>
            </div>
            <div>
              <span className="muted">7日均值 7-day avg</span>
              <b>{formatMetric(metric, d.avg7)}</b>
              {change !== null && <span className={change >= 0 ? 'up' : 'down'}>{`${change >= 0 ? '↑' : '↓'}${Math.abs(Math.round(change * 100))}%`}</span>}
            </div>
            <div>
              <span className="muted">状态 Status</span>
              <b className={`status ${d.status?.status ?? 'none'}`}>{d.status ? STATUS[d.status.status] : '未设目标 No target'}</b>
              {d.status?.pace && (
                <span className="muted small">
                  本月累计 {formatMetric(metric, d.status.pace.actual)} / 进度应达 {formatMetric(metric, d.status.pace.expected)}
                </span>
              )}
            </div>
            <div>
              <span className="muted">未完成任务 Open tasks</span>
              <b className="open-tasks">{d.openTasks}</b>
            </div>
          </section>
          {d.series.length === 0 ? <p className="muted small">近30天还没有记录 / no figures in the last 30 days yet</p> : <KpiChart detail={d} />}
          <TargetForm metric={metric} itemId={itemId} target={d.target} onSaved={detail.reload} />
          <CreateTask metric={metric} itemId={itemId} itemName={itemName} label={label} scope={scope} shown={shown} date={date} avg7={d.avg7} change={change} pageUrl={pageUrl} />
        </>
      )}
    </div>
  );
}

function TargetForm({ metric, itemId, target, onSaved }: { metric: string; itemId: string | null; target: Target | null; onSaved: () => void }): React.JSX.Element {
  const def = metricByCode(metric);
  const additive = def ? isAdditive(def) : false;
  const [monthly, setMonthly] = useState(target?.monthly ? String(target.monthly) : '');
  const [direction, setDirection] = useState<'max' | 'min'>(target?.line?.direction ?? (def?.code.includes('Rfd') || def?.code === 'itemLossRate' ? 'max' : 'min'));
  const [line, setLine] = useState(target?.line ? toInput(def, target.line.value) : '');
  const [msg, setMsg] = useState<{ error?: string; ok?: string } | null>(null);
  useEffect(() => {
    setMonthly(target?.monthly ? String(target.monthly) : '');
    setLine(target?.line ? toInput(def, target.line.value) : '');
    if (target?.line) setDirection(target.line.direction);
  }, [target, def]);
  const unit = def?.unit === 'rate' ? '%' : def?.unit === 'CNY' ? '元' : def?.unit === 'seconds' ? '秒' : '';

  return (
    <form
      className="target-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setMsg(null);
        const m = monthly.trim() === '' ? null : Number(monthly);
        const l = line.trim() === '' ? null : fromInput(def, line);
        if ((m !== null && !(m > 0)) || (l !== null && !(l >= 0))) return setMsg({ error: '请输入有效数字 / enter a valid number' });
        try {
          await call({ type: 'metrics.target.set', target: { metric, itemId, monthly: m, line: l === null ? null : { direction, value: l } } });
          setMsg({ ok: '已保存 Saved' });
          onSaved();
        } catch (err) {
          setMsg({ error: err instanceof Error ? err.message : String(err) });
        }
      }}
    >
      <h3>目标与警戒线 Target and warning line</h3>
      <div className="row">
        {additive && (
          <label>
            月目标 Monthly target{unit && `（${unit}）`}
            <input name="monthly" inputMode="decimal" value={monthly} onChange={(e) => setMonthly(e.target.value)} placeholder="例如 300000" />
          </label>
        )}
        <label>
          警戒线 Warning line
          <span className="inline">
            <select name="direction" value={direction} onChange={(e) => setDirection(e.target.value as 'max' | 'min')}>
              <option value="max">不高于 ≤</option>
              <option value="min">不低于 ≥</option>
            </select>
            <input name="line" inputMode="decimal" value={line} onChange={(e) => setLine(e.target.value)} placeholder={def?.unit === 'rate' ? '例如 5' : ''} />
            {unit}
          </span>
        </label>
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          保存 Save
        </button>
        {msg?.ok && <span className="ok">{msg.ok}</span>}
        {msg?.error && <span className="error">{msg.error}</span>}
      </div>
    </form>
  );
}

function CreateTask(p: { metric: string; itemId: string | null; itemName: string | null; label: string; scope: string; shown: number; date: string; avg7: number | null; change: number | null; pageUrl: string }): React.JSX.Element {
  const ws = useRemote<WorkspaceState>({ type: 'workspace.get' }, []);
  const changeText = p.change === null ? '' : `，较7日均值${p.change >= 0 ? '↑' : '↓'}${Math.abs(Math.round(p.change * 100))}%`;
  const [title, setTitle] = useState(`跟进${p.label}（${p.itemName ? `商品 ${p.itemName}` : '全店'}）：${formatMetric(p.metric, p.shown)}${changeText}`.slice(0, 200));
  const [assigneeId, setAssigneeId] = useState<string>('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (ws.data?.meId && assigneeId === '') setAssigneeId(ws.data.meId);
  }, [ws.data, assigneeId]);
  const description = [`${p.label} ${p.scope}`, `页面数值 ${formatMetric(p.metric, p.shown)}（${p.date}）`, `7日均值 ${formatMetric(p.metric, p.avg7)}${changeText}`].join('\n');
  return (
    <form
      className="create-task"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          await call({
            type: 'task.create',
            draft: { title, description, projectId: null, metric: p.metric, itemIds: p.itemId ? [p.itemId] : [], assigneeId: assigneeId || null, sourceUrl: /^https:\/\//.test(p.pageUrl) ? p.pageUrl : null, sourceTitle: `${p.label} ${p.scope}` },
          });
          setDone(title);
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
        }
      }}
    >
      <h3>创建任务 Create task</h3>
      <div className="row">
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} aria-label="任务标题 Task title" />
        <select name="assignee" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} aria-label="负责人 Assignee">
          <option value="">未指派 Unassigned</option>
          {ws.data?.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <button type="submit" className="primary">
          创建任务 Create task
        </button>
      </div>
      {done && <p className="ok">已创建 Created: {done}</p>}
      {error && <p className="error">{error}</p>}
    </form>
  );
}
