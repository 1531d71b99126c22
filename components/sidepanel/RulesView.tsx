import { useEffect, useMemo, useState } from 'react';
import { newId } from '@/lib/domain/common';
import { call } from '@/lib/messaging/client';
import type { EvaluateReply, PreviewReply, RulesList } from '@/lib/rules/messages';
import type { Rule } from '@/lib/rules/model';
import { ruleOf, type RuleRow } from '@/lib/rules/store';
import { RULE_TEMPLATES } from '@/lib/rules/templates';
import type { WorkspaceState } from '@/lib/workspace/types';
import { describeRule } from '../rules/describe';
import { FiringLog } from '../rules/FiringLog';
import { RulePreviewList } from '../rules/RulePreviewList';
import { RuleSentence } from '../rules/RuleSentence';
import '../rules/rules.css';
import { useItemNames } from '../shared/use-item-names';
import { useRemote } from '../shared/use-remote';

/**
 * The editor's starting point: the example sentence (某商品的支付金额连续3天低于目标的80%).
 * Built as plain data, not parsed: the item may still be empty, and validation says so inline.
 */
export function exampleRule(itemId = '', id: string = newId()): Rule {
  return {
    version: 1,
    id,
    name: '商品支付金额连续3天低于目标80%',
    enabled: true,
    trigger: 'daily',
    stormLimit: 20,
    condition: { kind: 'metric', metric: 'payAmt', scope: { kind: 'item', itemId }, comparator: 'lt', threshold: { kind: 'targetFraction', fraction: 0.8 }, window: { kind: 'consecutiveDays', days: 3 }, maturity: 'provisional' },
    actions: { notify: [{ role: 'operator' }], createTask: { title: '调整关键词/价格：{item}{metric}偏低', stage: '投流测试', assignee: { role: 'operator' }, dueInDays: 2, priority: 'P1' }, suggestion: true },
  };
}

