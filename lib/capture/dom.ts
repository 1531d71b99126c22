/**
 * Small DOM helpers shared by the readers. They use only what both a browser and happy-dom
 * provide, and no globals (`Node`, `NodeFilter`, `document`): the same code runs in the
 * content script and in the Node capture command.
 */
import { S, type SelectorEntry, variants } from '../taobao/selectors';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
const SKIP_TEXT_OF = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

type Test = (el: Element) => boolean;

/**
 * One registry variant as a plain predicate. The simple forms readers meet per element (a
 * class, a tag, a class substring, a role) are checked directly: happy-dom's matches() and
 * closest() cost tens of microseconds each, which adds up over 500 cells. Anything else
 * falls back to matches().
 */
function compile(variant: string): Test {
  const v = variant.trim();
  let m: RegExpExecArray | null;
  if ((m = /^\.([\w-]+)$/.exec(v))) {
    const cls = m[1] as string;
    return (el) => el.classList.contains(cls);
  }
  if (/^[a-z][a-z0-9]*$/i.test(v)) {
    const tag = v.toUpperCase();
    return (el) => el.tagName.toUpperCase() === tag;
  }
  if ((m = /^\[class\*="([^"]+)"\]$/.exec(v))) {
    const part = m[1] as string;
    return (el) => (el.getAttribute('class') ?? '').includes(part);
  }
  if ((m = /^\[role="([^"]+)"\]$/.exec(v))) {
    const role = m[1] as string;
    return (el) => el.getAttribute('role') === role;
  }
  return (el) => el.matches(v);
}

const compiled = new WeakMap<SelectorEntry, Test>();

/** Whether an element matches any variant of a registry entry. */
export function matchesEntry(el: Element, entry: SelectorEntry): boolean {
  let test = compiled.get(entry);
  if (!test) {
    const tests = variants(entry).flatMap((v) => v.split(/,(?![^[(]*[\])])/)).map(compile);
    test = (e) => tests.some((t) => t(e));
    compiled.set(entry, test);
  }
  return test(el);
}

/** The nearest ancestor-or-self matching a registry entry (closest(), without the selector engine). */
export function closestEntry(el: Element, entry: SelectorEntry): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) if (matchesEntry(e, entry)) return e;
  return null;
}

/**
 * The first descendant matching a registry entry, in document order (querySelector without the
 * selector engine: a KPI cell has a handful of descendants, and 500 cells × 2 lookups add up).
 */
export function findEntry(root: Element, entry: SelectorEntry): Element | null {
  for (let c = root.firstElementChild; c; c = c.nextElementSibling) {
    if (matchesEntry(c, entry)) return c;
    const deeper = findEntry(c, entry);
    if (deeper) return deeper;
  }
  return null;
}

/** Whitespace-collapsed text of a node. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/[\s\u00a0\u200b\u3000]+/g, ' ').trim();
}

/**
 * The label text of an element without its help icons and tooltip bodies, which pages render
 * inside the label element (`支付金额<i class="help">统计时间内…</i>`).
 */
export function labelTextOf(el: Element): string {
  let out = '';
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE) out += c.nodeValue ?? '';
      else if (c.nodeType === ELEMENT_NODE && !matchesEntry(c as Element, S.labelDecoration)) walk(c);
    }
  };
  walk(el);
  return out.replace(/[\s\u00a0\u200b\u3000]+/g, ' ').trim();
}

/**
 * Every non-empty text node under `root` outside script/style, in document order, with its
 * parent element. One walk for the whole page: readers must not query the document per label.
 */
export function textNodes(root: Element): Array<{ text: string; el: Element }> {
  const out: Array<{ text: string; el: Element }> = [];
  const walk = (n: Element): void => {
    if (SKIP_TEXT_OF.has(n.tagName)) return;
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === ELEMENT_NODE) walk(c as Element);
      else if (c.nodeType === TEXT_NODE) {
        const text = (c.nodeValue ?? '').trim();
        if (text) out.push({ text, el: n });
      }
    }
  };
  walk(root);
  return out;
}

/** An element hidden by markup (hidden attribute, aria-hidden, inline display:none). */
export function isHiddenByMarkup(el: Element | null): boolean {
  for (let e = el; e; e = e.parentElement) {
    if (e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true') return true;
    const style = e.getAttribute('style');
    if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  }
  return false;
}

/** Resolve a link against the page URL without relying on the DOM's own base URL. */
export function resolveHref(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

/** The cells of a table row by column index, expanding colspan (readers and badges count columns the same way). */
export function cellsByColumn(row: Element): Element[] {
  const out: Element[] = [];
  for (const c of Array.from(row.children)) {
    if (c.tagName !== 'TD' && c.tagName !== 'TH') continue;
    const span = Math.min(Math.max(Number(c.getAttribute('colspan') ?? 1) || 1, 1), 50);
    for (let i = 0; i < span; i++) out.push(c);
  }
  return out;
}
