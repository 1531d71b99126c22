import { z } from 'zod';
import { id, timestamp } from './common';

export const shopSchema = z.object({
  id,
  name: z.string().trim().min(1, '店铺名称不能为空 / shop name is required').max(100),
  /** Taobao's runAsShopId, once seen on a page; ties captured figures to this shop. */
  taobaoShopId: z.string().regex(/^\d+$/).nullable().default(null),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Shop = z.infer<typeof shopSchema>;
