import { useState } from 'react';
import type { Feature } from '@/lib/features/types';
import { requestQuickAdd } from '@/lib/features/quick-add-bus';
import type { Task } from '@/lib/domain';
import { call } from '@/lib/messaging/client';
import { findItemRows } from '@/lib/taobao/item-rows';
import { useRemote } from '../shared/use-remote';
import { mountShadow } from './mount';

const MARK = 'data-zhanggui-badge';

/** The count badge of one row; click lists that item's open tasks. */
function RowBadge({ itemId }: { itemId: string }): React.JSX.Element {
  const [open, setOpen] = useState(false);
  const counts = useRemote<Record<string, number>>({ type: 'tasks.countsByItem', itemIds: [itemId] }, [itemId]);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const count = counts.data?.[itemId] ?? 0;
  const toggle = (): void => {
    setOpen(!open);
    if (!open) call<{ itemTasks: Task[] }>({ type: 'panel.get', url: `https://item.taobao.com/item.htm?id=${itemId}` }).then((d) => setTasks(d.itemTasks)).catch(() => setTasks([]));
  };
  return (
    <span className="zg-row-badge-wrap">
      <button type="button" className={`zg-row-badge ${count > 0 ? 'has' : ''}`} data-item-id={itemId} data-count={count} onClick={toggle} title="掌柜：这个商品的未完成任务 Open tasks for this item">
        {count} 任务
      </button>
      {open && (
        <div className="zg-popover" role="dialog" aria-label={`商品 ${itemId} 的任务`}>
          {tasks === null ? (
            <p className="muted">加载中…</p>
          ) : tasks.length === 0 ? (
            <p className="empty">没有未完成的任务</p>
          ) : (
            <ul>
              {tasks.map((t) => (
                <li key={t.id}>
                  {t.title} <span className="muted">{t.dueDate ?? ''}</span>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="small" onClick={() => requestQuickAdd({ itemId })}>
            ＋ 为这个商品添加任务
          </button>
        </div>
      )}
    </span>
  );
}

/**
 * 商品管理: an open-task count on every item row. Rows render late and
 * re-render on paging, so new rows are picked up by a MutationObserver,
 * batched to one scan per animation frame.
 */
export const rowBadges: Feature = {
  id: 'row-badges',
  include: (page) => page === 'qianniu.sellManage',
  init(signal, { ctx }) {
    let scheduled = false;
    const scan = (): void => {
      scheduled = false;
      if (signal.aborted) return;
      for (const { anchor, itemId } of findItemRows(document, location.href)) {
        if (anchor.hasAttribute(MARK)) continue;
        anchor.setAttribute(MARK, itemId);
        signal.addEventListener('abort', () => anchor.removeAttribute(MARK), { once: true });
        void mountShadow(ctx, signal, { name: 'zhanggui-row-badge', anchor, append: 'last', inline: true, render: () => <RowBadge itemId={itemId} /> });
      }
    };
    const schedule = (): void => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(scan);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    scan();
  },
};
