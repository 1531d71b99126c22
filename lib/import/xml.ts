/**
 * Just enough XML for the parts of an .xlsx we read (workbook, rels, shared strings, styles,
 * one sheet). These are machine-written, so a tag scanner is enough; no DOMParser (the
 * background service worker has none) and no dependency.
 */
export interface XmlTag {
  name: string;
  attrs: Record<string, string>;
  /** Index just past the tag's `>`. */
  end: number;
  selfClosing: boolean;
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return safeChar(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return safeChar(parseInt(e.slice(1), 10));
    return ENTITY[e] ?? '';
  });
}

function safeChar(cp: number): string {
  return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
}

const ATTR = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function parseAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const m of s.matchAll(ATTR)) out[m[1]!] = decodeEntities(m[3] ?? m[4] ?? '');
  return out;
}

/** Local name without a namespace prefix: `x:row` → `row`. */
function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Every opening (or self-closing) tag named `name` (namespace prefix ignored), in order. */
export function* tags(xml: string, name: string, from = 0, to = xml.length): Generator<XmlTag> {
  // Attribute values are quoted and may contain '>' (a number format like `[>=100]0.0%`).
  const re = /<([\w:.-]+)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    if (local(m[1]!) !== name) continue;
    yield { name: m[1]!, attrs: parseAttrs(m[2] ?? ''), end: re.lastIndex, selfClosing: m[3] === '/' };
  }
}

/** Where the element opened by `tag` closes (index of its `</name>`), or -1. */
export function closeOf(xml: string, tag: XmlTag): number {
  if (tag.selfClosing) return tag.end;
  return xml.indexOf(`</${tag.name}>`, tag.end);
}

/** The text of every `<t>` inside [from, to), joined (rich-text runs), phonetic `<rPh>` runs skipped. */
export function textOf(xml: string, from: number, to: number): string {
  const part = xml.slice(from, to).replace(/<(?:[\w.-]+:)?rPh[\s>][\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  let out = '';
  for (const m of part.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g)) out += decodeEntities(m[1]!);
  return out;
}
