import { z } from 'zod';
import { id, timestamp } from './common';
import { role } from './roles';

export const memberSchema = z.object({
  id,
  shopId: id,
  name: z.string().trim().min(1, '成员姓名不能为空 / member name is required').max(50),
  role,
  /** Taobao sub-account name (the part after `主账号:`), to warn when the page shows another. */
  taobaoAccount: z.string().trim().max(100).nullable().default(null),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable().default(null),
});
export type Member = z.infer<typeof memberSchema>;
