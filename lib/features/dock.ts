import { isSensitivePage, type PageKind } from '../taobao/page-detect';

/**
 * The docked panel reserves its width at the right of the page so it never
 * covers the page's own controls: a style of ours on <html>, removed when the
 * panel is collapsed or the route leaves the panel's pages. It is first added
 * at document_start (entrypoints/dock.content.ts) so the page's first layout is
 * already the narrowed one: added with the panel at document_idle it cost the
 * page a second full layout.
 */
export const PANEL_WIDTH = 320;
export const DOCK_STYLE_ID = 'zhanggui-dock';
/** storage.local key of the panel's state ({expanded}); the panel page writes it too. */
export const PANEL_STATE_KEY = 'zg:panel';

/** Whether the stored panel state (storage.local[PANEL_STATE_KEY]) is expanded; expanded unless collapsed. */
export function expandedIn(stored: Record<string, unknown>): boolean {
  return (stored[PANEL_STATE_KEY] as { expanded?: boolean } | undefined)?.expanded ?? true;
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
