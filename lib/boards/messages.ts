import { z } from 'zod';
import { defineArea, type Services } from '../messaging/area';
import { UserError } from '../workspace/errors';
import { boardViewer, type BoardViewer } from './finance';
import { deleteBoard, listBoards, saveBoard } from './store';

/** Custom boards: list (mine + shared; others' money boards to finance roles only), save (mine only), delete (mine only). */
export const boardsRequests = [
  z.object({ type: z.literal('boards.list') }),
  z.object({ type: z.literal('boards.save'), board: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('boards.delete'), id: z.string().min(1).max(64) }),
] as const;

async function who(services: Services): Promise<{ shopId: string; meId: string | null; viewer: BoardViewer }> {
  const s = await services.workspace.state();
  if (!s.shop) throw new UserError('请先完成店铺设置 / set up the shop first');
  // No member chosen yet: no money boards of others rather than all of them.
  const me = s.members.find((m) => m.id === s.meId) ?? null;
  return { shopId: s.shop.id, meId: s.meId, viewer: boardViewer(s.meId, me?.role ?? null) };
}

export const boardsArea = defineArea(boardsRequests, ['boards.list'], async (req, services) => {
  const { shopId, meId, viewer } = await who(services);
  switch (req.type) {
    case 'boards.list':
      return { ...(await listBoards(services.db, shopId, viewer)), meId };
    case 'boards.save':
      return saveBoard(services.db, shopId, meId, req.board, services.now());
    case 'boards.delete':
      await deleteBoard(services.db, req.id, meId);
      return { deleted: req.id };
  }
});
