import { boardSchema } from '../../boards/model';
import { isUuid, ms, parseWith, type AreaAdapter } from './adapter';

/** Custom boards ↔ public.boards: the server shows a board to its owner, and to the whole shop when shared. */
export const boards: AreaAdapter = {
  store: 'boards',
  table: 'boards',
  deletes: 'hard',
  memberFields: [{ field: 'ownerId', required: true }],
  serverId: (b) => (isUuid(b.id) ? b.id : null),
  toServer: (b) => ({ shop_id: b.shopId, owner_id: b.ownerId, name: b.name, item_id: b.itemId ?? null, shared: b.shared, items: b.items }),
  localKey: (row) => String(row.id),
  fromServer: (row) =>
    parseWith(boardSchema, {
      id: row.id,
      shopId: row.shop_id,
      ownerId: row.owner_id,
      name: row.name,
      itemId: row.item_id ?? null,
      shared: row.shared,
      items: row.items,
      createdAt: ms(row.created_at),
      updatedAt: ms(row.updated_at),
    }),
};
