import { canEditPricing, newId } from '../domain';
import type { Services } from '../messaging/area';
import { UserError } from '../workspace/errors';
import { parseOrThrow, requireActor, validRows } from './context';
import { priceChangeSchema, type PriceChange } from './model';
import type { PriceDiff } from './price-diff';

/**
 * Price history. The item edit page's feature reads SKU prices at load and at
 * submit (preferring the page's own save response when the observer forwards
 * one) and sends the differences here. Only the roles that may edit pricing
 * record them (server: "Finance roles can record price changes"); the UI for
 * everyone else is read-only (canEditPricing mirror).
 */
export async function recordPriceChanges(
  s: Services,
  input: { itemId: string; changes: readonly PriceDiff[]; source: PriceChange['source']; taskId?: string | null },
): Promise<PriceChange[]> {
  const actor = await requireActor(s);
  if (!canEditPricing(actor.me.role)) throw new UserError('只有店主、运营总监和运营可以记录价格变更 / only owner, ops director and operator record price changes');
  const now = s.now();
  const taskId =
    input.taskId ??
    actor.state.tasks.find((t) => t.deletedAt === null && t.status !== 'done' && t.stage === '定价策略' && t.itemIds.includes(input.itemId))?.id ??
    null;
  const rows = input.changes.map((c) =>
    parseOrThrow(priceChangeSchema, {
      id: newId(),
      shopId: actor.shop.id,
      itemId: input.itemId,
      skuId: c.skuId,
      skuLabel: c.label.slice(0, 200),
      taskId,
      oldPrice: c.oldPrice,
      newPrice: c.newPrice,
      source: input.source,
      reason: '',
      createdBy: actor.me.id,
      at: now,
      deletedAt: null,
    }),
  );
  if (rows.length > 0) await s.db.table('priceChanges').bulkAdd(rows);
  return rows;
}

export async function listPriceChanges(s: Services, itemId?: string): Promise<PriceChange[]> {
  const table = s.db.table('priceChanges');
  const rows = itemId ? await table.where('itemId').equals(itemId).toArray() : await table.toArray();
  return validRows(rows, priceChangeSchema)
    .filter((p) => p.deletedAt === null)
    .sort((a, b) => a.at - b.at);
}

