import { z } from 'zod';
import type { AlertInput } from '../alerts/model';
import type { ZhangguiDb } from '../db/schema';
import type { Member } from '../domain/member';
import { UserError } from '../workspace/errors';
import type { Firing } from './firing';
import { type MetricTarget, type Rule, ruleSchema } from './model';
import { type Reason, validateRule } from './validate';

/**
 * Stored rules (store `rules`) and the log of what they did (store `firings`). A rule row is
 * the pure Rule plus who it belongs to and, when the background had to switch it off, why.
 * Every read goes through zod: a row a newer version wrote is skipped and counted, never crashes.
 */

const reasonSchema = z.object({ path: z.string(), zh: z.string(), en: z.string() });

export const ruleRowSchema = ruleSchema.extend({
  shopId: z.string().min(1),
  /** Set when the background disabled the rule (member removed, metric unknown…); shown in the editor. */
  disabledReasons: z.array(reasonSchema).max(50).default([]),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type RuleRow = z.infer<typeof ruleRowSchema>;

/**
 * One firing, stored once by its idempotency key (`ruleId|scope|period`): the numbers behind it,
 * and what the background did about it (alert, task), so a repeat evaluation, another trigger or
 * another teammate's synced browser recognises it and does nothing twice.
 */
export const firingRowSchema = z.object({
  key: z.string().min(1).max(300),
  ruleId: z.string().min(1),
  shopId: z.string().min(1),
  at: z.number().int().nonnegative(),
  ruleName: z.string(),
  scope: z.string(),
  period: z.string(),
  provisional: z.boolean(),
  messageZh: z.string(),
  messageEn: z.string(),
  /** The numbers that caused it (Firing.evidence: observed, line, target, points…). */
  evidence: z.record(z.string(), z.unknown()),
  notify: z.array(z.string()).max(200),
  suggestion: z.object({ zh: z.string(), en: z.string() }).nullable(),
  alertId: z.string().nullable(),
  taskId: z.string().nullable(),
  /** Why the proposed task could not be created (kept so the log explains it). */
  taskError: z.string().nullable().default(null),
});
export type FiringRow = z.infer<typeof firingRowSchema>;

export function firingRow(f: Firing, shopId: string, at: number, done: { alertId: string | null; taskId: string | null; taskError: string | null }): FiringRow {
  return {
    key: f.key,
    ruleId: f.ruleId,
    shopId,
    at,
    ruleName: f.ruleName,
    scope: f.scope,
    period: f.period,
    provisional: f.provisional,
    messageZh: f.messageZh,
    messageEn: f.messageEn,
    evidence: f.evidence as unknown as Record<string, unknown>,
    notify: f.notify,
    suggestion: f.suggestion,
    ...done,
  };
}

/**
 * The inbox alert of a firing (key `rule|<firing key>`): raised by the browser that fired it
 * (runner.ts) and by a teammate's browser when the firing arrives through sync, never twice.
 */
export function firingAlertInput(f: Pick<FiringRow, 'key' | 'ruleName' | 'messageZh' | 'messageEn' | 'suggestion' | 'provisional' | 'notify' | 'evidence'>, shopId: string, taskId: string | null, at: number, id: string): AlertInput {
  const message = [f.messageZh, f.messageEn, f.suggestion ? `${f.suggestion.zh}\n${f.suggestion.en}` : ''].filter(Boolean).join('\n').slice(0, 4000);
  return {
    id,
    shopId,
    key: `rule|${f.key}`.slice(0, 300),
    kind: 'rule',
    title: f.ruleName.slice(0, 200),
    message,
    provisional: f.provisional,
    memberIds: f.notify,
    evidence: { ...f.evidence, firingKey: f.key },
    taskId,
    at,
  };
}

function parseRows<S extends z.ZodType>(rows: unknown[], schema: S): z.infer<S>[] {
  const out: z.infer<S>[] = [];
  for (const r of rows) {
    const p = schema.safeParse(r);
    if (p.success) out.push(p.data);
  }
  return out;
}

export async function listRules(db: ZhangguiDb, shopId: string): Promise<RuleRow[]> {
  const rows = await db.table('rules').where('shopId').equals(shopId).toArray();
  return parseRows(rows, ruleRowSchema).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

export async function getRule(db: ZhangguiDb, id: string): Promise<RuleRow | null> {
  const p = ruleRowSchema.safeParse(await db.table('rules').get(id));
  return p.success ? p.data : null;
}

/** The pure rule inside a row (what validateRule/evaluateRules take). */
export function ruleOf(row: RuleRow): Rule {
  const { shopId: _s, disabledReasons: _d, createdAt: _c, updatedAt: _u, ...rule } = row;
  return rule;
}

export interface RuleContext {
  members: readonly Member[];
  targets: readonly MetricTarget[];
}

function refusal(reasons: readonly Reason[]): UserError {
  const r = reasons[0]!;
  const more = reasons.length > 1 ? `（另有 ${reasons.length - 1} 处 / ${reasons.length - 1} more）` : '';
  return new UserError(`${r.zh}${more} / ${r.en}`, r.path);
}

/** Validates and stores a rule (new or edited). Refuses with the first reason; nothing is saved then. */
export async function saveRule(db: ZhangguiDb, shopId: string, input: unknown, ctx: RuleContext, now: number): Promise<{ row: RuleRow; warnings: Reason[] }> {
  const v = validateRule(input, ctx);
  if (!v.ok) throw refusal(v.reasons);
  const before = await getRule(db, v.rule.id);
  if (before && before.shopId !== shopId) throw new UserError('规则不属于此店铺 / the rule belongs to another shop');
  const row = ruleRowSchema.parse({ ...v.rule, shopId, disabledReasons: [], createdAt: before?.createdAt ?? now, updatedAt: now });
  await db.table('rules').put(row);
  return { row, warnings: v.warnings };
}

/** Enabling re-validates against today's members and targets: a rule that cannot run stays off, with the reason. */
export async function setRuleEnabled(db: ZhangguiDb, id: string, enabled: boolean, ctx: RuleContext, now: number): Promise<RuleRow> {
  const row = await getRule(db, id);
  if (!row) throw new UserError('规则不存在 / rule not found');
  if (enabled) {
    const v = validateRule({ ...ruleOf(row), enabled: true }, ctx);
    if (!v.ok) throw refusal(v.reasons);
  }
  const next = { ...row, enabled, disabledReasons: [], updatedAt: now };
  await db.table('rules').put(next);
  return next;
}

/** Deletes the rule; its firings stay as history. */
export async function deleteRule(db: ZhangguiDb, id: string): Promise<void> {
  if (!(await getRule(db, id))) throw new UserError('规则不存在 / rule not found');
  await db.table('rules').delete(id);
}

/**
 * Switches off enabled rules that can no longer run (a member they name was removed, a metric
 * is unknown) and records why, so the editor shows the reason instead of silently failing.
 * Missing targets are not a reason to disable: the engine skips those scopes until a target exists.
 * Returns the rules still enabled.
 */
export async function disableBrokenRules(db: ZhangguiDb, rows: readonly RuleRow[], members: readonly Member[], now: number): Promise<{ enabled: Rule[]; disabled: RuleRow[] }> {
  const enabled: Rule[] = [];
  const disabled: RuleRow[] = [];
  for (const row of rows) {
    if (!row.enabled) continue;
    const v = validateRule(ruleOf(row), { members });
    if (v.ok) {
      enabled.push(v.rule);
      continue;
    }
    const next = { ...row, enabled: false, disabledReasons: v.reasons, updatedAt: now };
    await db.table('rules').put(next);
    disabled.push(next);
  }
  return { enabled, disabled };
}

export async function listFirings(db: ZhangguiDb, shopId: string, limit = 100): Promise<FiringRow[]> {
  const rows = await db.table('firings').orderBy('at').reverse().limit(limit * 4).toArray();
  return parseRows(rows, firingRowSchema)
    .filter((f) => f.shopId === shopId)
    .slice(0, limit);
}
