// WXT's browser, not webextension-polyfill: no wrapper to build on the host page's main thread.
import { browser } from 'wxt/browser';
import { expandedIn, PANEL_STATE_KEY, panelShownOn, setDocked } from '@/lib/features/dock';
import { detectPage } from '@/lib/taobao/page-detect';

/**
 * Reserves the docked panel's width before the page's first layout. The panel itself is added
 * at document_idle (components/features/task-panel.ts); narrowing the page then cost the host
 * page a second full layout (~14 ms on the Qianniu workbench). Started at document_start, the
 * stored panel state usually arrives before the first layout, so the page is laid out once,
 * already narrowed. The task panel owns the dock from then on (collapse, route changes), and
 * the seller script gives the width back on a page where the panel does not start.
 */
export default defineContentScript({
  matches: ['https://myseller.taobao.com/*', 'https://qn.taobao.com/*', 'https://item.upload.taobao.com/*', 'https://sell.publish.tmall.com/*'],
  runAt: 'document_start',
  main() {
    const shown = (): boolean => panelShownOn(detectPage(location.href));
    if (!shown()) return;
    // Storage answers in order: this read resolves before the task panel's own read of the same key.
    browser.storage.local.get(PANEL_STATE_KEY).then(
      (stored) => {
        if (shown() && expandedIn(stored)) setDocked(document, true);
      },
      () => {},
    );
  },
});
