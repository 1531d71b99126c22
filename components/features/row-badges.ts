// WXT's browser, not webextension-polyfill: no wrapper to build on the host page's main thread.
import { browser } from 'wxt/browser';
import type { Task } from '@/lib/domain';
import { onChangePerFrame } from '@/lib/features/mutations';
import type { Feature } from '@/lib/features/types';
import { call } from '@/lib/messaging/client';
import { type StorageChanges, viewsMayChange } from '@/lib/messaging/events';
import { itemLabel } from '@/lib/items/label';
import { reportSeenItems } from '@/lib/items/report';
import { findItemRows } from '@/lib/taobao/item-rows';
import { openQuickAdd } from './quick-add-overlay';
import { createShadowHost, el, removeOnAbort } from './shadow-host';

const CSS = `:host { display: inline-block; position: relative; margin-left: 6px; vertical-align: middle; }
.badge { font-size: 11px; padding: 0 6px; border-radius: 9px; border: 1px solid #e5e6eb; color: #86909c; background: #f7f8fa; cursor: pointer; }
.badge.has { color: #fff; background: #ff5000; border-color: #ff5000; }
.pop { position: absolute; z-index: 2147483000; top: 22px; left: 0; width: 240px; background: #fff; border: 1px solid #e5e6eb; border-radius: 6px; padding: 8px; box-shadow: 0 4px 12px rgb(0 0 0 / 12%); font-size: 12px; color: #1d2129; }
ul { margin: 0 0 6px; padding-left: 16px; } .muted { color: #86909c; }
.add { font-size: 12px; border: 1px solid #e5e6eb; background: #fff; border-radius: 4px; padding: 2px 8px; cursor: pointer; }`;

/** One row's badge: the open-task count; click lists that item's open tasks under the item's name. */
function makeBadge(itemId: string, title: string | null): { host: HTMLElement; setCount: (n: number) => void } {
  const { host, root } = createShadowHost('zhanggui-row-badge', CSS);
  const badge = el('button', { className: 'badge', type: 'button', title: '掌柜：这个商品的未完成任务 Open tasks for this item' }, '… 任务');
  badge.dataset.itemId = itemId;
  let pop: HTMLElement | null = null;
  badge.addEventListener('click', async () => {
    if (pop) return void (pop.remove(), (pop = null));
    pop = el('div', { className: 'pop' });
    pop.setAttribute('role', 'dialog');
    pop.append(el('p', { className: 'muted' }, '加载中…'));
    root.append(pop);
    const current = pop;
    const itemTasks = await call<Task[]>({ type: 'tasks.forItem', itemId }).catch(() => [] as Task[]);
    const add = el('button', { className: 'add', type: 'button' }, '＋ 为这个商品添加任务');
    add.addEventListener('click', () => openQuickAdd(itemId));
    const list = itemTasks.length === 0 ? el('p', { className: 'muted' }, '没有未完成的任务') : el('ul');
    for (const t of itemTasks) list.append(el('li', {}, `${t.title}${t.dueDate ? `（${t.dueDate}）` : ''}`));
    // The item named as everywhere else ("title (ID)"), as text.
    current.replaceChildren(el('p', { className: 'muted item-name' }, `商品 ${itemLabel(itemId, title)}`), list, add);
  });
  root.append(badge);
  return {
    host,
    setCount(n) {
      badge.textContent = `${n} 任务`;
      badge.dataset.count = String(n);
      badge.classList.toggle('has', n > 0);
    },
  };
}

/**
 * 商品管理: an open-task count on every item row. Rows render late and
 * re-render on paging, so new rows are picked up by a MutationObserver,
 * batched to one scan per animation frame, and counted in one request
 * (a countdown rewriting its text scans nothing: lib/features/mutations.ts).
 */
export const rowBadges: Feature = {
  id: 'row-badges',
  include: (page) => page === 'qianniu.sellManage',
  init(signal) {
    const badges = new Map<Element, { itemId: string; setCount: (n: number) => void }>();
    const refresh = async (): Promise<void> => {
      const itemIds = [...new Set([...badges.values()].map((b) => b.itemId))];
      if (itemIds.length === 0) return;
      const counts = await call<Record<string, number>>({ type: 'tasks.countsByItem', itemIds: itemIds.slice(0, 500) }).catch(() => null);
      if (!counts || signal.aborted) return;
      for (const b of badges.values()) b.setCount(counts[b.itemId] ?? 0);
    };
    const scan = (): void => {
      let added = false;
      for (const [anchor, b] of badges) if (!anchor.isConnected) badges.delete(anchor);
      const rows = findItemRows(document, location.href);
      // The titles these rows show feed the item catalog (each once per page load).
      reportSeenItems(document, location.href, rows.map((r) => r.seen));
      for (const { anchor, itemId, seen } of rows) {
        if (badges.has(anchor)) continue;
        const badge = makeBadge(itemId, seen?.title ?? null);
        anchor.append(badge.host);
        removeOnAbort(signal, badge.host);
        badges.set(anchor, { itemId, setCount: badge.setCount });
        added = true;
      }
      if (added) void refresh();
    };
    onChangePerFrame(signal, document.body, { childList: true, subtree: true }, scan);
    const onStorage = (changes: StorageChanges, area: string): void => {
      if (viewsMayChange(changes, area)) void refresh();
    };
    browser.storage.onChanged.addListener(onStorage);
    signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage));
    scan();
  },
};
