import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LinkifiedText } from '@/components/collab/LinkifiedText';
import { Markdown } from '@/components/collab/Markdown';
import { parseInline, parseMarkdown } from '@/lib/collab/markdown';

const html = (source: string): string => renderToStaticMarkup(createElement(Markdown, { source }));

describe('parseMarkdown', () => {
  it('reads headings, lists, bold/italic, code and links', () => {
    const blocks = parseMarkdown('# 标题\n\n- 一 **粗**\n- 二 *斜*\n\n1. first\n2. `code`\n\n```\n<b>raw</b>\n```\n\n> 引用\n\n见 [SOP](https://example.com/sop) 和 https://a.example');
    expect(blocks.map((b) => b.t)).toEqual(['heading', 'list', 'list', 'code', 'quote', 'paragraph']);
    expect(html('# 标题')).toBe('<div class="md"><h3>标题</h3></div>');
    expect(html('- 一 **粗**\n- 二 *斜*')).toBe('<div class="md"><ul><li>一 <strong>粗</strong></li><li>二 <em>斜</em></li></ul></div>');
    expect(html('1. a\n2. `x<y`')).toBe('<div class="md"><ol><li>a</li><li><code>x&lt;y</code></li></ol></div>');
    expect(html('见 [SOP](https://example.com/sop)')).toBe('<div class="md"><p>见 <a href="https://example.com/sop" target="_blank" rel="noreferrer noopener">SOP</a></p></div>');
  });
  it('leaves snake_case words alone and joins paragraph lines', () => {
    expect(parseInline('item_rank_page')).toEqual([{ t: 'text', text: 'item_rank_page' }]);
    expect(html('line one\nline two')).toBe('<div class="md"><p>line one line two</p></div>');
  });
});

/** What must never appear in rendered markup: executable elements, handlers, script URLs. */
function assertInert(markup: string): void {
  const tags = [...markup.matchAll(/<([a-z0-9]+)([^>]*)>/gi)];
  for (const [, tag, attrs] of tags) {
    expect(['div', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'pre', 'blockquote', 'a', 'span']).toContain(tag?.toLowerCase());
    expect(attrs).not.toMatch(/\son[a-z]+\s*=/i);
    expect(attrs).not.toMatch(/style\s*=/i);
    for (const href of (attrs ?? '').matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^https?:\/\//);
  }
  expect(markup).not.toMatch(/<(script|iframe|img|svg|object|embed|style|form|input|math|meta|link)\b/i);
  expect(markup).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
}

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<svg onload=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click]( javascript:alert(1) )',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '[x](//evil.example/)',
  '[x](https://ok.example/" onmouseover="alert(1))',
  '**<b onclick=alert(1)>bold</b>**',
  '`<script>alert(1)</script>`',
  '```\n<script>alert(1)</script>\n```',
  '# <a href="javascript:alert(1)">h</a>',
  '- [a](javascript:alert(1)) *<i onmouseover=x>*',
  '<a href="javascript:alert(1)">x</a> https://ok.example/path',
  '[![img](x)](javascript:alert(1))',
  '<style>body{display:none}</style>',
  '<form action=https://evil.example><input name=q></form>',
  'javascript:alert(1)',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
];

describe('markdown is rendered inert', () => {
  it.each(PAYLOADS)('%j', (payload) => {
    const markup = html(payload);
    assertInert(markup);
    // The payload's characters are still there to read, as text.
    if (payload.includes('<script>')) expect(markup).toContain('&lt;script&gt;');
  });
  it('keeps an unsafe link as its text only', () => {
    expect(html('[click](javascript:alert(1))')).toBe('<div class="md"><p>click</p></div>');
  });
  it('the check itself catches unsafe markup', () => {
    expect(() => assertInert('<p><a href="javascript:alert(1)">x</a></p>')).toThrow();
    expect(() => assertInert('<p onclick="x">x</p>')).toThrow();
    expect(() => assertInert('<script>x</script>')).toThrow();
  });
});

describe('LinkifiedText', () => {
  const text = (t: string): string => renderToStaticMarkup(createElement(LinkifiedText, { text: t }));
  it('makes http(s) links and keeps markup as text', () => {
    expect(text('看 https://example.com/a <img src=x onerror=alert(1)>')).toBe(
      '<span>看 </span><a href="https://example.com/a" target="_blank" rel="noreferrer noopener">https://example.com/a</a><span> &lt;img src=x onerror=alert(1)&gt;</span>',
    );
    assertInert(text('javascript:alert(1) data:text/html,<script>alert(1)</script>'));
  });
});
