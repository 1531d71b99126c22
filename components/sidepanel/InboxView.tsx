import type { Alert } from '@/lib/alerts/model';
import { call } from '@/lib/messaging/client';
import { useRemote } from '../shared/use-remote';

const KIND_ZH: Record<Alert['kind'], string> = { target: '目标/警戒线', rule: '规则', risk: '风控暂停', mention: '@提及', task: '任务' };

/** The in-app inbox: every alert addressed to me or to everyone, newest first; opening marks them read. */
export function InboxView({ go }: { go: (to: string) => void }): React.JSX.Element {
  const alerts = useRemote<Alert[]>({ type: 'alerts.inbox', limit: 200 }, []);
  if (alerts.error) return <div className="error page">{alerts.error}</div>;
  if (!alerts.data) return <p className="muted page">加载中…</p>;
  const unread = alerts.data.filter((a) => a.read === 0);
  return (
    <div className="page">
      <div className="row">
        <h3>通知 Inbox ({unread.length} 未读)</h3>
        {unread.length > 0 && (
          <button type="button" className="small" onClick={() => void call({ type: 'alerts.markRead', ids: unread.map((a) => a.id) })}>
            全部标为已读 Mark all read
          </button>
        )}
      </div>
      {alerts.data.length === 0 ? (
        <p className="empty">还没有通知。目标或警戒线被突破、规则触发、有人 @你 时会出现在这里。</p>
      ) : (
        <ul className="task-list">
          {alerts.data.map((a) => (
            <li key={a.id} className={`card ${a.read === 0 ? 'unread' : ''}`} data-alert-kind={a.kind}>
              <strong>{a.title}</strong> {a.provisional && <span className="tag">未定 provisional</span>}
              <div className="meta">
                <span>{KIND_ZH[a.kind]}</span>
                <span>{new Date(a.at).toLocaleString('zh-CN')}</span>
              </div>
              {a.message && <p className="small task-desc">{a.message}</p>}
              {a.taskId && (
                <a href={`#/task?id=${encodeURIComponent(a.taskId)}`} onClick={(e) => (e.preventDefault(), go(`task?id=${encodeURIComponent(a.taskId!)}`))}>
                  打开任务 Open task
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
