import type { Feature } from '@/lib/features/types';
import { openQuickAdd } from './quick-add-overlay';
import { createShadowHost, el, removeOnAbort } from './shadow-host';

const CSS = `button { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; width: 36px; height: 36px; border-radius: 18px; border: 0; background: #ff5000; color: #fff; font-size: 20px; cursor: pointer; box-shadow: 0 2px 6px rgb(0 0 0 / 20%); }`;

/** Quick-add on Sycm pages, which have no task panel: a small round button in the lower right corner. */
export const quickAddButton: Feature = {
  id: 'quick-add-button',
  include: (page) => page.startsWith('sycm.'),
  init(signal) {
    const { host, root } = createShadowHost('zhanggui-quick-add-button', CSS);
    const button = el('button', { type: 'button', title: '快速添加任务 Quick-add a task (Alt+Shift+T)' }, '＋');
    button.addEventListener('click', () => openQuickAdd());
    root.append(button);
    document.body.append(host);
    removeOnAbort(signal, host);
  },
};
