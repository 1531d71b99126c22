import { browser } from 'wxt/browser';
import { PANEL_STATE_KEY, panelExpanded, panelShownOn, setDocked } from '@/lib/features/dock';
import { HOST_MATCHES } from '@/lib/taobao/hosts';
import { detectPage } from '@/lib/taobao/page-detect';

/**
 * document_start, before the page's first layout: reserves the docked panel's width on the pages
 * that show it (lib/features/dock.ts), so the page is laid out once at its final width and does
 * not jump when the panel appears after its load event. A panel someone collapsed gives the
 * width back as soon as its stored state is read. The panel feature keeps the dock in step from
 * then on (route changes, collapse, expand).
 */
export default defineContentScript({
  // The hosts whose pages show the panel (lib/features/dock.ts panelShownOn).
  matches: [...HOST_MATCHES.qianniu, ...HOST_MATCHES.itemEdit],
  runAt: 'document_start',
  main() {
    if (!panelShownOn(detectPage(location.href))) return;
    setDocked(document, true);
    void browser.storage.local.get(PANEL_STATE_KEY).then((r) => {
      if (!panelExpanded(r[PANEL_STATE_KEY])) setDocked(document, false);
    });
  },
});
