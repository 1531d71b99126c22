import { useState } from 'react';
import { ROLE_LABELS, ROLES, STAGES, type Role, type Stage } from '@/lib/domain/vocab';
import type { Sop } from '@/lib/collab/model';
import { call } from '@/lib/messaging/client';
import type { WorkspaceState } from '@/lib/workspace/types';
import { useRemote } from '../shared/use-remote';
import { Markdown } from './Markdown';
import './collab.css';

function SopEditor({ onDone }: { onDone: () => void }): React.JSX.Element {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [stage, setStage] = useState<Stage | ''>('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="create"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await call({ type: 'sop.save', title, body, stage: stage || null, roles });
          onDone();
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
        }
      }}
    >
      <input name="title" placeholder="标题 Title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <select name="stage" value={stage} onChange={(e) => setStage(e.target.value as Stage | '')}>
        <option value="">不限阶段 Any stage</option>
        {STAGES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <div className="row small">
        {ROLES.map((r) => (
          <label key={r}>
            <input type="checkbox" checked={roles.includes(r)} onChange={(e) => setRoles((x) => (e.target.checked ? [...x, r] : x.filter((y) => y !== r)))} />
            {ROLE_LABELS[r]}
          </label>
        ))}
      </div>
      <textarea name="body" rows={8} placeholder="Markdown：# 标题、- 列表、**粗体**、[链接](https://…)" value={body} onChange={(e) => setBody(e.target.value)} />
      <p className="muted small">预览 Preview</p>
      <Markdown source={body} />
      <div className="actions">
        <button type="submit" className="primary small">
          保存 Save
        </button>
        <button type="button" className="small" onClick={onDone}>
          取消
        </button>
      </div>
      {error && <div className="error">{error}</div>}
    </form>
  );
}

/**
 * The SOP library: built-in and the shop's own how-tos and 复盘 lessons, by
 * role (new hires start with their own role's) and by stage; closed projects
 * link to their 复盘.
 */
export function SopLibraryView({ state, params }: { state: WorkspaceState; params: URLSearchParams }): React.JSX.Element {
  const me = state.members.find((m) => m.id === state.meId);
  const [role, setRole] = useState<Role | ''>((params.get('role') as Role | null) ?? me?.role ?? '');
  const [stage, setStage] = useState<Stage | ''>('');
  const [editing, setEditing] = useState(false);
  const sops = useRemote<Sop[]>({ type: 'sops.list' }, []);
  const shown = (sops.data ?? []).filter((d) => (!role || d.roles.length === 0 || d.roles.includes(role)) && (!stage || d.stage === stage));
  const closed = state.projects.filter((p) => p.status === 'closed');
  return (
    <div className="page sop-library">
      <h3>知识库 SOP library</h3>
      <div className="filters">
        <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role | '')} aria-label="角色 Role">
          <option value="">所有角色 All roles</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <select name="stage" value={stage} onChange={(e) => setStage(e.target.value as Stage | '')} aria-label="阶段 Stage">
          <option value="">所有阶段 All stages</option>
          {STAGES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        {!editing && (
          <button type="button" className="small" onClick={() => setEditing(true)}>
            ＋ 新建 SOP
          </button>
        )}
      </div>
      {role && <p className="muted small">新人入门：{ROLE_LABELS[role]} 需要读的文档 · What a new {role} reads first</p>}
      {editing && <SopEditor onDone={() => setEditing(false)} />}
      {sops.error && <div className="error">{sops.error}</div>}
      {shown.map((d) => (
        <details key={d.id} className="sop" data-sop={d.id}>
          <summary>
            {d.kind === 'retro' ? '复盘 ' : ''}
            {d.title} <span className="muted">{d.stage ?? ''}{d.builtIn ? ' · 内置' : ''}</span>
          </summary>
          <Markdown source={d.body} />
          {!d.builtIn && (
            <button type="button" className="small danger" onClick={() => confirm('删除这篇文档？') && void call({ type: 'sop.delete', id: d.id })}>
              删除
            </button>
          )}
        </details>
      ))}
      {shown.length === 0 && <p className="empty">没有符合条件的文档。</p>}
      <h4>已结束的项目 Closed projects · 复盘</h4>
      {closed.length === 0 && <p className="empty">项目结束（状态改为已结束）后可以在这里复盘。</p>}
      <ul className="changes">
        {closed.map((p) => (
          <li key={p.id}>
            <a href={`#/retro?project=${p.id}`}>复盘 {p.name}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
