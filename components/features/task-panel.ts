// WXT's browser, not webextension-polyfill: no wrapper to build on the host page's main thread.
import { browser } from 'wxt/browser';
import type { Feature } from '@/lib/features/types';
import { PANEL_STATE_KEY, PANEL_WIDTH, panelExpanded, panelShownOn, setDocked } from '@/lib/features/dock';
import { frameHash, parseFrameMessage } from '@/lib/features/frame-messages';
import { panelPreview } from '@/lib/features/panel-preview';
import { call } from '@/lib/messaging/client';
import { type StorageChanges, viewsMayChange } from '@/lib/messaging/events';
import { itemIdFromUrl } from '@/lib/taobao/page-detect';
import { openQuickAdd } from './quick-add-overlay';
import { createShadowHost, el, removeOnAbort } from './shadow-host';
import { PREVIEW_CSS, renderPreview } from './task-panel-preview';

// The host itself is out of flow (fixed, no size): added inline at the end of <body> it made the
// page lay out its whole body again; an out-of-flow box is laid out on its own. The frame sits
// under the preview until it has its data, then the preview is hidden.
const CSS = `:host { position: fixed; top: 0; right: 0; width: 0; height: 0; z-index: 2147483000; --zg-width: ${PANEL_WIDTH}px; }
iframe { position: fixed; top: 0; right: 0; width: ${PANEL_WIDTH}px; height: 100vh; border: 0; border-left: 1px solid #e5e6eb; background: #fff; z-index: 2147482999; box-shadow: -2px 0 8px rgb(0 0 0 / 6%); }
.tab { position: fixed; right: 0; bottom: 96px; z-index: 2147483000; writing-mode: vertical-rl; padding: 10px 4px; background: #ff5000; color: #fff; border: 0; border-radius: 6px 0 0 6px; cursor: pointer; font-size: 12px; }
${PREVIEW_CSS}
[hidden] { display: none !important; }`;

/**
 * The longest the panel waits for the host page's load event before it asks the background and
 * places itself (a page whose load never comes still gets its panel). Our frame, added before
 * that event, would also hold it back until the frame had loaded.
 */
const LOAD_WAIT_MAX_MS = 2000;
/** A frame that never says it is ready (an error before its first answer) is shown after this anyway. */
const FRAME_READY_MAX_MS = 3000;

/**
 * The docked task panel on Qianniu and the item edit pages.
 *
 * It opens as a preview drawn here (lib/features/panel-preview.ts: this item's tasks and my
 * tasks, as text), and becomes the full panel — our extension page in an iframe, rendered in the
 * extension's process — when a person reaches for it: the pointer over it or keyboard focus in
 * it creates the frame under the preview, and the frame replaces the preview once it has its data.
 * Creating the frame on every page load cost the host page's main thread ~20 ms (issue 2).
 *
 * The panel is put in place (the page narrowed, the host added) in one go once the host page has
 * had its load event (or after LOAD_WAIT_MAX_MS) and the background has answered, together with
 * the KPI capture's first badges where the capture runs (the workbench): one relayout of the
 * page. A collapsed panel is only its tab.
 */
