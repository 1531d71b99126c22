import { useState } from 'react';
import browser from 'webextension-polyfill';
import { localToday } from '@/lib/domain/dates';
import { isOpen } from '@/lib/domain/vocab';
import { itemLabel } from '@/lib/items/label';
import { call } from '@/lib/messaging/client';
import { parseCommand, type ActionProposal, type BudgetPlan, type QueryAnswer } from '@/lib/nl';
import { assistantBody, checkEndpoint, readAssistantReply, type AssistantSettings } from '@/lib/nl/assistant';
import type { AggregateFigure } from '@/lib/nl/messages';
import type { WorkspaceState } from '@/lib/workspace/types';
import '../rules/rules.css';
import { useRemote } from '../shared/use-remote';
import { AssistantSettingsForm, loadAssistantSettings } from './AssistantSettings';
import { needsConfirmation, requestFor, withChoice } from './execute';

type Outcome =
  | { kind: 'done'; zh: string; en: string }
  | { kind: 'answer'; answer: QueryAnswer }
  | { kind: 'plan'; plan: BudgetPlan }
  | { kind: 'assistant'; text: string }
  | { kind: 'error'; text: string };

interface Consent {
  question: string;
  url: string;
  permission: string;
  body: ReturnType<typeof assistantBody>;
  settings: AssistantSettings;
}

const CLARIFY_ZH: Record<string, (name: string) => string> = {
  unknownMember: (n) => `没有找到成员「${n}」。你是指：`,
  ambiguousMember: (n) => `「${n}」可能是几位成员，请选择：`,
  unknownTask: (n) => `没有找到任务「${n}」。你是指：`,
  ambiguousTask: (n) => `有几个任务都像「${n}」，请选择：`,
};

const err = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Type a command (中文 or English) → see what it will do → 确认. Nothing changes before the
 * confirmation; changes go through the existing messages (task.create / task.update /
 * project.fromTemplate). Questions are answered from the stored figures. A command that is not
 * understood gets example commands, never a guess; an unclear name gets a question with choices.
 */
export function CommandBar({ settings = false }: { settings?: boolean }): React.JSX.Element {
  const ws = useRemote<WorkspaceState>({ type: 'workspace.get' }, []);
  const [text, setText] = useState('');
  const [command, setCommand] = useState('');
  const [proposal, setProposal] = useState<ActionProposal | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [consent, setConsent] = useState<Consent | null>(null);
  const [showSettings, setShowSettings] = useState(false);
  const [assistantOn, setAssistantOn] = useState<boolean | null>(null);

  const run = async (cmd: string): Promise<void> => {
    const state = ws.data;
    if (!state || !cmd.trim()) return;
    setCommand(cmd);
    setOutcome(null);
    setConsent(null);
    const p = parseCommand(cmd, { today: localToday(), members: state.members, tasks: state.tasks.filter(isOpen) });
    setProposal(p);
    if (p.kind === 'unrecognised') setAssistantOn((await loadAssistantSettings()).enabled);
    // Reads change nothing: answer at once.
    if (p.kind === 'query' || p.kind === 'draftPlan') {
      setBusy(true);
      try {
        const req = requestFor(p)!;
        if (p.kind === 'query') setOutcome({ kind: 'answer', answer: await call<QueryAnswer>(req) });
        else setOutcome({ kind: 'plan', plan: await call<BudgetPlan>(req) });
      } catch (e) {
        setOutcome({ kind: 'error', text: err(e) });
      } finally {
        setBusy(false);
      }
    }
  };

  const confirm = async (p: ActionProposal): Promise<void> => {
    const req = requestFor(p);
    if (!req) return;
    setBusy(true);
    try {
      await call(req);
      setOutcome({ kind: 'done', zh: `已完成：${'summaryZh' in p ? p.summaryZh : ''}`, en: `Done: ${'summaryEn' in p ? p.summaryEn : ''}` });
      setProposal(null);
      setText('');
    } catch (e) {
      setOutcome({ kind: 'error', text: err(e) });
    } finally {
      setBusy(false);
    }
  };

  const askAssistant = async (): Promise<void> => {
    const s = await loadAssistantSettings();
    const check = checkEndpoint(s.baseUrl);
    if (!s.enabled || !check.ok) return setOutcome({ kind: 'error', text: '助手未启用或地址无效 / the assistant is off or its URL is invalid' });
    try {
      const figures = await call<AggregateFigure[]>({ type: 'nl.figures' });
      setConsent({ question: command, url: check.url, permission: check.permission, body: assistantBody(command, figures, s.model), settings: s });
    } catch (e) {
      setOutcome({ kind: 'error', text: err(e) });
    }
  };

  const send = async (c: Consent): Promise<void> => {
    setBusy(true);
    setConsent(null);
    try {
      if (!(await browser.permissions.contains({ origins: [c.permission] }))) throw new Error('浏览器未授予该地址的权限，请在设置中重新启用 / permission for the endpoint is missing: enable the assistant again');
      const res = await fetch(c.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(c.settings.apiKey ? { authorization: `Bearer ${c.settings.apiKey}` } : {}) },
        body: JSON.stringify(c.body),
        credentials: 'omit',
      });
      if (!res.ok) throw new Error(`助手返回 HTTP ${res.status} / the assistant answered HTTP ${res.status}`);
      const r = readAssistantReply(await res.json());
      setOutcome(r.ok ? { kind: 'assistant', text: r.text } : { kind: 'error', text: r.error });
    } catch (e) {
      setOutcome({ kind: 'error', text: err(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="command-bar" data-testid="command-bar">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(text);
        }}
      >
        <input name="command" aria-label="指令 Command" placeholder="输入指令：把主图优化分配给小美，周五前完成" value={text} onChange={(e) => setText(e.target.value)} disabled={!ws.data} />
        <button type="submit" className="small" disabled={!ws.data || busy}>
          执行 Go
        </button>
        {settings && (
          <button type="button" className="small" title="AI 助手设置 Assistant settings" aria-label="AI 助手设置 Assistant settings" onClick={() => setShowSettings((v) => !v)}>
            ⚙
          </button>
        )}
      </form>
      {showSettings && <AssistantSettingsForm onSaved={(s) => setAssistantOn(s.enabled)} />}
      {proposal && <ProposalView p={proposal} busy={busy} assistantOn={assistantOn === true} onConfirm={() => void confirm(proposal)} onCancel={() => setProposal(null)} onRun={(cmd) => { setText(cmd); void run(cmd); }} command={command} onAsk={() => void askAssistant()} />}
      {consent && (
        <div className="command-result" data-testid="assistant-consent">
          <p>
            将向 <strong>{consent.url}</strong> 发送以下内容（仅问题和店铺汇总数据）。同意吗？ The following will be sent to this endpoint (only the question and shop totals). Send it?
          </p>
          <pre>{JSON.stringify(consent.body, null, 2)}</pre>
          <div className="actions">
            <button type="button" className="primary small" onClick={() => void send(consent)}>
              同意并发送 Send
            </button>
            <button type="button" className="small" onClick={() => setConsent(null)}>
              不发送 Don't send
            </button>
          </div>
        </div>
      )}
      {outcome && <OutcomeView o={outcome} />}
    </div>
  );
}

