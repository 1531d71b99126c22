import { firingRowSchema, ruleRowSchema } from '../../rules/store';
import { uuidv5 } from '../uuid5';
import { isUuid, ms, num, parseWith, type AreaAdapter } from './adapter';

/**
 * Rules and their firings ↔ supabase/migrations/*_rules_alerts.sql. A firing is the
 * server's `alerts` row: one per rule, scope and period (unique there), with an id
 * derived from the shop and the firing key, so teammates' browsers that fire the same
 * rule on the same data write the same row instead of three. The local inbox entry
 * (alertId) and a task refusal (taskError) stay local.
 */
export const rules: AreaAdapter = {
  store: 'rules',
  table: 'rules',
  deletes: 'hard',
  serverId: (r) => (isUuid(r.id) ? r.id : null),
  toServer: (r) => ({
    shop_id: r.shopId,
    version: r.version,
    name: r.name,
    enabled: r.enabled,
    trigger: r.trigger,
    condition: r.condition,
    actions: r.actions,
    storm_limit: r.stormLimit,
  }),
  localKey: (row) => String(row.id),
  fromServer: (row, before) =>
    parseWith(ruleRowSchema, {
      version: num(row.version),
      id: row.id,
      name: row.name,
      enabled: row.enabled,
      trigger: row.trigger,
      condition: row.condition,
      actions: row.actions,
      stormLimit: num(row.storm_limit),
      shopId: row.shop_id,
      // Why this browser switched a rule off is local; a teammate's edit that re-enables it clears it.
      disabledReasons: row.enabled === true ? [] : (before?.disabledReasons ?? []),
      createdAt: ms(row.created_at),
      updatedAt: ms(row.updated_at),
    }),
};

export const firingServerId = (shopId: string, key: string): string => uuidv5(`firing|${shopId}|${key}`);

export const firings: AreaAdapter = {
  store: 'firings',
  table: 'alerts',
  deletes: 'hard',
  serverId: (f) => (typeof f.shopId === 'string' && typeof f.key === 'string' && isUuid(f.ruleId) ? firingServerId(f.shopId, f.key) : null),
  toServer: (f) => {
    const evidence = (f.evidence ?? {}) as Record<string, unknown>;
    return {
      shop_id: f.shopId,
      rule_id: f.ruleId,
      scope: f.scope,
      period: f.period,
      rule_name: f.ruleName,
      provisional: f.provisional,
      message: f.messageZh,
      message_en: f.messageEn,
      evidence,
      value: typeof evidence.observed === 'number' ? evidence.observed : null,
      notify: ((f.notify as string[] | undefined) ?? []).filter(isUuid),
      suggestion: f.suggestion ?? null,
      task_id: isUuid(f.taskId) ? f.taskId : null,
      fired_at: new Date(f.at as number).toISOString(),
    };
  },
  localKey: (row) => `${String(row.rule_id)}|${String(row.scope)}|${String(row.period)}`,
  fromServer: (row, before) =>
    parseWith(firingRowSchema, {
      key: `${String(row.rule_id)}|${String(row.scope)}|${String(row.period)}`,
      ruleId: row.rule_id,
      shopId: row.shop_id,
      at: ms(row.fired_at),
      ruleName: row.rule_name ?? '',
      scope: row.scope,
      period: row.period,
      provisional: row.provisional,
      messageZh: row.message ?? '',
      messageEn: row.message_en ?? '',
      evidence: row.evidence ?? {},
      notify: row.notify ?? [],
      suggestion: row.suggestion ?? null,
      alertId: before?.alertId ?? null,
      taskId: row.task_id ?? null,
      taskError: before?.taskError ?? null,
    }),
};