export const taskPanel: Feature = {
  id: 'task-panel',
  include: (page) => panelShownOn(page),
  async init(signal, { url, firstPaint }) {
    const { host, root } = createShadowHost('zhanggui-panel', CSS);
    const tab = el('button', { className: 'tab', type: 'button', title: '展开掌柜任务面板 Open the Zhanggui panel' }, '掌柜');
    const preview = el('div', { className: 'preview' });
    preview.setAttribute('role', 'complementary');
    preview.setAttribute('aria-label', '掌柜任务面板 Zhanggui task panel');
    root.append(preview, tab);
    let frame: HTMLIFrameElement | null = null;
    let frameReady = false;
    let expanded = false;
    let readyTimer: ReturnType<typeof setTimeout> | undefined;
    let shown = '';

    const showFrame = (): void => {
      clearTimeout(readyTimer);
      frameReady = true;
      preview.hidden = true;
    };
    const openFrame = (): void => {
      if (frame || signal.aborted) return;
      frame = el('iframe', { title: '掌柜任务面板 Zhanggui task panel' });
      frame.src = browser.runtime.getURL(`/panel.html${frameHash('panel', { url: url.href, itemId: itemIdFromUrl(url) })}`);
      root.prepend(frame);
      readyTimer = setTimeout(showFrame, FRAME_READY_MAX_MS);
    };
    const setExpanded = (open: boolean): Promise<void> => browser.storage.local.set({ [PANEL_STATE_KEY]: { expanded: open } });
    const actions = { open: openFrame, quickAdd: (itemId: string | null) => openQuickAdd(itemId ?? itemIdFromUrl(location.href)), collapse: () => void setExpanded(false) };
    preview.addEventListener('pointerenter', openFrame);
    preview.addEventListener('focusin', openFrame);

    /** The preview from a `panel.get` answer; unchanged answers write nothing to the page. */
    const render = (answer: { data: unknown } | { error: string }): void => {
      const p = 'data' in answer ? panelPreview(answer.data) : null;
      const notice = 'error' in answer ? answer.error : p ? null : '面板数据无法读取 / the panel data could not be read';
      const key = JSON.stringify([p, notice]);
      if (key === shown || signal.aborted) return;
      shown = key;
      renderPreview(preview, p, notice, actions);
    };
    const ask = (): Promise<{ data: unknown } | { error: string }> =>
      call({ type: 'panel.get', url: url.href }).then(
        (data) => ({ data }),
        (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
      );
    const refresh = (): void => {
      if (expanded && !frameReady) void ask().then(render);
    };

    const apply = (open: boolean): void => {
      expanded = open;
      preview.hidden = !open || frameReady;
      if (frame) frame.hidden = !open;
      tab.hidden = open;
      setDocked(document, open);
    };
    // Nothing is asked of the extension before the page's load event: a request then wakes our
    // service worker and the browser's storage while the page still parses and lays out, and on a
    // 2-core machine the page's own tasks waited for them (5–10 ms of its main thread per load in
    // back-to-back runs of tests/bench/content). The preview appears one round trip after load.
    await hostLoaded(signal);
    const [expandedAtStart, first] = await Promise.all([
      browser.storage.local.get(PANEL_STATE_KEY).then((r) => panelExpanded(r[PANEL_STATE_KEY])),
      ask(),
    ]);
    if (signal.aborted) return;
    render(first); // into our host, not yet in the page
    expanded = expandedAtStart;
    // Into the page with the other features' first drawing (the KPI capture's badges): one
    // rendering update of the page instead of two (lib/features/first-paint.ts).
    firstPaint.write(() => {
      if (signal.aborted) return;
      apply(expanded);
      // After <body>, not in it: the page's own mutation observers on its body (and ours, the KPI
      // capture's) never hear of the panel, and selectors such as `body > :last-child` keep their match.
      document.documentElement.append(host);
    });
    removeOnAbort(signal, host);
    tab.addEventListener('click', () => void setExpanded(true));

    // The panel's own collapse button writes the same key; every tab follows it. A write by any
    // view bumps DATA_VERSION_KEY: the preview asks again, unless the write was a capture's figures
    // (the frame, once there, asks on every bump).
    const onStorage = (changes: StorageChanges, area: string): void => {
      const state = changes[PANEL_STATE_KEY];
      if (area === 'local' && state) {
        apply(panelExpanded(state.newValue));
        refresh();
      } else if (viewsMayChange(changes, area)) refresh();
    };
    browser.storage.onChanged.addListener(onStorage);
    const ours = new URL(browser.runtime.getURL('/')).origin;
    const onMessage = (e: MessageEvent): void => {
      // The origin first: it is a plain string, while contentWindow of an out-of-process frame is
      // costly to reach, and the page's own messages arrive here too.
      if (e.origin !== ours || !frame || e.source !== frame.contentWindow) return;
      const msg = parseFrameMessage(e.data);
      if (msg?.zg === 'openQuickAdd') openQuickAdd(msg.itemId ?? itemIdFromUrl(location.href));
      if (msg?.zg === 'ready') showFrame();
    };
    window.addEventListener('message', onMessage);
    signal.addEventListener('abort', () => {
      clearTimeout(readyTimer);
      browser.storage.onChanged.removeListener(onStorage);
      window.removeEventListener('message', onMessage);
      setDocked(document, false);
    });
  },
};

/** Resolves once the host page has had its load event, or after LOAD_WAIT_MAX_MS, or on abort. */
function hostLoaded(signal: AbortSignal): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      window.removeEventListener('load', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, LOAD_WAIT_MAX_MS);
    window.addEventListener('load', done);
    signal.addEventListener('abort', done);
  });
}
