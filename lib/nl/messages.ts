import { z } from 'zod';
import { isoDate, itemId } from '../domain/common';
import { canSeeFinance } from '../domain/roles';
import { itemNames } from '../items/catalog';
import { defineArea } from '../messaging/area';
import { metricByCode } from '../metrics/dictionary';
import { addDays } from '../rules/dates';
import { metricInfo } from '../rules/metrics';
import { loadRecords, loadShopData } from '../rules/runner';
import { UserError } from '../workspace/errors';
import { aggregate, answerQuery } from './answer';
import { draftBudgetPlan } from './budget';
import type { BudgetSpec, QuerySpec } from './types';

/**
 * Data answers for the command bar: a parsed question (answerQuery), a budget draft
 * (draftBudgetPlan), and the aggregate figures an optional assistant may be shown. All read-only.
 * Money figures are refused to roles that may not see finance (the same rule as the dashboard).
 */

const range = z.object({ from: isoDate, to: isoDate }).refine((r) => r.from <= r.to, { message: '开始日期晚于结束日期 / range starts after it ends' });
const metric = z.string().min(1).max(40).refine((m) => metricInfo(m) !== undefined, { message: '未知指标 / unknown metric' });

export const querySpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('top'), metric, n: z.number().int().min(1).max(50), order: z.enum(['desc', 'asc']), range }),
  z.object({ kind: z.literal('change'), metric, itemId: itemId.nullable(), current: range, previous: range }),
  z.object({ kind: z.literal('value'), metric, itemId: itemId.nullable(), range }),
]);

export const budgetSpecSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  range,
  basis: range,
  total: z.number().finite().nonnegative().nullable(),
});

export const nlRequests = [
  z.object({ type: z.literal('nl.answer'), spec: querySpecSchema }),
  z.object({ type: z.literal('nl.plan'), spec: budgetSpecSchema }),
  z.object({ type: z.literal('nl.figures') }),
] as const;

/** What an assistant may be told: shop totals only, never an item, a buyer or an order. */
export interface AggregateFigure {
  metric: string;
  labelZh: string;
  last7: number | null;
  previous7: number | null;
}

/** Shop-level figures offered to the assistant (money ones only for roles that see finance). */
export const ASSISTANT_METRICS = ['uv', 'payRate', 'payByrCnt', 'payAmt', 'payPct', 'payAmtRfdRate'] as const;

function partsOf(code: string): string[] {
  const d = metricInfo(code)?.derived;
  return d ? [d.numerator, d.denominator] : [code];
}

function isFinance(code: string): boolean {
  // Derived metrics are finance when a part is (none are today).
  return partsOf(code).some((p) => metricByCode(p)?.finance ?? false);
}

export const nlArea = defineArea(nlRequests, ['nl.answer', 'nl.plan', 'nl.figures'], async (req, services) => {
  const data = await loadShopData(services.db);
  if (!data) throw new UserError('请先完成店铺设置 / set up the shop first');
  const me = data.members.find((m) => m.id === data.meId);
  const finance = me ? canSeeFinance(me.role) : false;
  switch (req.type) {
    case 'nl.answer': {
      const spec = req.spec as QuerySpec;
      if (!finance && isFinance(spec.metric)) throw new UserError('你的角色不能查看资金类指标 / your role cannot see money figures');
      const from = spec.kind === 'change' ? (spec.previous.from < spec.current.from ? spec.previous.from : spec.current.from) : spec.range.from;
      const to = spec.kind === 'change' ? (spec.previous.to > spec.current.to ? spec.previous.to : spec.current.to) : spec.range.to;
      const records = await loadRecords(services.db, data.shopId, partsOf(spec.metric), from, to);
      // Names are local page text: they go to the person asking, never to the optional assistant (nl.figures).
      const names = await itemNames(services.db, data.shopId, [...new Set(records.map((r) => r.itemKey).filter((k) => k !== ''))]);
      return answerQuery(spec, records, names);
    }
    case 'nl.plan': {
      if (!finance) throw new UserError('你的角色不能查看资金类指标 / your role cannot see money figures');
      const spec = req.spec as BudgetSpec;
      const records = await loadRecords(services.db, data.shopId, ['p4pExpendAmt', 'payAmt'], spec.basis.from, spec.basis.to);
      const names = await itemNames(services.db, data.shopId, [...new Set(records.map((r) => r.itemKey).filter((k) => k !== ''))]);
      return draftBudgetPlan(spec, records, names);
    }
    case 'nl.figures': {
      const today = services.today();
      const last = { from: addDays(today, -7), to: addDays(today, -1) };
      const prev = { from: addDays(today, -14), to: addDays(today, -8) };
      const codes = ASSISTANT_METRICS.filter((c) => finance || !isFinance(c));
      const records = await loadRecords(services.db, data.shopId, codes.flatMap(partsOf), prev.from, last.to);
      return codes.map((c): AggregateFigure => ({
        metric: c,
        labelZh: metricInfo(c)?.zh ?? c,
        last7: aggregate(records, c, last, '').value,
        previous7: aggregate(records, c, prev, '').value,
      }));
    }
  }
});
