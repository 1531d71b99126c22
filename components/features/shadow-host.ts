/**
 * Page styles reach into a shadow tree only through inherited properties, so the host resets
 * those. Not with `all: initial`: that also resets the element's language, and every font of
 * ours is then looked up afresh for another script, each look-up a synchronous call from the host
 * page's main thread to the browser's font service (Times New Roman, Arial, … on every load,
 * 1–7 ms each on a busy machine, measured in tests/bench/content).
 *
 * The family names a CJK UI font of each platform before the generic sans-serif (macOS, Windows,
 * then the two common Linux ones). With only sans-serif, which on Linux is a Latin font, every
 * Chinese character of ours the page had not shown was a fallback look-up of its own inside the
 * page's layout: 13 such calls per workbench load, ~4 ms of the page's main thread (trace.mjs
 * with ZG_FONTS=1, issue 2). A family a platform lacks costs one look-up, once per page.
 */
const BASE_CSS =
  ':host { font: medium "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: initial; letter-spacing: normal; word-spacing: normal; text-align: start; text-indent: 0; text-transform: none; text-shadow: none; ' +
  'white-space: normal; word-break: normal; overflow-wrap: normal; visibility: visible; cursor: auto; } * { box-sizing: border-box; font-family: inherit; }';

/**
 * Our UI on a host page lives in an open shadow root on a custom element of
 * our own, so page styles cannot reach it and ours cannot leak. Only our own
 * constant CSS goes into it; page and user text is only ever set as text.
 */
export function createShadowHost(tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `${BASE_CSS} ${css}`;
  root.append(style);
  return { host, root };
}

export function removeOnAbort(signal: AbortSignal, ...nodes: Node[]): void {
  signal.addEventListener('abort', () => nodes.forEach((n) => n.parentNode?.removeChild(n)), { once: true });
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  if (text !== undefined) node.textContent = text;
  return node;
}
