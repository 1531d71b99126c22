import { safeHref, splitLinks } from './links';

/**
 * A small markdown reader for SOPs and 复盘 notes: headings, lists, bold,
 * italic, inline and fenced code, links. It returns a tree of plain data that
 * components/collab/Markdown.tsx turns into React elements; nothing is ever
 * HTML. Raw HTML in the source stays text, and a link whose target is not
 * http(s) (javascript:, data:, relative) is rendered as its text only.
 */
export type Inline =
  | { t: 'text'; text: string }
  | { t: 'strong'; children: Inline[] }
  | { t: 'em'; children: Inline[] }
  | { t: 'code'; text: string }
  | { t: 'link'; href: string; children: Inline[] };

export type Block =
  | { t: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { t: 'paragraph'; children: Inline[] }
  | { t: 'list'; ordered: boolean; items: Inline[][] }
  | { t: 'code'; text: string }
  | { t: 'quote'; children: Inline[] };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const ORDERED = /^\s*\d{1,9}[.)]\s+(.*)$/;
const FENCE = /^\s*```/;
const QUOTE = /^\s*>\s?(.*)$/;

export function parseMarkdown(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const out: Block[] = [];
  let para: string[] = [];
  const flush = (): void => {
    if (para.length) out.push({ t: 'paragraph', children: parseInline(para.join(' ')) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (FENCE.test(line)) {
      flush();
      const body: string[] = [];
      for (i++; i < lines.length && !FENCE.test(lines[i] ?? ''); i++) body.push(lines[i] ?? '');
      out.push({ t: 'code', text: body.join('\n') });
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      flush();
      out.push({ t: 'heading', level: (h[1] ?? '#').length as 1 | 2 | 3 | 4 | 5 | 6, children: parseInline(h[2] ?? '') });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    if (bullet || ordered) {
      flush();
      const isOrdered = !bullet;
      const items: Inline[][] = [];
      for (; i < lines.length; i++) {
        const m = (isOrdered ? ORDERED : BULLET).exec(lines[i] ?? '');
        if (!m) break;
        items.push(parseInline(m[1] ?? ''));
      }
      i--;
      out.push({ t: 'list', ordered: isOrdered, items });
      continue;
    }
    const q = QUOTE.exec(line);
    if (q) {
      flush();
      out.push({ t: 'quote', children: parseInline(q[1] ?? '') });
      continue;
    }
    para.push(line.trim());
  }
  flush();
  return out;
}

/** Inline markup, left to right: `code`, [text](url), **bold**, *italic* / _italic_, bare http(s) URLs. */
export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const pushText = (): void => {
    if (!text) return;
    for (const seg of splitLinks(text)) out.push(seg.kind === 'link' ? { t: 'link', href: seg.href, children: [{ t: 'text', text: seg.text }] } : { t: 'text', text: seg.text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? '';
    // Markup starts only at these characters: everything else is text, read without regexes.
    if (ch !== '`' && ch !== '[' && ch !== '*' && ch !== '_') {
      text += ch;
      i++;
      continue;
    }
    const rest = src.slice(i);
    const code = /^`([^`]+)`/.exec(rest);
    if (code) {
      pushText();
      out.push({ t: 'code', text: code[1] ?? '' });
      i += code[0].length;
      continue;
    }
    // The target may hold one level of balanced parentheses: [a](https://x/y_(z)).
    const link = /^\[([^\]]*)\]\(\s*((?:[^()\s]|\([^()\s]*\))*)(?:\s+"[^"]*")?\s*\)/.exec(rest);
    if (link) {
      pushText();
      const href = safeHref(link[2] ?? '');
      const children = parseInline(link[1] ?? '');
      // An unsafe target keeps only the link's text: nothing clickable, nothing executable.
      if (href) out.push({ t: 'link', href, children });
      else out.push(...children);
      i += link[0].length;
      continue;
    }
    const strong = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest);
    if (strong) {
      pushText();
      out.push({ t: 'strong', children: parseInline(strong[2] ?? '') });
      i += strong[0].length;
      continue;
    }
    const em = /^(\*|_)(?=\S)([\s\S]*?\S)\1/.exec(rest);
    if (em && !(em[1] === '_' && /\w/.test(src[i - 1] ?? ''))) {
      pushText();
      out.push({ t: 'em', children: parseInline(em[2] ?? '') });
      i += em[0].length;
      continue;
    }
    text += src[i];
    i++;
  }
  pushText();
  return out;
}
