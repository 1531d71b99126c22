/**
 * A custom board (自定义看板): a person's own set of dictionary metrics and derived indicators
 * (formulas over metric codes), each with its own target or warning line. Saved per person
 * (ownerId = the current member); `shared` marks it for the whole team (team sync carries it
 * later). Stored in the Dexie `boards` store, validated with zod on every write and read.
 */
import { z } from 'zod';
import { id, itemId, timestamp } from '../domain/common';
import { metricByCode } from '../metrics/dictionary';
import { parseFormula } from './formula';

export const DISPLAY_UNITS = ['count', 'CNY', 'rate', 'seconds', 'number'] as const;

const metricCode = z.string().refine((c) => metricByCode(c) !== undefined, { message: '未知指标 / unknown metric' });

const lineValue = z.number().finite().nullable();

export const boardItemSchema = z
  .object({
    id: z.string().min(1).max(64),
    label: z.string().trim().min(1, '请填写名称 / a name is required').max(40),
    /** A dictionary metric, or a formula over metric codes. */
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('metric'), metric: metricCode }),
      z.object({ kind: z.literal('formula'), formula: z.string().max(500) }),
    ]),
    unit: z.enum(DISPLAY_UNITS),
    /** The goal line; `higherIsBetter` says which side of it is good. */
    target: lineValue,
    /** The warning line: crossing it to the bad side shows the item in red. */
    warning: lineValue,
    higherIsBetter: z.boolean(),
  })
  .superRefine((item, ctx) => {
    if (item.source.kind === 'formula') {
      const p = parseFormula(item.source.formula);
      if (!p.ok) ctx.addIssue({ code: 'custom', path: ['source', 'formula'], message: `公式错误 / formula error at ${p.at + 1}: ${p.error}` });
    }
  });
export type BoardItem = z.infer<typeof boardItemSchema>;

export const boardInputSchema = z.object({
  id: z.string().min(1).max(64).optional(),
  name: z.string().trim().min(1, '请填写看板名称 / a board name is required').max(60),
  /** The item the board looks at, or null for the whole shop. */
  itemId: itemId.nullable(),
  shared: z.boolean(),
  items: z.array(boardItemSchema).max(24, '一个看板最多 24 项 / at most 24 items per board'),
});
export type BoardInput = z.infer<typeof boardInputSchema>;

export const boardSchema = boardInputSchema.extend({
  id,
  shopId: id,
  ownerId: id,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Board = z.infer<typeof boardSchema>;

/** Starting points offered in the editor (derived indicators from ../shared/docs/taobao-pages.md). */
export const FORMULA_EXAMPLES: readonly { label: string; formula: string; unit: BoardItem['unit'] }[] = [
  { label: '加购率 Add-to-cart rate', formula: 'cartByrCnt / uv', unit: 'rate' },
  { label: '收藏率 Favourite rate', formula: 'cltItmCnt / uv', unit: 'rate' },
  { label: '加购转化 Cart → paid', formula: 'payByrCnt / cartByrCnt', unit: 'rate' },
  { label: '爆款培育分 Hit score', formula: '0.4 * payRate / avg7(payRate) + 0.3 * cartByrCnt / avg7(cartByrCnt) + 0.3 * uv / avg7(uv)', unit: 'number' },
  { label: 'ROI 推广回报', formula: 'payAmt / p4pExpendAmt', unit: 'number' },
];
