/**
 * Money on custom boards (lib/boards/finance.ts), the client's mirror of the server's rule
 * (private.board_mentions_finance and the boards select policy in
 * supabase/migrations/20261129000600_money_boards.sql; pgTAP cases in 07_area_records).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boardMentionsFinance, boardViewer, FINANCE_CODES, itemMentionsFinance, mayViewBoard, shareNotice } from '@/lib/boards/finance';
import type { Board, BoardItem } from '@/lib/boards/model';
import { ROLES } from '@/lib/domain/roles';

const formula = (f: string): Pick<BoardItem, 'source'> => ({ source: { kind: 'formula', formula: f } });
const metric = (m: string): Pick<BoardItem, 'source'> => ({ source: { kind: 'metric', metric: m } });

describe('money mentions', () => {
  it('uses the same five codes as the server', () => {
    expect([...FINANCE_CODES].sort()).toEqual(['p4pExpendAmt', 'payAmt', 'payPct', 'rfdSucAmt', 'uvAvgValue']);
    const sql = readFileSync(new URL('../../../supabase/migrations/20261129000600_money_boards.sql', import.meta.url), 'utf8');
    const list = /function private\.finance_metrics\(\)[\s\S]*?'\{([^}]*)\}'::text\[\]/.exec(sql)?.[1];
    expect(list?.split(',').sort()).toEqual([...FINANCE_CODES].sort());
  });

  it('finds money metric items and money codes named as whole words in formulas (the server\'s cases)', () => {
    const yes = [metric('payAmt'), metric('uvAvgValue'), formula('payAmt / uv'), formula('0.5*avg7(payPct)'), formula('(rfdSucAmt)/payByrCnt'), formula('uv\np4pExpendAmt'), formula('（payAmt）/uv + 支付rfdSucAmt')];
    const no = [metric('uv'), metric('payRate'), formula('cartByrCnt / uv'), formula('payAmtX / uv + xpayPct + pay_Amt + payamt'), formula('')];
    expect(yes.map(itemMentionsFinance)).toEqual(yes.map(() => true));
    expect(no.map(itemMentionsFinance)).toEqual(no.map(() => false));
    // A stored item is read whatever its kind says, as the server does.
    expect(itemMentionsFinance({ source: { kind: 'formula', formula: 'uv', metric: 'payAmt' } as never })).toBe(true);
    expect(boardMentionsFinance({ items: [metric('uv'), formula('payAmt / uv')] })).toBe(true);
    expect(boardMentionsFinance({ items: [metric('uv')] })).toBe(false);
    expect(boardMentionsFinance({ items: [] })).toBe(false);
  });
});

describe('who sees a board', () => {
  const board = (ownerId: string, shared: boolean, items: Pick<BoardItem, 'source'>[]): Pick<Board, 'ownerId' | 'shared' | 'items'> => ({ ownerId, shared, items: items as BoardItem[] });
  const money = board('op', true, [metric('uv'), formula('payAmt / uv')]);
  const plain = board('op', true, [formula('cartByrCnt / uv')]);
  const privateMoney = board('op', false, [metric('payAmt')]);

  it('shows a shared money board only to finance roles and its owner, like the RLS policy', () => {
    const seeing = (b: Pick<Board, 'ownerId' | 'shared' | 'items'>): string[] => ROLES.filter((r) => mayViewBoard(b, boardViewer(`m-${r}`, r)));
    expect(seeing(money)).toEqual(['owner', 'ops_director', 'operator']);
    expect(seeing(plain)).toEqual([...ROLES]);
    expect(seeing(privateMoney)).toEqual([]);
    // The owner always sees their own board, whatever their role.
    expect(mayViewBoard(board('m-cs', true, [metric('payAmt')]), boardViewer('m-cs', 'cs'))).toBe(true);
    expect(mayViewBoard(privateMoney, boardViewer('op', 'designer'))).toBe(true);
    // Nobody chosen yet: no money boards.
    expect(mayViewBoard(money, boardViewer(null, null))).toBe(false);
    expect(mayViewBoard(plain, boardViewer(null, null))).toBe(true);
  });
});

describe('the editor\'s notice when sharing money', () => {
  const items = [{ label: '访客数', ...metric('uv') }, { label: '销售额', ...metric('payAmt') }, { label: 'UV价值', ...formula('payAmt / uv') }];

  it('names the money items and who will see the board, in Chinese and English', () => {
    const n = shareNotice({ shared: true, items });
    expect(n?.labels).toEqual(['销售额', 'UV价值']);
    expect(n?.zh).toContain('只有你和店主、运营总监、运营能看到');
    expect(n?.en).toMatch(/only to you and the shop owner, ops directors and operators/);
  });

  it('says nothing for a private board or a board without money', () => {
    expect(shareNotice({ shared: false, items })).toBeNull();
    expect(shareNotice({ shared: true, items: [items[0]!] })).toBeNull();
  });
});
