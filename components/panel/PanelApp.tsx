import { call } from '@/lib/messaging/client';
import type { WorkspaceState } from '@/lib/workspace/types';
import { parseHash } from '../sidepanel/use-hash-route';
import { emptyTaskValues, TaskForm } from '../shared/TaskForm';
import { useItemNames } from '../shared/use-item-names';
import { useRemote } from '../shared/use-remote';
import { TaskPanel } from './TaskPanel';
import { toHost } from './to-host';

/** panel.html, framed into seller pages: `#/panel?url=…` or `#/quick-add?url=…&title=…&itemId=…`. */
export function PanelApp(): React.JSX.Element {
  const { path, params } = parseHash(location.hash);
  const pageUrl = params.get('url') ?? '';
  if (path === 'quick-add') return <QuickAdd pageUrl={pageUrl} pageTitle={params.get('title') ?? ''} itemId={params.get('itemId')} />;
  return <TaskPanel url={pageUrl} />;
}

/** Quick-add: a task from the page you are on, carrying its URL, title and item ID. */
function QuickAdd({ pageUrl, pageTitle, itemId }: { pageUrl: string; pageTitle: string; itemId: string | null }): React.JSX.Element {
  const ws = useRemote<WorkspaceState>({ type: 'workspace.get' }, []);
  const itemNames = useItemNames(itemId ? [itemId] : []);
  const sourceUrl = /^https:\/\//.test(pageUrl) ? pageUrl : null;
  return (
    <div className="quick-add">
      <h3>快速添加任务 Quick-add</h3>
      <p className="muted small">来源 Source: {pageTitle || pageUrl}</p>
      {ws.error && <div className="error">{ws.error}</div>}
      {ws.data && (
        <TaskForm
          autoFocus
          initial={emptyTaskValues({ itemIds: itemId ? [itemId] : [], assigneeId: ws.data.meId })}
          members={ws.data.members}
          projects={ws.data.projects.filter((p) => p.status !== 'closed')}
          submitLabel="添加 Add"
          itemNames={itemNames}
          onCancel={() => toHost({ zg: 'close' })}
          onSubmit={async (v) => {
            await call({ type: 'task.create', draft: { ...v, sourceUrl, sourceTitle: pageTitle.slice(0, 300) || null } });
            toHost({ zg: 'close' });
          }}
        />
      )}
    </div>
  );
}
