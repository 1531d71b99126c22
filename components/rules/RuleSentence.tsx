import { ROLES, type Role } from '@/lib/domain/vocab';
import { itemLabel, shortTitle } from '@/lib/items/label';
import { METRICS } from '@/lib/rules/metrics';
import type { CreateTaskAction, MetricCondition, Recipient, Rule } from '@/lib/rules/model';
import type { Reason } from '@/lib/rules/validate';
import { useItemNames } from '../shared/use-item-names';
import { useRemote } from '../shared/use-remote';
import { COMPARATOR_ZH, isPercentMetric, recipientZh, roleZh, TRIGGER_ZH } from './describe';

/**
 * The low-code rule form, laid out as the sentence it means:
 * 当 [每个商品] 的 [支付金额] 连续 [3] 天 [低于] [目标的 80%] 时，通知 [运营] 并创建任务 [调整关键词/价格].
 * Controlled: the parent owns the rule and validates it; reasons whose path starts with a
 * field's path mark that field and are listed under the sentence.
 */
export interface RuleSentenceProps {
  rule: Rule;
  onChange: (rule: Rule) => void;
  reasons: readonly Reason[];
  names: Readonly<Record<string, string>>;
}

function invalid(reasons: readonly Reason[], path: string): string {
  return reasons.some((r) => r.path === path || r.path.startsWith(`${path}.`)) ? 'invalid' : '';
}

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

