import Dexie from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { DayIndex } from '@/lib/dashboard/day-index';
import { ZhangguiDb } from '@/lib/db/schema';
import { evaluateBoardItem, lineStatus } from '@/lib/boards/evaluate-board';
import type { BoardItem } from '@/lib/boards/model';
import type { BoardViewer } from '@/lib/boards/finance';
import { deleteBoard, listBoards, saveBoard } from '@/lib/boards/store';
import { rec } from '../dashboard/helpers';

const db = new ZhangguiDb(`zg-boards-${Math.random()}`);
afterAll(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** A viewer with finance rights (the money rule has its own tests below). */
const as = (memberId: string | null, mayFinance = true): BoardViewer => ({ memberId, mayFinance });

const item = (over: Partial<BoardItem> = {}): BoardItem => ({
  id: 'i1',
  label: '加购率',
  source: { kind: 'formula', formula: 'cartByrCnt / uv' },
  unit: 'rate',
  target: 0.1,
  warning: 0.05,
  higherIsBetter: true,
  ...over,
});

describe('board store', () => {
  it('saves a board per person, shows shared boards to others, and only the owner changes it', async () => {
    const mine = await saveBoard(db, 'shop', 'qiang', { name: '我的看板', itemId: null, shared: false, items: [item()] }, 10);
    const shared = await saveBoard(db, 'shop', 'mei', { name: '团队看板', itemId: '700000000001', shared: true, items: [item({ id: 'x', source: { kind: 'metric', metric: 'uv' }, unit: 'count', target: null, warning: null })] }, 20);
    await saveBoard(db, 'shop', 'mei', { name: '美的私人看板', itemId: null, shared: false, items: [] }, 30);
    expect((await listBoards(db, 'shop', as('qiang'))).boards.map((b) => b.name)).toEqual(['我的看板', '团队看板']);
    expect((await listBoards(db, 'shop', as('mei'))).boards.map((b) => b.name)).toEqual(['团队看板', '美的私人看板']);
    await expect(saveBoard(db, 'shop', 'qiang', { ...shared, name: '改名' }, 40)).rejects.toThrow(/only the owner/);
    await expect(deleteBoard(db, shared.id, 'qiang')).rejects.toThrow(/only the owner/);
    const renamed = await saveBoard(db, 'shop', 'qiang', { ...mine, name: '改名' }, 50);
    expect(renamed).toMatchObject({ id: mine.id, name: '改名', createdAt: 10, updatedAt: 50, ownerId: 'qiang' });
    await deleteBoard(db, mine.id, 'qiang');
    expect((await listBoards(db, 'shop', as('qiang'))).boards.map((b) => b.name)).toEqual(['团队看板']);
  });

  it('refuses bad formulas, unknown metrics and a missing owner, saving nothing', async () => {
    const before = await db.table('boards').count();
    await expect(saveBoard(db, 'shop', 'qiang', { name: 'x', itemId: null, shared: false, items: [item({ source: { kind: 'formula', formula: 'constructor(1)' } })] }, 1)).rejects.toThrow(/formula error/);
    await expect(saveBoard(db, 'shop', 'qiang', { name: 'x', itemId: null, shared: false, items: [item({ source: { kind: 'metric', metric: '__proto__' } })] }, 1)).rejects.toThrow(/unknown metric/);
    await expect(saveBoard(db, 'shop', null, { name: 'x', itemId: null, shared: false, items: [] }, 1)).rejects.toThrow(/choose who you are/);
    expect(await db.table('boards').count()).toBe(before);
  });

  it('leaves out others\' shared boards that mention money for a role without finance, as the server does', async () => {
    const money = (id: string, source: BoardItem['source']): BoardItem => item({ id, label: id, source, unit: 'CNY', target: 50000, warning: 30000 });
    await saveBoard(db, 'm', 'op', { name: '销售额', itemId: null, shared: true, items: [item({ id: 'u', source: { kind: 'metric', metric: 'uv' }, unit: 'count' }), money('pay', { kind: 'metric', metric: 'payAmt' })] }, 1);
    const roi = await saveBoard(db, 'm', 'op', { name: 'ROI', itemId: null, shared: true, items: [money('roi', { kind: 'formula', formula: 'payAmt / p4pExpendAmt' })] }, 2);
    await saveBoard(db, 'm', 'op', { name: '加购', itemId: null, shared: true, items: [item()] }, 3);
    await saveBoard(db, 'm', 'op', { name: '运营私人', itemId: null, shared: false, items: [] }, 4);
    await saveBoard(db, 'm', 'cs', { name: '客服的UV价值', itemId: null, shared: true, items: [money('v', { kind: 'formula', formula: 'avg7(uvAvgValue)' })] }, 5);
    const names = async (v: BoardViewer): Promise<string[]> => (await listBoards(db, 'm', v)).boards.map((b) => b.name);
    // cs: the shared board without money and her own money board, not the operator's money boards.
    expect(await names({ memberId: 'cs', mayFinance: false })).toEqual(['客服的UV价值', '加购']);
    expect(await names({ memberId: null, mayFinance: false })).toEqual(['加购']);
    // Finance roles see every shared board; the owner sees their own.
    expect(await names({ memberId: 'boss', mayFinance: true })).toEqual(['销售额', 'ROI', '加购', '客服的UV价值']);
    expect(await names({ memberId: 'op', mayFinance: true })).toEqual(['销售额', 'ROI', '加购', '运营私人', '客服的UV价值']);
    // The current items decide: without its money item cs sees the board, with it again she does not.
    await saveBoard(db, 'm', 'op', { ...roi, items: [item()] }, 6);
    expect(await names({ memberId: 'cs', mayFinance: false })).toEqual(['客服的UV价值', 'ROI', '加购']);
    await saveBoard(db, 'm', 'op', { ...roi, items: [money('roi', { kind: 'formula', formula: 'payAmt / p4pExpendAmt' })] }, 7);
    expect(await names({ memberId: 'cs', mayFinance: false })).toEqual(['客服的UV价值', '加购']);
  });

  it('skips stored rows that no longer validate', async () => {
    await db.table('boards').put({ id: 'broken', shopId: 'shop', ownerId: 'qiang', name: '' });
    const list = await listBoards(db, 'shop', as('qiang'));
    expect(list.invalid).toBe(1);
    expect(list.boards.some((b) => b.id === 'broken')).toBe(false);
  });
});

describe('board figures', () => {
  const days = ['2026-11-20', '2026-11-21', '2026-11-22'];
  const index = new DayIndex(
    [rec('cartByrCnt', '2026-11-20', 10), rec('uv', '2026-11-20', 100), rec('cartByrCnt', '2026-11-21', 30), rec('uv', '2026-11-21', 100), rec('uv', '2026-11-22', 0), rec('cartByrCnt', '2026-11-22', 0)],
    '2026-11-29',
  );
  it('evaluates a formula over the range from sums, and per day with gaps for no value', () => {
    const f = evaluateBoardItem(item(), index, '', days);
    expect(f.value).toBeCloseTo(40 / 200);
    expect(f.daily).toEqual([0.1, 0.3, null]); // 0 / 0 is no value
    expect(f.status).toBe('good');
    expect(f.error).toBeNull();
  });
  it('compares with the target and warning lines in the right direction', () => {
    expect(lineStatus(0.12, item())).toBe('good');
    expect(lineStatus(0.07, item())).toBe('ok');
    expect(lineStatus(0.04, item())).toBe('warning');
    expect(lineStatus(0.04, item({ higherIsBetter: false, target: 0.03, warning: 0.05 }))).toBe('ok');
    expect(lineStatus(0.06, item({ higherIsBetter: false, target: 0.03, warning: 0.05 }))).toBe('warning');
    expect(lineStatus(null, item())).toBe('none');
    expect(lineStatus(1, item({ target: null, warning: null }))).toBe('none');
  });
  it('shows the parse error of a stored formula instead of a number', () => {
    const f = evaluateBoardItem(item({ source: { kind: 'formula', formula: 'uv +' } }), index, '', days);
    expect(f.value).toBeNull();
    expect(f.error).toContain('expected');
  });
});
