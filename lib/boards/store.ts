/**
 * Boards in the Dexie `boards` store (background only). A person sees their own boards and the
 * boards others marked shared — except others' boards that mention money, which only roles that
 * may see finance see (./finance.ts, as the server's RLS does); only the owner may change or
 * delete a board. Rows that fail validation on read are left out and reported, never crash the view.
 */
import type { ZhangguiDb } from '../db/schema';
import { newId } from '../domain/common';
import { UserError, fromZod } from '../workspace/errors';
import { mayViewBoard, type BoardViewer } from './finance';
import { boardInputSchema, boardSchema, type Board } from './model';

export interface BoardList {
  boards: Board[];
  /** Stored rows that no longer validate (skipped). */
  invalid: number;
}

export async function listBoards(db: ZhangguiDb, shopId: string, viewer: BoardViewer): Promise<BoardList> {
  const memberId = viewer.memberId;
  const rows: unknown[] = await db.table('boards').where('shopId').equals(shopId).toArray();
  const boards: Board[] = [];
  let invalid = 0;
  for (const r of rows) {
    const p = boardSchema.safeParse(r);
    if (!p.success) invalid++;
    else if (mayViewBoard(p.data, viewer)) boards.push(p.data);
  }
  boards.sort((a, b) => (a.ownerId === memberId ? 0 : 1) - (b.ownerId === memberId ? 0 : 1) || a.createdAt - b.createdAt);
  return { boards, invalid };
}

/** Creates or updates a board of `ownerId`. Someone else's board cannot be overwritten. */
export async function saveBoard(db: ZhangguiDb, shopId: string, ownerId: string | null, input: unknown, now: number): Promise<Board> {
  if (!ownerId) throw new UserError('请先选择“我是谁” / choose who you are first');
  const parsed = boardInputSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const table = db.table('boards');
  return db.transaction('rw', table, async () => {
    const existing = parsed.data.id ? boardSchema.safeParse(await table.get(parsed.data.id)) : null;
    if (existing?.success && (existing.data.ownerId !== ownerId || existing.data.shopId !== shopId)) {
      throw new UserError('只能修改自己的看板 / only the owner can change this board');
    }
    const board = boardSchema.parse({
      ...parsed.data,
      id: existing?.success ? existing.data.id : (parsed.data.id ?? newId()),
      shopId,
      ownerId,
      createdAt: existing?.success ? existing.data.createdAt : now,
      updatedAt: now,
    });
    await table.put(board);
    return board;
  });
}

export async function deleteBoard(db: ZhangguiDb, boardId: string, memberId: string | null): Promise<void> {
  const table = db.table('boards');
  await db.transaction('rw', table, async () => {
    const row = boardSchema.safeParse(await table.get(boardId));
    if (!row.success) throw new UserError('看板不存在 / no such board');
    if (row.data.ownerId !== memberId) throw new UserError('只能删除自己的看板 / only the owner can delete this board');
    await table.delete(boardId);
  });
}
