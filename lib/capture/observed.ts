/**
 * The channel between the MAIN-world observer (entrypoints/observer.content.ts, which sees the
 * page's own fetch/XHR responses) and the isolated content script: DOM events on the window,
 * which both worlds see. Not window.postMessage: every `message` listener of the page (Qianniu's
 * micro-frontends have several) would be handed each response body we forward. The page can
 * fire these events too, so the isolated side treats each one as untrusted: exact shape,
 * bounded sizes. No imports: the observer bundle must stay tiny.
 */
export const OBSERVED_EVENT = 'zhanggui:observer:response:v1';
/**
 * The isolated side asks for the responses it missed with a DOM event on the window, which both
 * worlds see, not with postMessage: posting a message makes the browser capture the caller's
 * source location, and the first capture in our content script re-parses the whole bundle for
 * its source positions (~3 ms on the host page's main thread, measured). The event carries
 * nothing; the page firing it too only makes the observer hand over the page's own responses again.
 */
export const REPLAY_EVENT = 'zhanggui:observer:replay:v1';

/** Asks the MAIN-world observer to hand over again what it kept (isolated side). */
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

/**
 * The event's detail: `url` and `body` as one string, `url` first up to the first line break.
 * A string crosses from the page's world to ours as a copy in every browser; an object would
 * reach Firefox's content script as a wrapper of a page object. Null when the URL holds a line
 * break (never one the page fetched: URLs are parsed without them).
 */
export function observedDetail(url: string, body: string): string | null {
  return url.includes('\n') ? null : `${url}\n${body}`;
}

/** The response an OBSERVED_EVENT carries, or null when it is not of our shape and sizes. */
export function parseObserved(e: Event): ObservedResponse | null {
  const d = (e as CustomEvent<unknown>).detail;
  if (typeof d !== 'string') return null;
  const cut = d.indexOf('\n');
  if (cut <= 0 || cut > MAX_URL || d.length - cut - 1 > MAX_BODY_CHARS) return null;
  return { url: d.slice(0, cut), body: d.slice(cut + 1) };
}
