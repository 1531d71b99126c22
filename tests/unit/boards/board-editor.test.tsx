// @vitest-environment happy-dom
/** The board editor warns, when a board with money items is shared, who will (not) see it. */
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { BoardEditor } from '../../../components/dashboard/BoardEditor';
import type { Board } from '../../../lib/boards/model';
import { domRoot } from '../dom-root';

const dom = domRoot();

const board = (over: Partial<Board> = {}): Board => ({
  id: 'b1',
  shopId: 's',
  ownerId: 'm',
  name: '销售看板',
  itemId: null,
  shared: false,
  items: [
    { id: 'u', label: '访客数', source: { kind: 'metric', metric: 'uv' }, unit: 'count', target: null, warning: null, higherIsBetter: true },
    { id: 'v', label: 'UV价值', source: { kind: 'formula', formula: 'payAmt / uv' }, unit: 'CNY', target: 6, warning: 4, higherIsBetter: true },
  ],
  createdAt: 1,
  updatedAt: 1,
  ...over,
});
const notice = (): string | null => dom.host().querySelector('[data-share-notice]')?.textContent ?? null;
const shareBox = (): HTMLInputElement => dom.host().querySelector<HTMLInputElement>('input[name="shared"]')!;

describe('board editor: sharing money', () => {
  it('warns once “share” is ticked on a board with money items, in Chinese and English', () => {
    dom.render(<BoardEditor board={board()} financeVisible onDone={() => undefined} />);
    expect(notice()).toBeNull();
    act(() => shareBox().click());
    expect(shareBox().checked).toBe(true);
    expect(notice()).toContain('UV价值');
    expect(notice()).toContain('只有你和店主、运营总监、运营能看到');
    expect(notice()).toContain('visible only to you and the shop owner, ops directors and operators');
    act(() => shareBox().click());
    expect(notice()).toBeNull();
  });

  it('says nothing when a shared board has no money items', () => {
    dom.render(<BoardEditor board={board({ shared: true, items: [board().items[0]!] })} financeVisible={false} onDone={() => undefined} />);
    expect(shareBox().checked).toBe(true);
    expect(notice()).toBeNull();
  });
});
