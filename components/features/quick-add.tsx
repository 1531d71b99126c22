import type { Feature } from '@/lib/features/types';
import { requestQuickAdd } from '@/lib/features/quick-add-bus';
import { itemIdFromUrl } from '@/lib/taobao/page-detect';
import { QuickAddDialog } from '../panel/QuickAddDialog';
import { mountShadow } from './mount';

/**
 * Quick-add on seller pages without the task panel (Sycm): a small button in
 * the lower right corner, plus the keyboard shortcut routed by the background.
 */
export const quickAdd: Feature = {
  id: 'quick-add',
  include: (page) => page.startsWith('sycm.'),
  async init(signal, { ctx }) {
    await mountShadow(ctx, signal, {
      name: 'zhanggui-quick-add',
      anchor: 'body',
      render: () => (
        <>
          <button type="button" className="zg-fab" title="快速添加任务 Quick-add a task (Alt+Shift+T)" onClick={() => requestQuickAdd({ itemId: null })}>
            ＋
          </button>
          <QuickAddDialog signal={signal} page={() => ({ url: location.href.slice(0, 2000), title: document.title, itemId: itemIdFromUrl(location.href) })} />
        </>
      ),
    });
  },
};
