// @vitest-environment happy-dom
/**
 * Views that name items: "title (ID)", the ID alone without a title, and a title that looks like
 * markup stays text (titles are page text).
 */
import { describe, expect, it } from 'vitest';
import { FiltersBar } from '../../../components/dashboard/FiltersBar';
import { RulePreviewList } from '../../../components/rules/RulePreviewList';
import { emptyTaskValues, TaskForm } from '../../../components/shared/TaskForm';
import type { PreviewReply } from '../../../lib/rules/messages';
import { domRoot } from '../dom-root';

const ITEM = '700000000001';
const EVIL = '<img src=x onerror="window.__pwned=1">沙发';
const dom = domRoot();
const render = dom.render;

describe('views name items by title and ID, as text', () => {
  it('the rule preview lists each hit’s item', () => {
    const reply: PreviewReply = {
      validation: { ok: true, reasons: [] } as never,
      preview: {
        supported: true,
        hits: [
          { date: '2026-11-18', itemId: ITEM, observed: 500, line: 800, provisional: false },
          { date: '2026-11-19', itemId: '700000000002', observed: 400, line: 800, provisional: false },
        ],
        days: ['2026-11-18', '2026-11-19'],
        items: [ITEM, '700000000002'],
      },
      from: '2026-10-25',
      to: '2026-11-23',
      itemNames: { [ITEM]: EVIL },
    };
    render(<RulePreviewList reply={reply} metric="payAmt" loading={false} />);
    const lines = [...dom.host().querySelectorAll('li')].map((li) => li.textContent);
    expect(lines[0]).toContain('商品 700000000002 ·');
    expect(lines[1]).toContain(`商品 ${EVIL} (${ITEM}) ·`);
    expect(dom.host().querySelector('img')).toBeNull();
  });

  it('the dashboard item filter offers "title (ID)" and keeps the ID as the value', () => {
    render(<FiltersBar filters={{ from: '2026-11-01', to: '2026-11-23', itemId: null }} items={[ITEM, '700000000002']} names={{ [ITEM]: '北欧实木餐桌' }} lastDay={null} onChange={() => {}} />);
    const options = [...dom.host().querySelectorAll('select[name="item"] option')].map((o) => [(o as HTMLOptionElement).value, o.textContent]);
    expect(options).toEqual([
      ['', '全店 Whole shop'],
      [ITEM, `北欧实木餐桌 (${ITEM})`],
      ['700000000002', '700000000002'],
    ]);
  });

  it('the task form shows its linked items’ names under their IDs', () => {
    const form = (names?: Record<string, string>): React.JSX.Element => (
      <TaskForm initial={emptyTaskValues({ itemIds: [ITEM, '700000000002'] })} members={[]} projects={[]} submitLabel="保存" onSubmit={async () => {}} itemNames={names} />
    );
    render(form({ [ITEM]: EVIL }));
    expect(dom.host().querySelector('.item-names')?.textContent).toBe(`${EVIL} (${ITEM})、700000000002`);
    expect(dom.host().querySelector('img')).toBeNull();
    render(form());
    expect(dom.host().querySelector('.item-names')).toBeNull();
  });
});
