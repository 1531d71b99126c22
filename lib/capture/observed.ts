/**
 * The channel between the MAIN-world observer (entrypoints/observer.content.ts, which sees the
 * page's own fetch/XHR responses) and the isolated content script. window.postMessage is
 * visible to the page, and the page can post anything on it, so the isolated side treats every
 * message as untrusted: same window only, exact shape, bounded sizes. No imports: the observer
 * bundle must stay tiny.
 */
export const OBSERVER_TAG = 'zhanggui:observer:v1';
/**
 * The isolated side asks for the responses it missed with a DOM event on the window, which both
 * worlds see, not with postMessage: posting a message makes the browser capture the caller's
 * source location, and the first capture in our content script re-parses the whole bundle for
 * its source positions (~3 ms on the host page's main thread, measured). The event carries
 * nothing; the page firing it too only makes the observer post the page's own responses again.
 */
export const REPLAY_EVENT = 'zhanggui:observer:replay:v1';

/** Asks the MAIN-world observer to post again what it kept (isolated side). */
export function requestReplay(win: Pick<Window & typeof globalThis, 'dispatchEvent' | 'CustomEvent'>): void {
  win.dispatchEvent(new win.CustomEvent(REPLAY_EVENT));
}
/** Bodies above this are not forwarded (the JSON we read is a few kB; a 2 MB body is not a KPI response). */
export const MAX_BODY_CHARS = 2 * 1024 * 1024;
const MAX_URL = 4000;

export interface ObservedResponse {
  url: string;
  body: string;
}

/** Messages on the channel: a response the page received. */
export type ObserverMessage = { tag: typeof OBSERVER_TAG; kind: 'response'; url: string; body: string };

/**
 * A forwarded response from a window message, or null. Only messages from this very window
 * (`source === self`) with the exact shape and sizes are accepted.
 */
export function parseObserved(e: { source: unknown; data: unknown }, self: unknown): ObservedResponse | null {
  if (e.source !== self) return null;
  const d = e.data;
  if (typeof d !== 'object' || d === null) return null;
  const m = d as Record<string, unknown>;
  if (m.tag !== OBSERVER_TAG || m.kind !== 'response') return null;
  if (typeof m.url !== 'string' || typeof m.body !== 'string') return null;
  if (m.url.length === 0 || m.url.length > MAX_URL || m.body.length > MAX_BODY_CHARS) return null;
  return { url: m.url, body: m.body };
}
