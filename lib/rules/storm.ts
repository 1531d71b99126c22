import type { Firing } from './firing';
import type { Rule } from './model';

/** How many of the worst firings a storm summary lists. */
export const STORM_TOP = 10;

/**
 * `firings` may be only the worst of `count` (the engine writes out no more than it lists).
 * Folds one rule's firings into a single summary when there are more than its storm limit:
 * 300 "conversion fell" alerts at once say "something shop-wide happened", not 300 things.
 * The key is `ruleId|storm|<day>` so the summary is also stored once.
 */
export function foldStorm(rule: Rule, firings: readonly Firing[], count: number, itemIds: readonly string[], today: string): Firing {
  const ordered = [...firings].sort((a, b) => b.severity - a.severity || (a.key < b.key ? -1 : 1));
  const period = firings.reduce((p, f) => (f.period > p ? f.period : p), firings[0]?.period ?? today);
  const worst = ordered[0]!;
  const top = ordered.slice(0, STORM_TOP).map((f) => ({
    key: f.key,
    scope: f.scope,
    observed: f.evidence.kind === 'metric' ? f.evidence.observed : null,
    line: f.evidence.kind === 'metric' ? f.evidence.line : null,
  }));
  const provisional = firings.some((f) => f.provisional);
  const notify = [...new Set(firings.flatMap((f) => f.notify))].sort();
  const n = count;
  const tag = provisional ? { zh: '（含未定数据）', en: ' (some figures provisional)' } : { zh: '', en: '' };
  return {
    key: `${rule.id}|storm|${period}`,
    ruleId: rule.id,
    ruleName: rule.name,
    trigger: rule.trigger,
    scope: 'storm',
    period,
    provisional,
    messageZh: `规则「${rule.name}」一次触发了 ${n} 次，已合并。最严重：${worst.messageZh}${tag.zh}`,
    messageEn: `Rule "${rule.name}" fired ${n} times at once; grouped. Worst: ${worst.messageEn}${tag.en}`,
    evidence: { kind: 'storm', count: n, top },
    notify,
    task: worst.task
      ? {
          ...worst.task,
          title: `${rule.name}：${n} 项需处理`.slice(0, 200),
          description: ordered.slice(0, STORM_TOP).map((f) => f.messageZh).join('\n'),
          // Task schema allows 50 items: the worst ones, then the rest in key order.
          itemIds: [...new Set([...ordered.flatMap((f) => f.task?.itemIds ?? []), ...itemIds])].slice(0, 50),
        }
      : null,
    suggestion: worst.suggestion,
    severity: worst.severity,
  };
}
