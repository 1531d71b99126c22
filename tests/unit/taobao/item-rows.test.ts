import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { findItemRows } from '@/lib/taobao/item-rows';

const FIXTURES = new URL('../../../../shared/fixtures/taobao/', import.meta.url);
const URL_SM = 'https://myseller.taobao.com/home.htm/SellManage/all';
function load(html: string): Document {
  const w = new Window({ url: URL_SM, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  w.document.write(html);
  return w.document as unknown as Document;
}

describe('item rows on 商品管理', () => {
  it('finds every row of the saved SellManage page with its item ID, anchored in the title cell', () => {
    const doc = load(readFileSync(new URL('qianniu/sell-manage.html', FIXTURES), 'utf8'));
    const rows = findItemRows(doc, URL_SM);
    expect(rows.map((r) => r.itemId)).toEqual(['700000000001', '700000000002', '700000000003']);
    for (const r of rows) expect(r.anchor.textContent).toContain(`ID: ${r.itemId}`);
  });
  it('reads the ID from links when rows carry no data attribute (protocol-relative links too)', () => {
    const doc = load(`<table><tbody>
      <tr class="next-table-row"><td><a href="//item.taobao.com/item.htm?spm=a1&id=612345678901">桌子</a></td><td>¥9</td></tr>
      <tr class="next-table-row"><td>椅子</td><td><a href="https://item.upload.taobao.com/sell/v2/publish.htm?itemId=612345678902">编辑</a></td></tr>
    </tbody></table>`);
    expect(findItemRows(doc, URL_SM).map((r) => r.itemId)).toEqual(['612345678901', '612345678902']);
  });
  it('skips rows that name two different items or none', () => {
    const doc = load(`<table><tbody><tr class="next-table-row"><td><a href="item.htm?id=111111">a</a><a href="item.htm?id=222222">b</a></td></tr><tr class="next-table-row"><td>合计</td></tr></tbody></table>`);
    expect(findItemRows(doc, URL_SM)).toEqual([]);
  });
});