/** Rules: the sentence editor with templates and a history preview, the saved rules, and what they did. */
export function RulesView({ state, go }: { state: WorkspaceState; go: (to: string) => void }): React.JSX.Element {
  const list = useRemote<RulesList>({ type: 'rules.list' }, []);
  // Start on an item the team already works on, so the example is one edit away from useful.
  const firstItem = state.tasks.find((t) => t.itemIds.length > 0)?.itemIds[0] ?? '';
  const blank = (): Rule => exampleRule(firstItem);
  const [rule, setRule] = useState<Rule>(blank);
  const [preview, setPreview] = useState<PreviewReply | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const names = useMemo(() => Object.fromEntries(state.members.map((m) => [m.id, m.name])), [state.members]);
  const ruleItems = useItemNames(useMemo(() => (list.data?.rules ?? []).map((r) => {
        const c = ruleOf(r).condition;
        return c.kind === 'metric' && c.scope.kind === 'item' ? c.scope.itemId : null;
      }), [list.data]));

  // Validate and replay as the sentence changes (debounced: one background round-trip per pause).
  useEffect(() => {
    let live = true;
    setPreviewing(true);
    const timer = setTimeout(() => {
      call<PreviewReply>({ type: 'rules.preview', rule, days: 30 })
        .then((r) => live && setPreview(r))
        .catch((e: unknown) => live && setStatus({ ok: false, text: e instanceof Error ? e.message : String(e) }))
        .finally(() => live && setPreviewing(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [rule]);

  const reasons = preview && !preview.validation.ok ? preview.validation.reasons : [];
  const warnings = preview?.validation.warnings ?? [];
  const metric = rule.condition.kind === 'metric' ? rule.condition.metric : null;
  const editing = list.data?.rules.some((r) => r.id === rule.id) ?? false;

  const act = async (fn: () => Promise<string>): Promise<void> => {
    setStatus(null);
    try {
      setStatus({ ok: true, text: await fn() });
    } catch (e) {
      setStatus({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };

  const save = (): Promise<void> =>
    act(async () => {
      const r = await call<EvaluateReply & { rule: RuleRow }>({ type: 'rules.save', rule });
      setRule(blank());
      return `已保存「${r.rule.name}」；按现有数据评估：新触发 ${r.fired} 次 · Saved; fired ${r.fired} time(s) on the stored figures`;
    });

  return (
    <div className="page rules-view">
      <h3>从模板开始 Start from a template</h3>
      <div className="templates rule-templates">
        <button type="button" className="template small" onClick={() => setRule(blank())}>
          某商品连续3天低于目标80%
        </button>
        {RULE_TEMPLATES.map((t) => (
          <button key={t.key} type="button" className="template small" title={t.nameEn} onClick={() => setRule(t.build(newId()))}>
            {t.nameZh}
          </button>
        ))}
      </div>
      <h3>{editing ? '编辑规则 Edit rule' : '新规则 New rule'}</h3>
      <RuleSentence rule={rule} onChange={setRule} reasons={reasons} names={names} />
      {warnings.length > 0 && (
        <ul className="reasons">
          {warnings.map((w, i) => (
            <li key={i} className="warn-text">
              {w.zh} <span className="muted">{w.en}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>历史回放 Preview</h3>
      <RulePreviewList reply={preview} metric={metric} loading={previewing} />
      <div className="actions">
        <button type="button" className="primary" data-action="save-rule" disabled={reasons.length > 0} onClick={() => void save()}>
          保存规则 Save rule
        </button>
        {editing && (
          <button type="button" onClick={() => setRule(blank())}>
            取消编辑 Cancel
          </button>
        )}
      </div>
      {status && (
        <p className={status.ok ? 'ok-text' : 'error'} role="status">
          {status.text}
        </p>
      )}

      <div className="row">
        <h3>已保存的规则 Rules</h3>
        <button
          type="button"
          className="small"
          data-action="evaluate"
          onClick={() =>
            void act(async () => {
              const r = await call<EvaluateReply>({ type: 'rules.evaluate' });
              return `已评估 ${r.evaluated} 条规则：新触发 ${r.fired} 次，已处理过的 ${r.repeats} 次不再重复 · ${r.fired} new, ${r.repeats} already handled`;
            })
          }
        >
          立即评估 Evaluate now
        </button>
      </div>
      {list.error && <p className="error">{list.error}</p>}
      {list.data && list.data.rules.length === 0 && <p className="empty">还没有规则。从上面的模板开始。 No rules yet.</p>}
      <ul className="rule-list">
        {list.data?.rules.map((r) => (
          <li key={r.id} className={`card ${r.enabled ? '' : 'disabled'}`} data-rule-id={r.id}>
            <div className="title">
              <strong>{r.name}</strong> {!r.enabled && <span className="tag">已停用 Off</span>}
            </div>
            <div className="small">{describeRule(ruleOf(r), names, ruleItems)}</div>
            {r.disabledReasons.map((x, i) => (
              <div key={i} className="error">
                已自动停用：{x.zh} <span className="muted">{x.en}</span>
              </div>
            ))}
            <div className="actions">
              <button type="button" className="small" onClick={() => void act(async () => (await call({ type: 'rules.setEnabled', id: r.id, enabled: !r.enabled }), r.enabled ? '已停用 Disabled' : '已启用 Enabled'))}>
                {r.enabled ? '停用 Disable' : '启用 Enable'}
              </button>
              <button type="button" className="small" onClick={() => setRule(ruleOf(r))}>
                编辑 Edit
              </button>
              <button type="button" className="small danger" onClick={() => void act(async () => (await call({ type: 'rules.delete', id: r.id }), '已删除 Deleted'))}>
                删除 Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
      <h3>触发记录 What fired</h3>
      {list.data && <FiringLog firings={list.data.firings} go={go} />}
    </div>
  );
}
