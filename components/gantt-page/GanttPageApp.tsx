import { localToday } from '@/lib/domain/dates';
import type { WorkspaceState } from '@/lib/workspace/types';
import { useRemote } from '../shared/use-remote';
import { GanttWorkspace, optionsFromParams, paramsOf } from './GanttWorkspace';

/** gantt.html: the Gantt and the bottleneck panel side by side in a tab. View options live in the hash. */
export function GanttPageApp(): React.JSX.Element {
  const ws = useRemote<WorkspaceState>({ type: 'workspace.get' }, []);
  const today = localToday();
  if (ws.error) return <div className="error page">无法读取数据 / cannot load: {ws.error}</div>;
  if (!ws.data) return <div className="muted page">加载中… Loading…</div>;
  const state = ws.data;
  const initial = optionsFromParams(new URLSearchParams(location.hash.slice(1)), state.projects.map((p) => p.id));
  return (
    <div className="app">
      <header className="top">
        <strong className="brand">掌柜</strong>
        <span>甘特图与瓶颈 Gantt &amp; bottlenecks</span>
        <span className="muted">{state.shop?.name}</span>
      </header>
      <main className="page">
        {!state.onboarded ? (
          <p className="empty">请先在侧边栏完成店铺设置 / set up the shop in the side panel first</p>
        ) : (
          <GanttWorkspace
            state={state}
            today={today}
            initial={initial}
            layout="wide"
            height="calc(100vh - 190px)"
            onOptionsChange={(o) => history.replaceState(null, '', `#${paramsOf(o)}`)}
            onOpenTask={(id) => window.open(`sidepanel.html#/task?id=${encodeURIComponent(id)}`, '_blank', 'noopener')}
          />
        )}
      </main>
    </div>
  );
}
