import { isSensitivePage, type PageKind } from '../taobao/page-detect';

/**
 * The docked panel reserves its width at the right of the page so it never
 * covers the page's own controls: a style of ours on <html>, removed when the
 * panel is collapsed or the route leaves the panel's pages. (Adding it at
 * document_start to spare the page one layout was measured: no gain.)
 */
export const PANEL_WIDTH = 320;
export const DOCK_STYLE_ID = 'zhanggui-dock';

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
