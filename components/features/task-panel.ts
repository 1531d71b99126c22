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

/** A frame added before the host page's load event holds that event back until the frame has loaded. */
const FRAME_AFTER_LOAD_MAX_MS = 2000;

/**
 * The docked task panel on Qianniu and the item edit pages. The panel itself
 * is our extension page in an iframe: it renders in the extension's process,
 * so the host page's main thread only pays for this small frame host.
 *
 * The panel is put in place (the page narrowed, the host and, when open, the
 * frame added) in one go once the host page has had its load event (or after
 * FRAME_AFTER_LOAD_MAX_MS): one relayout of the page, and our frame never holds
 * that event back. A collapsed panel is only its tab: the frame is created the
 * first time the panel is opened.
 */
export const taskPanel: Feature = {
  id: 'task-panel',
  include: (page) => panelShownOn(page),
  async init(signal, { url }) {
    const { host, root } = createShadowHost('zhanggui-panel', CSS);
    const tab = el('button', { className: 'tab', type: 'button', title: '展开掌柜任务面板 Open the Zhanggui panel' }, '掌柜');
    root.append(tab);
    let frame: HTMLIFrameElement | null = null;

    const apply = (expanded: boolean): void => {
      if (expanded && !frame) {
        frame = el('iframe', { title: '掌柜任务面板 Zhanggui task panel' });
        frame.src = browser.runtime.getURL(`/panel.html${frameHash('panel', { url: url.href, itemId: itemIdFromUrl(url) })}`);
        root.prepend(frame);
      }
      if (frame) frame.hidden = !expanded;
      tab.hidden = expanded;
      setDocked(document, expanded);
    };
    const [stored] = await Promise.all([browser.storage.local.get(PANEL_STATE_KEY).then((r) => r[PANEL_STATE_KEY] as { expanded?: boolean } | undefined), hostLoaded(signal)]);
    if (signal.aborted) return;
    apply(stored?.expanded ?? true);
    document.body.append(host);
    removeOnAbort(signal, host);
    tab.addEventListener('click', () => void browser.storage.local.set({ [PANEL_STATE_KEY]: { expanded: true } }));

    // The panel's own collapse button writes the same key; every tab follows it.
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      if (area === 'local' && changes[PANEL_STATE_KEY]) apply((changes[PANEL_STATE_KEY].newValue as { expanded?: boolean } | undefined)?.expanded ?? true);
    };
    browser.storage.onChanged.addListener(onStorage);
    const ours = new URL(browser.runtime.getURL('/')).origin;
    const onMessage = (e: MessageEvent): void => {
      // The origin first: it is a plain string, while contentWindow of an out-of-process frame is
      // costly to reach, and the page's own messages arrive here too.
      if (e.origin !== ours || !frame || e.source !== frame.contentWindow) return;
      const msg = parseFrameMessage(e.data);
      if (msg?.zg === 'openQuickAdd') openQuickAdd(msg.itemId ?? itemIdFromUrl(location.href));
    };
    window.addEventListener('message', onMessage);
    signal.addEventListener('abort', () => {
      browser.storage.onChanged.removeListener(onStorage);
      window.removeEventListener('message', onMessage);
      setDocked(document, false);
    });
  },
};

/** Resolves once the host page has had its load event, or after FRAME_AFTER_LOAD_MAX_MS, or on abort. */
function hostLoaded(signal: AbortSignal): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      window.removeEventListener('load', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, FRAME_AFTER_LOAD_MAX_MS);
    window.addEventListener('load', done);
    signal.addEventListener('abort', done);
  });
}