export function RuleSentence({ rule, onChange, reasons, names }: RuleSentenceProps): React.JSX.Element {
  const c = rule.condition;
  const a = rule.actions;
  const set = (patch: Partial<Rule>): void => onChange({ ...rule, ...patch });
  const setActions = (patch: Partial<Rule['actions']>): void => set({ actions: { ...a, ...patch } });
  const setTask = (patch: Partial<CreateTaskAction>): void => setActions({ createTask: a.createTask ? { ...a.createTask, ...patch } : null });

  return (
    <div className="rule-sentence" data-testid="rule-sentence">
      <p className="sentence">
        当
        {c.kind === 'metric' ? <MetricClause c={c} reasons={reasons} onChange={(condition) => set({ condition })} /> : <OtherClause rule={rule} onChange={(condition) => set({ condition })} />}
        时，
      </p>
      <p className="sentence">
        通知
        {a.notify.map((r, i) => (
          <span key={i} className={`chip ${invalid(reasons, `actions.notify.${i}`)}`}>
            {recipientZh(r, names)}
            <button type="button" className="link" aria-label="移除 Remove" onClick={() => setActions({ notify: a.notify.filter((_, j) => j !== i) })}>
              ×
            </button>
          </span>
        ))}
        <select
          aria-label="添加通知对象 Notify"
          name="notify-add"
          value=""
          onChange={(e) => {
            const v = e.target.value;
            if (!v) return;
            const r: Recipient = v === 'assignee' ? { taskAssignee: true } : { role: v as Role };
            setActions({ notify: [...a.notify, r] });
          }}
        >
          <option value="">＋ 角色 Role</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleZh(r)}
            </option>
          ))}
          {c.kind !== 'metric' && <option value="assignee">任务负责人</option>}
        </select>
        <label className="inline">
          <input type="checkbox" name="create-task" checked={a.createTask !== null} onChange={(e) => setActions({ createTask: e.target.checked ? { title: '调整关键词/价格：{item}{metric}偏低', stage: null, assignee: { role: 'operator' }, dueInDays: 2, priority: 'P1' } : null })} />
          并创建任务
        </label>
        {a.createTask && (
          <>
            <input className={`wide ${invalid(reasons, 'actions.createTask.title')}`} name="task-title" aria-label="任务标题 Task title" value={a.createTask.title} onChange={(e) => setTask({ title: e.target.value })} />
            交给
            <select
              name="task-assignee"
              aria-label="负责人 Assignee"
              className={invalid(reasons, 'actions.createTask.assignee')}
              value={a.createTask.assignee && 'role' in a.createTask.assignee ? a.createTask.assignee.role : a.createTask.assignee && 'taskAssignee' in a.createTask.assignee ? 'assignee' : ''}
              onChange={(e) => setTask({ assignee: e.target.value === '' ? null : e.target.value === 'assignee' ? { taskAssignee: true } : { role: e.target.value as Role } })}
            >
              <option value="">不指定</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleZh(r)}
                </option>
              ))}
            </select>
            <input type="number" className="num" min={0} max={90} name="task-due" aria-label="几天内完成 Due in days" value={a.createTask.dueInDays} onChange={(e) => setTask({ dueInDays: Math.trunc(num(e.target.value)) })} />
            天内完成
          </>
        )}
      </p>
      <p className="sentence small">
        检查时机
        <select name="trigger" aria-label="触发 Trigger" className={invalid(reasons, 'trigger')} value={rule.trigger} onChange={(e) => set({ trigger: e.target.value as Rule['trigger'] })}>
          {(c.kind === 'metric' ? ['daily', 'capture'] : c.kind === 'taskStatus' ? ['task.status'] : c.kind === 'taskOverdue' ? ['task.overdue', 'daily'] : ['daily']).map((t) => (
            <option key={t} value={t}>
              {TRIGGER_ZH[t]}
            </option>
          ))}
        </select>
        {c.kind === 'metric' && (
          <>
            <label className="inline">
              <input type="checkbox" name="suggestion" checked={a.suggestion} onChange={(e) => setActions({ suggestion: e.target.checked })} />
              附上数据建议
            </label>
            <label className="inline" title="退款类指标约14天后才确定 Refund figures settle over ~14 days">
              <input type="checkbox" name="maturity" checked={c.maturity === 'wait'} onChange={(e) => set({ condition: { ...c, maturity: e.target.checked ? 'wait' : 'provisional' } })} />
              等数据确定后再判断
            </label>
          </>
        )}
      </p>
      <p className="sentence small">
        名称
        <input className={`wide ${invalid(reasons, 'name')}`} name="rule-name" aria-label="规则名称 Rule name" value={rule.name} onChange={(e) => set({ name: e.target.value })} />
      </p>
      {reasons.length > 0 && (
        <ul className="reasons" aria-live="polite">
          {reasons.map((r, i) => (
            <li key={i} className="error">
              {r.zh} <span className="muted">{r.en}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Items the catalog knows, offered while typing an item ID: "title (ID)" with the ID as the value. */
function ItemChoices({ id }: { id: string }): React.JSX.Element {
  const list = useRemote<Array<{ itemId: string; title: string }>>({ type: 'items.list' }, []);
  return (
    <datalist id={id}>
      {(list.data ?? []).slice(0, 500).map((e) => (
        <option key={e.itemId} value={e.itemId}>
          {itemLabel(e.itemId, e.title)}
        </option>
      ))}
    </datalist>
  );
}

function MetricClause({ c, reasons, onChange }: { c: MetricCondition; reasons: readonly Reason[]; onChange: (c: MetricCondition) => void }): React.JSX.Element {
  const itemTitle = useItemNames([c.scope.kind === 'item' ? c.scope.itemId : null])[c.scope.kind === 'item' ? c.scope.itemId : ''] ?? null;
  const w = c.window;
  const t = c.threshold;
  const pct = isPercentMetric(c.metric);
  const thresholdShown = t === null ? '' : t.kind === 'targetFraction' ? String(Math.round(t.fraction * 1000) / 10) : pct ? String(Math.round(t.value * 10000) / 100) : String(t.value);
  const setThreshold = (kind: 'targetFraction' | 'value', shown: number): void => {
    const v = kind === 'targetFraction' || pct ? shown / 100 : shown;
    onChange({ ...c, threshold: kind === 'targetFraction' ? { kind, fraction: v } : { kind, value: v } });
  };
  return (
    <>
      <select
        name="scope"
        aria-label="范围 Scope"
        value={c.scope.kind}
        onChange={(e) => {
          const k = e.target.value;
          onChange({ ...c, scope: k === 'item' ? { kind: 'item', itemId: c.scope.kind === 'item' ? c.scope.itemId : '' } : k === 'shop' ? { kind: 'shop' } : { kind: 'everyItem' } });
        }}
      >
        <option value="item">某商品</option>
        <option value="shop">全店</option>
        <option value="everyItem">每个商品</option>
      </select>
      {c.scope.kind === 'item' && (
        <>
          <input
            name="item-id"
            className={`item ${invalid(reasons, 'condition.scope')}`}
            aria-label="商品ID Item ID"
            placeholder="商品ID"
            inputMode="numeric"
            list="zg-rule-items"
            value={c.scope.itemId}
            onChange={(e) => onChange({ ...c, scope: { kind: 'item', itemId: e.target.value.trim() } })}
          />
          <ItemChoices id="zg-rule-items" />
          {itemTitle && (
            <span className="muted small item-title" data-testid="rule-item-title">
              「{shortTitle(itemTitle)}」
            </span>
          )}
        </>
      )}
      的
      <select name="metric" aria-label="指标 Metric" className={invalid(reasons, 'condition.metric')} value={c.metric} onChange={(e) => onChange({ ...c, metric: e.target.value })}>
        {METRICS.map((m) => (
          <option key={m.code} value={m.code}>
            {m.zh}
          </option>
        ))}
      </select>
      <select
        name="window"
        aria-label="判断方式 Window"
        value={w.kind}
        onChange={(e) => {
          const k = e.target.value as MetricCondition['window']['kind'];
          const days = w.days;
          if (k === 'dropVsAvg') onChange({ ...c, window: { kind: k, days: Math.max(days, 7), fraction: 0.3 }, threshold: null });
          else onChange({ ...c, window: { kind: k, days }, threshold: c.threshold ?? { kind: 'targetFraction', fraction: 0.8 } });
        }}
      >
        <option value="consecutiveDays">连续</option>
        <option value="avg">近…天平均</option>
        <option value="dropVsAvg">较前…天均值</option>
      </select>
      <input type="number" className={`num ${invalid(reasons, 'condition.window.days')}`} min={1} max={90} name="days" aria-label="天数 Days" value={w.days} onChange={(e) => onChange({ ...c, window: { ...w, days: Math.trunc(num(e.target.value)) } })} />天
      {w.kind === 'dropVsAvg' ? (
        <>
          <select name="comparator" aria-label="方向 Direction" value={c.comparator === 'lt' || c.comparator === 'lte' ? 'lt' : 'gt'} onChange={(e) => onChange({ ...c, comparator: e.target.value as 'lt' | 'gt' })}>
            <option value="lt">下降</option>
            <option value="gt">上升</option>
          </select>
          <input type="number" className={`num ${invalid(reasons, 'condition.window.fraction')}`} name="fraction" aria-label="变化百分比 Change %" value={Math.round(w.fraction * 100)} onChange={(e) => onChange({ ...c, window: { ...w, fraction: num(e.target.value) / 100 } })} />%
        </>
      ) : (
        <>
          <select name="comparator" aria-label="比较 Comparison" value={c.comparator} onChange={(e) => onChange({ ...c, comparator: e.target.value as MetricCondition['comparator'] })}>
            {(Object.keys(COMPARATOR_ZH) as Array<keyof typeof COMPARATOR_ZH>).map((k) => (
              <option key={k} value={k}>
                {COMPARATOR_ZH[k]}
              </option>
            ))}
          </select>
          <select name="threshold-kind" aria-label="阈值类型 Threshold kind" className={invalid(reasons, 'condition.threshold')} value={t?.kind ?? 'targetFraction'} onChange={(e) => setThreshold(e.target.value as 'targetFraction' | 'value', num(thresholdShown) || (e.target.value === 'targetFraction' ? 80 : 0))}>
            <option value="targetFraction">目标的</option>
            <option value="value">数值</option>
          </select>
          <input type="number" className={`num ${invalid(reasons, 'condition.threshold')}`} name="threshold" aria-label="阈值 Threshold" value={thresholdShown} onChange={(e) => setThreshold(t?.kind ?? 'targetFraction', num(e.target.value))} />
          {t?.kind === 'targetFraction' || pct ? '%' : ''}
        </>
      )}
    </>
  );
}

function OtherClause({ rule, onChange }: { rule: Rule; onChange: (c: Rule['condition']) => void }): React.JSX.Element {
  const c = rule.condition;
  if (c.kind === 'taskOverdue')
    return (
      <>
        任务逾期超过
        <input type="number" className="num" min={0} max={90} name="min-days-late" aria-label="逾期天数 Days late" value={c.minDaysLate} onChange={(e) => onChange({ ...c, minDaysLate: Math.trunc(num(e.target.value)) })} />天
      </>
    );
  if (c.kind === 'milestone')
    return (
      <>
        {c.projectKind ?? ''}项目的里程碑在
        <input type="number" className="num" min={0} max={90} name="within-days" aria-label="天内 Within days" value={c.withinDays} onChange={(e) => onChange({ ...c, withinDays: Math.trunc(num(e.target.value)) })} />天内
      </>
    );
  if (c.kind === 'taskStatus') return <>任务状态变为 {c.status}</>;
  return <></>;
}
