import { z } from 'zod';

/** Calendar day in the shop's local time, `YYYY-MM-DD`. Tasks are planned in whole days. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: '无效日期 / invalid date',
  });
export type IsoDate = z.infer<typeof isoDate>;

export const id = z.string().min(1).max(64);
/** Milliseconds since the epoch. */
export const timestamp = z.number().int().nonnegative();
/** Taobao item IDs are long decimal numbers; kept as strings (they exceed 2^53 on some shops). */
export const itemId = z.string().regex(/^\d{5,20}$/, '商品ID应为数字 / item ID must be digits');

export function newId(): string {
  return crypto.randomUUID();
}
