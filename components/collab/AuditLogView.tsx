import { useState } from 'react';
import { AUDIT_KIND_LABELS, AUDIT_KINDS, type AuditEntry, type AuditKind } from '@/lib/collab/audit';
import { labelFrom } from '@/lib/items/label';
import type { WorkspaceState } from '@/lib/workspace/types';
import { memberName } from '../shared/format';
import { useItemNames } from '../shared/use-item-names';
import { useRemote } from '../shared/use-remote';
import './collab.css';

/**
 * The audit log: every change in the workspace (tasks, projects, members…)
 * with image versions, price changes and comments, searchable and filtered
 * by person, item, type and date range. Items link to their timeline.
 */
export function AuditLogView({ state }: { state: WorkspaceState }): React.JSX.Element {
  const [actorId, setActorId] = useState('');
  const [itemId, setItemId] = useState('');
  const [kind, setKind] = useState<AuditKind | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [q, setQ] = useState('');
  const filter = { actorId: actorId || null, itemId: /^\d{5,20}$/.test(itemId.trim()) ? itemId.trim() : null, kinds: kind ? [kind] : undefined, from: from || null, to: to || null, q: q.trim() || null };
  const log = useRemote<AuditEntry[]>({ type: 'audit.list', filter, limit: 300 }, [actorId, itemId, kind, from, to, q]);
  const names = useItemNames((log.data ?? []).flatMap((e) => e.itemIds));
  return (
    <div className="page audit-log">
      <h3>审计日志 Audit log</h3>
      <div className="audit-filters">
        <input type="search" name="q" placeholder="搜索 Search" value={q} onChange={(e) => setQ(e.target.value)} />
        <select name="actor" value={actorId} onChange={(e) => setActorId(e.target.value)} aria-label="成员 Person">
          <option value="">所有人 Everyone</option>
          {state.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <input name="item" placeholder="商品ID Item" value={itemId} onChange={(e) => setItemId(e.target.value)} inputMode="numeric" />
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as AuditKind | '')} aria-label="类型 Type">
          <option value="">所有类型 All types</option>
          {AUDIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {AUDIT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <input type="date" name="from" value={from} onChange={(e) => setFrom(e.target.value)} aria-label="从 From" />
        <input type="date" name="to" value={to} onChange={(e) => setTo(e.target.value)} aria-label="到 To" />
      </div>
      {log.error && <div className="error">{log.error}</div>}
      {log.data && log.data.length === 0 && <p className="empty">没有符合条件的记录。 Nothing matches.</p>}
      <ul className="activity audit">
        {log.data?.map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <span className="muted">{new Date(e.at).toLocaleString('zh-CN')}</span> <span className={`kind kind-${e.kind}`}>{AUDIT_KIND_LABELS[e.kind]}</span>
            {e.actorId ? `${memberName(state.members, e.actorId)} ` : ''}
            {e.text}
            {e.itemIds.map((id) => (
              <a key={id} className="small" href={`#/item?id=${id}`}>
                {' '}
                时间线 {labelFrom(names, id)}
              </a>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
