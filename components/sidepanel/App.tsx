import type { WorkspaceState } from '@/lib/workspace/types';
import { localToday } from '@/lib/domain';
import { useRemote } from '../shared/use-remote';
import { BoardView } from './BoardView';
import { GanttView } from './GanttView';
import { ListsView } from './ListsView';
import { ProjectsView } from './ProjectsView';
import { SetupView } from './SetupView';
import { TaskEditorView } from './TaskEditorView';
import { TeamView } from './TeamView';
import { TodayView } from './TodayView';
import { ActivityView } from './ActivityView';
import { InboxView } from './InboxView';
import { RulesView } from './RulesView';
import { RiskView } from './RiskView';
import { CommandBar } from '../commands/CommandBar';
import { DailyBriefing } from '../briefing/DailyBriefing';
import { ItemTimelineView } from '../collab/ItemTimelineView';
import { RetroView } from '../collab/RetroView';
import { SopLibraryView } from '../collab/SopLibraryView';
import { useHashRoute } from './use-hash-route';
import { SyncBadge } from '../shared/SyncBadge';

const TABS: [string, string][] = [
  ['today', '今日 Today'],
  ['inbox', '通知 Inbox'],
  ['projects', '项目 Projects'],
  ['board', '看板 Board'],
  ['gantt', '甘特 Gantt'],
  ['lists', '逾期/受阻 Late'],
  ['team', '团队 Team'],
  ['activity', '动态 Activity'],
  ['rules', '规则 Rules'],
  ['insights', '洞察 Insights'],
  ['item', '商品 Items'],
  ['sops', '知识库 SOPs'],
];

/** The manager's workspace (Chrome side panel / Firefox sidebar / a tab). */
export function App(): React.JSX.Element {
  const route = useHashRoute();
  const ws = useRemote<WorkspaceState>({ type: 'workspace.get' }, []);
  const today = localToday();
  if (ws.error) return <div className="error page">无法读取数据 / cannot load: {ws.error}</div>;
  if (!ws.data) return <div className="muted page">加载中… Loading…</div>;
  const state = ws.data;
  if (!state.onboarded || route.path === 'setup') return <SetupView state={state} today={today} onDone={() => route.go('today')} />;

  let view: React.JSX.Element;
  switch (route.path) {
    case 'projects':
      view = <ProjectsView state={state} today={today} go={route.go} />;
      break;
    case 'board':
      view = <BoardView key={route.params.get('project') ?? ''} state={state} today={today} params={route.params} go={route.go} />;
      break;
    case 'gantt':
      view = <GanttView state={state} today={today} params={route.params} go={route.go} />;
      break;
    case 'lists':
      view = <ListsView state={state} today={today} go={route.go} />;
      break;
    case 'task':
      view = <TaskEditorView state={state} taskId={route.params.get('id')} params={route.params} go={route.go} />;
      break;
    case 'team':
      view = <TeamView state={state} />;
      break;
    case 'item':
      view = <ItemTimelineView key={route.params.get('id') ?? ''} state={state} itemId={route.params.get('id')} />;
      break;
    case 'sops':
      view = <SopLibraryView state={state} params={route.params} />;
      break;
    case 'retro':
      view = <RetroView key={route.params.get('project') ?? ''} state={state} projectId={route.params.get('project')} />;
      break;
    case 'rules':
      view = <RulesView state={state} go={route.go} />;
      break;
    case 'insights':
      view = <RiskView />;
      break;
    case 'activity':
      view = <ActivityView state={state} />;
      break;
    case 'inbox':
      view = <InboxView go={route.go} />;
      break;
    default:
      view = <TodayView state={state} today={today} go={route.go} />;
  }
  return (
    <div className="app">
      <header className="top">
        <strong className="brand">掌柜</strong>
        <span className="muted">{state.shop?.name}</span>
        <a className="dash-link" href="/dashboard.html" target="_blank" rel="noopener" title="数据看板：日报、周报、漏斗、商品排行、导入、自定义看板 Data dashboard">
          📊 数据 Dashboard
        </a>
        <SyncBadge />
      </header>
      <CommandBar settings />
      <DailyBriefing memberId={state.meId} onOpenTask={(id) => route.go(`task?id=${encodeURIComponent(id)}`)} />
      {state.quarantined > 0 && (
        <div className="warn">有 {state.quarantined} 条损坏的记录已被隔离，未影响其他数据。 {state.quarantined} corrupted record(s) were set aside.</div>
      )}
      <nav className="tabs">
        {TABS.map(([path, label]) => (
          <a key={path} href={`#/${path}`} className={route.path === path ? 'active' : ''}>
            {label}
          </a>
        ))}
      </nav>
      <main>{view}</main>
    </div>
  );
}
