import { describe, expect, it } from 'vitest';
import { RULE_TEMPLATES } from '../../../lib/rules/templates';
import { validateRule } from '../../../lib/rules/validate';
import { member } from './helpers';

function refundRule(over: Record<string, unknown> = {}, cond: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    id: 'r1',
    name: '退款率',
    trigger: 'daily',
    condition: {
      kind: 'metric',
      metric: 'payAmtRfdRate',
      scope: { kind: 'shop' },
      comparator: 'gt',
      threshold: { kind: 'value', value: 0.05 },
      window: { kind: 'avg', days: 7 },
      ...cond,
    },
    actions: { notify: [{ role: 'cs_lead' }] },
    ...over,
  };
}

describe('validateRule', () => {
  it('accepts every built-in template', () => {
    const members = [member('m1', 'operator'), member('m2', 'ops_director'), member('m3', 'cs_lead'), member('m4', 'owner')];
    for (const t of RULE_TEMPLATES) {
      const v = validateRule(t.build(`tpl-${t.key}`), { members });
      expect(v.ok, t.key).toBe(true);
    }
  });

  it('accepts a sound rule and fills defaults', () => {
    const v = validateRule(refundRule());
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.rule.stormLimit).toBe(20);
      expect(v.rule.condition.kind === 'metric' && v.rule.condition.maturity).toBe('provisional');
    }
  });

  it('refuses a rate threshold above 1 with a zh+en reason', () => {
    const v = validateRule(refundRule({}, { threshold: { kind: 'value', value: 5 } }));
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.reasons[0]!.path).toBe('condition.threshold.value');
      expect(v.reasons[0]!.zh).toMatch(/0\.05/);
      expect(v.reasons[0]!.en).toMatch(/fractions/);
    }
  });

  it('refuses "rate above 100%" and "below 0"', () => {
    expect(validateRule(refundRule({}, { threshold: { kind: 'value', value: 1 } })).ok).toBe(false);
    expect(validateRule(refundRule({}, { comparator: 'lt', threshold: { kind: 'value', value: 0 } })).ok).toBe(false);
    expect(validateRule(refundRule({}, { comparator: 'lte', threshold: { kind: 'value', value: 0 } })).ok).toBe(true);
  });

  it.each([0, 91, 2.5])('refuses window days %s', (days) => {
    const v = validateRule(refundRule({}, { window: { kind: 'avg', days } }));
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.reasons[0]!.path).toBe('condition.window.days');
      expect(v.reasons[0]!.zh).not.toBe(v.reasons[0]!.en);
    }
  });

  it('refuses an unknown member id only when a member list is given', () => {
    const rule = refundRule({
      actions: { createTask: { title: '查退款', assignee: { memberId: 'ghost' }, dueInDays: 2 } },
    });
    expect(validateRule(rule).ok).toBe(true);
    const v = validateRule(rule, { members: [member('m1', 'cs_lead')] });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reasons.map((r) => r.path)).toEqual(['actions.createTask.assignee']);
  });

  it('warns (does not refuse) when nobody has a notified role yet', () => {
    const v = validateRule(refundRule(), { members: [member('m1', 'operator')] });
    expect(v.ok).toBe(true);
    expect(v.warnings).toHaveLength(1);
  });

  it('refuses unknown metrics, wrong triggers, missing thresholds and rules that do nothing', () => {
    expect(validateRule(refundRule({}, { metric: 'nope' })).ok).toBe(false);
    expect(validateRule(refundRule({ trigger: 'task.status' })).ok).toBe(false);
    expect(validateRule(refundRule({}, { threshold: null })).ok).toBe(false);
    expect(validateRule(refundRule({ actions: {} })).ok).toBe(false);
  });

  it('refuses a target fraction without a target when targets are given', () => {
    const rule = refundRule({}, { metric: 'payAmt', comparator: 'lt', threshold: { kind: 'targetFraction', fraction: 0.8 } });
    expect(validateRule(rule, { targets: [] }).ok).toBe(false);
    expect(validateRule(rule, { targets: [{ metric: 'payAmt', itemId: null, value: 1000, from: null, to: null }] }).ok).toBe(true);
  });

  it('refuses a drop of 100% or more', () => {
    const v = validateRule(refundRule({}, { metric: 'uv', comparator: 'lt', threshold: null, window: { kind: 'dropVsAvg', days: 7, fraction: 1 } }));
    expect(v.ok).toBe(false);
  });
});
