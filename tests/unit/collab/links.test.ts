import { describe, expect, it } from 'vitest';
import { safeHref, splitLinks } from '@/lib/collab/links';

describe('splitLinks', () => {
  it('turns http(s) URLs into links and leaves the rest as text', () => {
    expect(splitLinks('看 https://sycm.taobao.com/cc/item_rank?x=1。然后')).toEqual([
      { kind: 'text', text: '看 ' },
      { kind: 'link', text: 'https://sycm.taobao.com/cc/item_rank?x=1', href: 'https://sycm.taobao.com/cc/item_rank?x=1' },
      { kind: 'text', text: '。然后' },
    ]);
  });
  it('drops trailing sentence punctuation from a link', () => {
    const segs = splitLinks('see http://example.com/a).');
    expect(segs[1]).toEqual({ kind: 'link', text: 'http://example.com/a', href: 'http://example.com/a' });
    expect(segs[2]).toEqual({ kind: 'text', text: ').' });
  });
  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '<a href="javascript:alert(1)">x</a>', 'vbscript:msgbox', 'ftp://example.com/x', '//evil.example/x'])(
    'keeps %j as text only',
    (text) => {
      const segs = splitLinks(text);
      expect(segs.every((s) => s.kind === 'text')).toBe(true);
      expect(segs.map((s) => s.text).join('')).toBe(text);
    },
  );
  it('keeps the text intact around several links', () => {
    const text = 'a https://a.example b http://b.example/c?d=e#f c';
    expect(splitLinks(text).map((s) => s.text).join('')).toBe(text);
    expect(splitLinks(text).filter((s) => s.kind === 'link')).toHaveLength(2);
  });
});

describe('safeHref', () => {
  it.each([
    ['https://example.com/x', 'https://example.com/x'],
    ['HTTP://EXAMPLE.com', 'http://example.com/'],
    ['javascript:alert(1)', null],
    ['  javascript:alert(1)', null],
    ['java\nscript:alert(1)', null],
    ['data:image/png;base64,AAAA', null],
    ['/relative', null],
    ['https://', null],
  ])('%j → %j', (raw, want) => expect(safeHref(raw)).toBe(want));
});
