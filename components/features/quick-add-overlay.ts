// WXT's browser, not webextension-polyfill: no wrapper to build on the host page's main thread.
import { browser } from 'wxt/browser';
import { frameHash, parseFrameMessage } from '@/lib/features/frame-messages';
import { itemIdFromUrl } from '@/lib/taobao/page-detect';
import { createShadowHost, el } from './shadow-host';

// Above our notices (2147483002): a dialog the person opened covers them until it closes.
const CSS = `.backdrop { position: fixed; inset: 0; z-index: 2147483003; background: rgb(0 0 0 / 30%); display: flex; align-items: center; justify-content: center; }
iframe { width: min(540px, 94vw); height: min(620px, 92vh); border: 0; border-radius: 8px; background: #fff; box-shadow: 0 8px 24px rgb(0 0 0 / 20%); }`;

let open: (() => void) | null = null;

/**
 * Quick-add: a dialog (our panel.html in quick-add mode) over the page that
 * records the page's URL, title and item ID. One at a time; Esc, 取消 or
 * saving closes it.
 */
export function openQuickAdd(itemId: string | null = itemIdFromUrl(location.href)): void {
  if (open) return;
  const { host, root } = createShadowHost('zhanggui-quick-add', CSS);
  const frame = el('iframe', { title: '快速添加任务 Quick-add a task' });
  frame.src = browser.runtime.getURL(`/panel.html${frameHash('quick-add', { url: location.href, title: document.title, itemId })}`);
  const backdrop = el('div', { className: 'backdrop' });
  backdrop.append(frame);
  root.append(backdrop);
  const close = (): void => {
    window.removeEventListener('message', onMessage);
    window.removeEventListener('keydown', onKey, true);
    host.remove();
    open = null;
  };
  const onMessage = (e: MessageEvent): void => {
    if (e.source !== frame.contentWindow) return;
    if (parseFrameMessage(e.data)?.zg === 'close') close();
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') close();
  };
  backdrop.addEventListener('click', (e) => e.target === backdrop && close());
  window.addEventListener('message', onMessage);
  window.addEventListener('keydown', onKey, true);
  document.body.append(host);
  open = close;
}

export function closeQuickAdd(): void {
  open?.();
}
