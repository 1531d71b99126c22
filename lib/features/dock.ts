import { isSensitivePage, type PageKind } from '../taobao/page-detect';

/**
 * The docked panel reserves its width at the right of the page so it never
 * covers the page's own controls: a style of ours on <html>, removed when the
 * panel is collapsed or the route leaves the panel's pages. It is added at
 * document_start (entrypoints/dock.ts), so the page lays itself out at
 * its narrowed width from its first layout instead of twice, and does not jump
 * when the panel appears after the page's load event.
 */
export const PANEL_WIDTH = 320;
export const DOCK_STYLE_ID = 'zhanggui-dock';
/** Where the panel's collapsed/expanded state is kept (storage.local), shared by every tab and the panel frame. */
export const PANEL_STATE_KEY = 'zg:panel';

/** The stored panel state: expanded unless someone collapsed it. */
export function panelExpanded(stored: unknown): boolean {
  return !(typeof stored === 'object' && stored !== null && (stored as { expanded?: unknown }).expanded === false);
}

/** Pages that show the docked task panel (Qianniu, except pages we never touch, and the item editors). */
export function panelShownOn(page: PageKind | null): boolean {
  if (page === null || isSensitivePage(page)) return false;
  return page.startsWith('qianniu.') || page === 'itemEdit';
}

export function setDocked(doc: Document, expanded: boolean): void {
  let style = doc.getElementById(DOCK_STYLE_ID);
  if (!expanded) return void style?.remove();
  if (style) return;
  style = doc.createElement('style');
  style.id = DOCK_STYLE_ID;
  style.textContent = `html { margin-right: ${PANEL_WIDTH}px !important; }`;
  (doc.head ?? doc.documentElement).append(style);
}
