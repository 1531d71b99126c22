import { browser } from 'wxt/browser';
import { PANEL_STATE_KEY, panelExpanded, panelShownOn, setDocked } from '@/lib/features/dock';
import { detectPage } from '@/lib/taobao/page-detect';

/**
 * document_start, before the page's first layout: reserves the docked panel's width on the pages
 * that show it (lib/features/dock.ts), so the page is laid out once at its final width and does
 * not jump when the panel appears after its load event. A panel someone collapsed gives the
 * width back as soon as its stored state is read. The panel feature keeps the dock in step from
 * then on (route changes, collapse, expand).
 *
 * An unlisted script that wxt.config.ts lists as a content script itself (DOCK_CONTENT_SCRIPT):
 * WXT wraps a content script in a context (an abort controller, a "started" event on the page's
 * document and a listener for newer copies) that this one-shot script has no use for, and that
 * cost the host page's main thread on every load.
 */
export default defineUnlistedScript(() => {
  if (!panelShownOn(detectPage(location.href))) return;
  setDocked(document, true);
  void browser.storage.local.get(PANEL_STATE_KEY).then((r) => {
    if (!panelExpanded(r[PANEL_STATE_KEY])) setDocked(document, false);
  });
});
