import { describe, expect, it } from 'vitest';
import { previewRule } from '../../../lib/rules/preview';
import { RULE_TEMPLATES } from '../../../lib/rules/templates';
import { series } from './helpers';

describe('previewRule', () => {
  const r = RULE_TEMPLATES.find((t) => t.key === 'salesBelowTarget')!.build('s');
  const targets = [{ metric: 'payAmt', itemId: null, value: 100, from: null, to: null }];

  it('lists the days the rule would have fired on over history', () => {
    // 11-01..11-10: below target on 11-03..11-07 (5 days) → fires on 11-05, 11-06, 11-07.
    const records = series('payAmt', null, '2026-11-10', [120, 130, 90, 80, 70, 60, 50, 150, 90, 90]);
    const p = previewRule(r, records, targets, '2026-11-01', '2026-11-10');
    expect(p.supported).toBe(true);
    expect(p.days).toEqual(['2026-11-05', '2026-11-06', '2026-11-07']);
    expect(p.items).toEqual([null]);
    expect(p.hits[0]).toMatchObject({ observed: 70, line: 100, provisional: false });
  });

  it('lists items for an every-item rule and marks unsettled refund windows', () => {
    const refund = RULE_TEMPLATES.find((t) => t.key === 'refundOverWarning')!.build('rf');
    const records = [...series('payAmtRfdRate', '10001', '2026-11-10', Array<number>(10).fill(0.08)), ...series('payAmtRfdRate', '10002', '2026-11-10', Array<number>(10).fill(0.01))];
    const p = previewRule(refund, records, [], '2026-11-07', '2026-11-10', '2026-11-11');
    expect(p.items).toEqual(['10001']);
    expect(p.days).toEqual(['2026-11-07', '2026-11-08', '2026-11-09', '2026-11-10']);
    expect(p.hits.every((h) => h.provisional)).toBe(true);
  });

  it('says task rules cannot be replayed', () => {
    const t = RULE_TEMPLATES.find((x) => x.key === 'taskOverdue')!.build('t');
    expect(previewRule(t, [], [], '2026-11-01', '2026-11-10').supported).toBe(false);
  });
});
