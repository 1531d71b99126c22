/**
 * Messages between our extension frames (the panel and the quick-add dialog,
 * rendered from panel.html) and the content script that hosts them. The
 * content script only accepts a message whose source is one of its own
 * frames, and checks its shape; nothing here carries data we store.
 */
/** `ready`: the panel frame has its data on screen (its host then swaps it in for the preview). */
export type FrameMessage = { zg: 'openQuickAdd'; itemId: string | null } | { zg: 'close' } | { zg: 'ready' };

export function parseFrameMessage(data: unknown): FrameMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.zg === 'close') return { zg: 'close' };
  if (m.zg === 'ready') return { zg: 'ready' };
  if (m.zg === 'openQuickAdd') {
    const itemId = typeof m.itemId === 'string' && /^\d{5,20}$/.test(m.itemId) ? m.itemId : null;
    return { zg: 'openQuickAdd', itemId };
  }
  return null;
}

/** Where a frame is opened: the page it belongs to travels in the hash, never through the page's own code. */
export function frameHash(view: 'panel' | 'quick-add', params: { url: string; title?: string; itemId?: string | null }): string {
  const q = new URLSearchParams({ url: params.url.slice(0, 2000) });
  if (params.title) q.set('title', params.title.slice(0, 300));
  if (params.itemId) q.set('itemId', params.itemId);
  return `#/${view}?${q.toString()}`;
}
