// WXT's browser, not webextension-polyfill: no wrapper to build on the host page's main thread.
import { browser } from 'wxt/browser';
import type { Feature } from '@/lib/features/types';
import { PANEL_WIDTH, panelShownOn, setDocked } from '@/lib/features/dock';
import { frameHash, parseFrameMessage } from '@/lib/features/frame-messages';
import { itemIdFromUrl } from '@/lib/taobao/page-detect';
import { openQuickAdd } from './quick-add-overlay';
import { createShadowHost, el, removeOnAbort } from './shadow-host';

export const PANEL_STATE_KEY = 'zg:panel';

// The host itself is out of flow (fixed, no size): added inline at the end of <body> it made the
// page lay out its whole body again; an out-of-flow box is laid out on its own.
const CSS = `:host { position: fixed; top: 0; right: 0; width: 0; height: 0; z-index: 2147483000; }
iframe { position: fixed; top: 0; right: 0; width: ${PANEL_WIDTH}px; height: 100vh; border: 0; border-left: 1px solid #e5e6eb; background: #fff; z-index: 2147483000; box-shadow: -2px 0 8px rgb(0 0 0 / 6%); }
.tab { position: fixed; right: 0; bottom: 96px; z-index: 2147483000; writing-mode: vertical-rl; padding: 10px 4px; background: #ff5000; color: #fff; border: 0; border-radius: 6px 0 0 6px; cursor: pointer; font-size: 12px; }
[hidden] { display: none !important; }`;

/**
 * The docked task panel on Qianniu and the item edit pages. The panel itself
 * is our extension page in an iframe: it renders in the extension's process,
 * so the host page's main thread only pays for this small frame host.
 */
export const taskPanel: Feature = {
  id: 'task-panel',
  include: (page) => panelShownOn(page),
  async init(signal, { url }) {
    const { host, root } = createShadowHost('zhanggui-panel', CSS);
    const frame = el('iframe', { title: '掌柜任务面板 Zhanggui task panel' });
    frame.src = browser.runtime.getURL(`/panel.html${frameHash('panel', { url: url.href, itemId: itemIdFromUrl(url) })}`);
    const tab = el('button', { className: 'tab', type: 'button', title: '展开掌柜任务面板 Open the Zhanggui panel' }, '掌柜');
    root.append(frame, tab);

    const apply = (expanded: boolean): void => {
      frame.hidden = !expanded;
      tab.hidden = expanded;
      setDocked(document, expanded);
    };
    const stored = (await browser.storage.local.get(PANEL_STATE_KEY))[PANEL_STATE_KEY] as { expanded?: boolean } | undefined;
    if (signal.aborted) return;
    apply(stored?.expanded ?? true);
    tab.addEventListener('click', () => void browser.storage.local.set({ [PANEL_STATE_KEY]: { expanded: true } }));

    // The panel's own collapse button writes the same key; every tab follows it.
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      if (area === 'local' && changes[PANEL_STATE_KEY]) apply((changes[PANEL_STATE_KEY].newValue as { expanded?: boolean } | undefined)?.expanded ?? true);
    };
    browser.storage.onChanged.addListener(onStorage);
    const ours = new URL(frame.src).origin;
    const onMessage = (e: MessageEvent): void => {
      // The origin first: it is a plain string, while contentWindow of an out-of-process frame is
      // costly to reach, and the page's own messages arrive here too.
      if (e.origin !== ours || e.source !== frame.contentWindow) return;
      const msg = parseFrameMessage(e.data);
      if (msg?.zg === 'openQuickAdd') openQuickAdd(msg.itemId ?? itemIdFromUrl(location.href));
    };
    window.addEventListener('message', onMessage);
    signal.addEventListener('abort', () => {
      browser.storage.onChanged.removeListener(onStorage);
      window.removeEventListener('message', onMessage);
      setDocked(document, false);
    });
    document.body.append(host);
    removeOnAbort(signal, host);
  },
};