function ProposalView(props: {
  p: ActionProposal;
  busy: boolean;
  assistantOn: boolean;
  command: string;
  onConfirm: () => void;
  onCancel: () => void;
  onRun: (cmd: string) => void;
  onAsk: () => void;
}): React.JSX.Element | null {
  const { p } = props;
  if (p.kind === 'unrecognised')
    return (
      <div className="command-result" data-proposal="unrecognised">
        <p>没有看懂这条指令，可以这样说： I did not understand that. Try:</p>
        <div className="row">
          {p.suggestions.map((s) => (
            <button key={s} type="button" className="small" onClick={() => props.onRun(s)}>
              {s}
            </button>
          ))}
        </div>
        {props.assistantOn && (
          <button type="button" className="small" onClick={props.onAsk}>
            问 AI 助手 Ask the assistant…
          </button>
        )}
      </div>
    );
  if (p.kind === 'clarify')
    return (
      <div className="command-result" data-proposal="clarify">
        <p>{(CLARIFY_ZH[p.params.reason] ?? ((n: string) => `「${n}」不明确：`))(p.params.name)}</p>
        <p className="muted">{p.summaryEn}</p>
        {p.params.candidates.length === 0 ? (
          <p className="muted">没有相近的选项，请修改指令。 Nothing close: please rephrase.</p>
        ) : (
          <div className="row">
            {p.params.candidates.map((c) => (
              <button key={c} type="button" className="small" onClick={() => props.onRun(withChoice(props.command, p.params.name, c))}>
                {c}
              </button>
            ))}
          </div>
        )}
      </div>
    );
  return (
    <div className="command-result" data-proposal={p.kind}>
      <p>
        <strong>{p.summaryZh}</strong>
      </p>
      <p className="muted">{p.summaryEn}</p>
      {needsConfirmation(p) && (
        <div className="actions">
          <button type="button" className="primary small" data-action="confirm-command" disabled={props.busy} onClick={props.onConfirm}>
            确认 Confirm
          </button>
          <button type="button" className="small" onClick={props.onCancel}>
            取消 Cancel
          </button>
        </div>
      )}
    </div>
  );
}

function OutcomeView({ o }: { o: Outcome }): React.JSX.Element {
  if (o.kind === 'error') return <p className="error">{o.text}</p>;
  if (o.kind === 'done')
    return (
      <p className="ok-text" data-outcome="done">
        {o.zh} <span className="muted">{o.en}</span>
      </p>
    );
  if (o.kind === 'assistant')
    return (
      <div className="command-result" data-outcome="assistant">
        <p className="muted">AI 助手的回答（仅供参考）Assistant's answer (for reference):</p>
        <p style={{ whiteSpace: 'pre-wrap' }}>{o.text}</p>
      </div>
    );
  if (o.kind === 'answer')
    return (
      <div className="command-result" data-outcome="answer">
        <p>{o.answer.textZh}</p>
        <p className="muted">{o.answer.textEn}</p>
      </div>
    );
  const plan = o.plan;
  return (
    <div className="command-result" data-outcome="plan">
      <p>
        {plan.month} 推广预算草案：合计 ¥{plan.total.toLocaleString('zh-CN')}（近期投入产出比 {plan.roi ?? '—'}）· Draft ad budget
      </p>
      {plan.lines.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>商品 Item</th>
              <th>近期花费</th>
              <th>ROI</th>
              <th>计划 Planned</th>
            </tr>
          </thead>
          <tbody>
            {plan.lines.map((l) => (
              <tr key={l.itemId}>
                <td>{itemLabel(l.itemId, l.title)}</td>
                <td>¥{l.spend}</td>
                <td>{l.roi}</td>
                <td>¥{l.planned}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.notesZh.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
      <p className="muted">草案不会自动执行，请在推广后台手动调整。 A draft only: nothing is changed for you.</p>
    </div>
  );
}
