import browser from 'webextension-polyfill';
import { call } from '@/lib/messaging/client';
import type { TeamView } from '@/lib/sync/team-mode';
import { useRemote } from './use-remote';

/** Colours per state (inline: the badge sits in pages with different style sheets). */
const STYLE: Partial<Record<TeamView['status']['state'], React.CSSProperties>> = {
  pending: { color: '#ff7d00', background: '#fff7e8' },
  offline: { color: '#4e5969', background: '#f2f3f5' },
  error: { color: '#f53f3f', background: '#ffece8' },
};

const LABEL: Record<TeamView['status']['state'], string> = {
  local: '本地模式 Local',
  synced: '已同步 Synced',
  pending: '待同步 Pending',
  offline: '离线 Offline',
  error: '同步出错 Error',
};

/**
 * Sync status for headers (panel, side panel): local-only / synced / pending N /
 * offline / error + reason (in the tooltip). In team mode a click syncs now;
 * in local-only mode it opens the team-mode settings (the options page).
 * `data-bound-account` exposes the Taobao sub-account the signed-in member is
 * bound to, for the page check that warns when the page shows another one.
 */
export function SyncBadge(): React.JSX.Element {
  const { data } = useRemote<TeamView>({ type: 'sync.status' }, []);
  const s = data?.status ?? { state: 'local' as const, pending: 0, reason: null, lastSyncAt: null, boundAccount: null };
  const team = data?.mode === 'team';
  const label = s.state === 'pending' ? `${LABEL.pending} ${s.pending}` : LABEL[s.state];
  const title = !team
    ? '数据只保存在本机 Data stays on this computer\n点击设置团队模式 Click to set up team mode'
    : [
        s.reason ?? '',
        s.lastSyncAt ? `上次同步 Last sync ${new Date(s.lastSyncAt).toLocaleTimeString()}` : '',
        s.boundAccount ? `绑定子账号 Bound sub-account: ${s.boundAccount}` : '',
        '点击立即同步 Click to sync now',
      ]
        .filter(Boolean)
        .join('\n');
  return (
    <span
      className={`sync sync-${s.state}`}
      data-state={s.state}
      data-bound-account={s.boundAccount ?? ''}
      title={title}
      style={STYLE[s.state]}
      role="button"
      tabIndex={0}
      onClick={() => void (team ? call({ type: 'sync.now' }) : browser.runtime.openOptionsPage()).catch(() => undefined)}
    >
      {label}
    </span>
  );
}
