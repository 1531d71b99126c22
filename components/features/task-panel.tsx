import type { Feature } from '@/lib/features/types';
import { itemIdFromUrl } from '@/lib/taobao/page-detect';
import { QuickAddDialog } from '../panel/QuickAddDialog';
import { PANEL_WIDTH, TaskPanel } from '../panel/TaskPanel';
import { mountShadow } from './mount';

const DOCK_STYLE_ID = 'zhanggui-dock';

/** Reserves the panel's width at the right of the page so the panel never covers the page's controls. */
function setDocked(expanded: boolean): void {
  let style = document.getElementById(DOCK_STYLE_ID);
  if (!expanded) return style?.remove();
  if (!style) {
    style = document.createElement('style');
    style.id = DOCK_STYLE_ID;
    document.head.append(style);
  }
  style.textContent = `html { margin-right: ${PANEL_WIDTH}px !important; }`;
}

/** The docked task panel with quick-add, on Qianniu and the item edit pages. */
export const taskPanel: Feature = {
  id: 'task-panel',
  include: (page) => page.startsWith('qianniu.') || page === 'itemEdit',
  async init(signal, { ctx, url }) {
    signal.addEventListener('abort', () => setDocked(false), { once: true });
    await mountShadow(ctx, signal, {
      name: 'zhanggui-panel',
      anchor: 'body',
      render: () => (
        <>
          <TaskPanel url={url.href} onDockChange={setDocked} />
          <QuickAddDialog signal={signal} page={() => ({ url: location.href.slice(0, 2000), title: document.title, itemId: itemIdFromUrl(location.href) })} />
        </>
      ),
    });
  },
};
