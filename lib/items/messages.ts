import { z } from 'zod';
import { itemId } from '../domain/common';
import { defineArea, type Services } from '../messaging/area';
import { shopRefusal } from '../metrics/binding';
import { detectPage, isSensitivePage, type PageKind } from '../taobao/page-detect';
import { UserError } from '../workspace/errors';
import { allCatalogEntries, itemNames, MAX_SEEN, recordSeenItems } from './catalog';

/**
 * The item catalog area: titles reported by content scripts from pages that show them
 * (items.seen: untrusted input, validated with zod, only from pages that show item titles and
 * no buyer data), and names for the extension's own pages (items.names, items.list).
 * Titles riding along with captured figures are stored by metrics.ingest instead.
 */
const identitySchema = z.object({
  shopId: z.string().regex(/^\d{1,20}$/).nullable(),
  shopTitle: z.string().max(100).nullable(),
  loginUserName: z.string().max(100).nullable(),
});

export const itemsRequests = [
  z.object({ type: z.literal('items.seen'), url: z.string().max(4000), identity: identitySchema.nullable(), items: z.array(z.unknown()).max(MAX_SEEN) }),
  z.object({ type: z.literal('items.names'), itemIds: z.array(itemId).max(5000) }),
  z.object({ type: z.literal('items.list') }),
] as const;

/** Pages whose item titles may be kept: the item list, the item edit page and Sycm (never orders, never the login). */
export function showsItemTitles(page: PageKind | null): boolean {
  return page !== null && !isSensitivePage(page) && (page === 'qianniu.sellManage' || page === 'itemEdit' || page.startsWith('sycm.'));
}

export interface SeenReply {
  stored: number;
  changed: number;
  rejected: number;
}

async function shopIdOf(services: Services): Promise<string> {
  const s = await services.workspace.state();
  if (!s.shop) throw new UserError('请先完成店铺设置 / set up the shop first');
  return s.shop.id;
}

/**
 * items.seen is listed with the reads: a page view that only confirms known titles must not make
 * every open view reload. It bumps the data version itself when a title or picture changed.
 */
export const itemsArea = defineArea(itemsRequests, ['items.seen', 'items.names', 'items.list'], async (req, services) => {
  const { db } = services;
  switch (req.type) {
    case 'items.seen': {
      if (!showsItemTitles(detectPage(req.url))) throw new UserError('这个页面不读取商品标题 / item titles are not read from this page', 'url');
      const { shop, reason } = await shopRefusal(db, req.identity);
      if (!shop || reason) throw new UserError(reason ?? '请先完成店铺设置 / set up the shop first', 'shop');
      const r = await recordSeenItems(db, shop.id, req.items, services.now(), req.url);
      if (r.changed > 0) await (services as Services & { onChange?: () => void | Promise<void> }).onChange?.();
      return { stored: r.stored, changed: r.changed, rejected: r.rejected.length } satisfies SeenReply;
    }
    case 'items.names':
      return itemNames(db, await shopIdOf(services), req.itemIds);
    case 'items.list': {
      const entries = await allCatalogEntries(db, await shopIdOf(services));
      return entries.map(({ itemId: id, title, imageUrl, seenAt }) => ({ itemId: id, title, imageUrl, seenAt })).sort((a, b) => (a.itemId < b.itemId ? -1 : 1));
    }
  }
});

