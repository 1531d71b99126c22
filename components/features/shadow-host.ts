/**
 * Our UI on a host page lives in an open shadow root on a custom element of
 * our own, so page styles cannot reach it and ours cannot leak. Only our own
 * constant CSS goes into it; page and user text is only ever set as text.
 */
export function createShadowHost(tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host { all: initial; } * { box-sizing: border-box; font-family: -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; } ${css}`;
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
