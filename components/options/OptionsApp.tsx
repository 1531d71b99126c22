import type { TeamView } from '@/lib/sync/team-mode';
import type { WorkspaceState } from '@/lib/workspace/types';
import { SyncBadge } from '../shared/SyncBadge';
import { useRemote } from '../shared/use-remote';
import { AccountSection } from './AccountSection';
import { ConnectSection } from './ConnectSection';
import { ShopSection } from './ShopSection';
import { TeamSection } from './TeamSection';

/**
 * Team mode settings (the extension's options page): connect a Supabase
 * project, sign in, create or join the shop, invite members and set roles.
 * Local-only mode stays the default until a project is connected.
 */
export function OptionsApp(): React.JSX.Element {
  const team = useRemote<TeamView>({ type: 'sync.status' }, []);
  const ws = useRemote<WorkspaceState>({ type: 'workspace.get' }, []);
  const view = team.data;
  return (
    <div className="options page">
      <h2>
        掌柜 团队模式 Team mode <SyncBadge />
      </h2>
      <p className="muted">
        默认所有数据只保存在本机。连接你自己的 Supabase 项目（托管或自建）后，团队成员的任务、项目和成员会通过它同步，权限由数据库的行级安全策略保证。
        By default everything stays on this computer. Connect your own Supabase project (hosted or self-hosted) to share tasks, projects and the roster with your team; the database's row-level security enforces each role.
      </p>
      {team.error && <div className="error">{team.error}</div>}
      {view && <ConnectSection view={view} />}
      {view?.mode === 'team' && <AccountSection view={view} />}
      {view?.mode === 'team' && view.user && !view.shopId && <ShopSection localShop={ws.data?.shop?.name ?? null} />}
      {view?.mode === 'team' && view.user && view.shopId && ws.data && <TeamSection view={view} state={ws.data} />}
    </div>
  );
}
