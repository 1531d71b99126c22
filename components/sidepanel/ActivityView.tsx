import { ACTION_ZH, ENTITY_ZH, show } from '@/lib/collab/audit';
import type { Activity, Member } from '@/lib/domain';
import type { WorkspaceState } from '@/lib/workspace/types';
import { memberName } from '../shared/format';
import { useRemote } from '../shared/use-remote';
import { AuditLogView } from '../collab/AuditLogView';


/** The local activity log: who changed which field, old → new, newest first. */
export function ActivityList({ entityId, members }: { entityId?: string; members: readonly Member[] }): React.JSX.Element {
  const log = useRemote<Activity[]>({ type: 'activity.list', entityId, limit: 300 }, [entityId]);
  if (log.error) return <div className="error">{log.error}</div>;
  if (!log.data) return <p className="muted">加载中…</p>;
  if (log.data.length === 0) return <p className="empty">还没有变更记录。</p>;
  return (
    <ul className="activity">
      {log.data.map((a) => (
        <li key={a.id}>
          <span className="muted">{new Date(a.at).toLocaleString('zh-CN')}</span> {memberName(members, a.actorId)} {ACTION_ZH[a.action]}
          {ENTITY_ZH[a.entity]}
          {a.field ? ` · ${a.field}: ${show(a.oldValue)} → ${show(a.newValue)}` : ` · ${show(a.newValue ?? a.oldValue)}`}
        </li>
      ))}
    </ul>
  );
}

/** The activity tab: the searchable audit log (tasks, projects, image versions, price changes, comments). */
export function ActivityView({ state }: { state: WorkspaceState }): React.JSX.Element {
  return <AuditLogView state={state} />;
}
