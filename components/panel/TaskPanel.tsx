import { useEffect } from 'react';
import browser from 'webextension-polyfill';
import { labelFrom } from '@/lib/items/label';
import { PANEL_STATE_KEY } from '@/lib/features/dock';
import type { PanelData } from '@/lib/workspace/panel-data';
import { useRemote } from '../shared/use-remote';
import { SyncBadge } from '../shared/SyncBadge';
import { toHost } from './to-host';
import { TaskRow } from './TaskRow';
import { CommandBar } from '../commands/CommandBar';
import { DailyBriefing } from '../briefing/DailyBriefing';


/** The docked panel's content: "this item" and "my tasks" for the page it sits beside. */
export function TaskPanel({ url }: { url: string }): React.JSX.Element {
  const { data, error } = useRemote<PanelData>({ type: 'panel.get', url }, [url]);
  const answered = data !== null || error !== null;
  // The host shows this frame in place of its preview once there is something to show.
  useEffect(() => {
    if (answered) toHost({ zg: 'ready' });
  }, [answered]);
  return (
    <aside className="zg-panel" aria-label="掌柜任务面板 Zhanggui task panel">
      <header>
        <strong>掌柜</strong>
        <span className="muted">{data?.shop?.name ?? ''}</span>
        <SyncBadge />
        <button type="button" className="primary small" onClick={() => toHost({ zg: 'openQuickAdd', itemId: data?.itemId ?? null })} title="快速添加任务 (Alt+Shift+T)">
          ＋ 任务
        </button>
        <button type="button" className="small" onClick={() => void browser.storage.local.set({ [PANEL_STATE_KEY]: { expanded: false } })} aria-label="收起 Collapse">
          ›
        </button>
      </header>
      {data?.onboarded && <CommandBar />}
      {data?.onboarded && <DailyBriefing memberId={data.me?.id ?? null} />}
      {error && <div className="error">{error}</div>}
      {data && !data.onboarded && <p className="empty">还没有设置店铺。点击浏览器工具栏的掌柜图标完成设置。 Set up your shop from the toolbar icon.</p>}
      {data && data.itemId && (
        <section>
          <h3>当前商品 This item · {labelFrom(data.itemNames, data.itemId)}</h3>
          {data.itemTasks.length === 0 ? (
            <p className="empty">这个商品还没有任务。用「＋ 任务」为它添加一个。</p>
          ) : (
            <ul className="tasks" data-list="item">
              {data.itemTasks.map((t) => (
                <TaskRow key={t.id} task={t} members={data.members} today={data.today} itemNames={data.itemNames} />
              ))}
            </ul>
          )}
        </section>
      )}
      {data && data.onboarded && (
        <section>
          <h3>我的任务 My tasks{data.me ? ` · ${data.me.name}` : ''}</h3>
          {data.myTasks.length === 0 ? (
            <p className="empty">没有待办任务。在侧边栏给自己分配任务，或用「＋ 任务」记录当前页面要做的事。</p>
          ) : (
            <ul className="tasks" data-list="mine">
              {data.myTasks.map((t) => (
                <TaskRow key={t.id} task={t} members={data.members} today={data.today} itemNames={data.itemNames} />
              ))}
            </ul>
          )}
        </section>
      )}
    </aside>
  );
}
