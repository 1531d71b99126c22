/** What the background calls: validate a rule, evaluate all rules, preview one over history. */
export { evaluateRules, type EvaluateInput, type EvaluateResult } from './engine';
export { previewRule, type PreviewHit, type RulePreview } from './preview';
export { validateRule, type Reason, type RuleValidation, type ValidationContext } from './validate';
export { RULE_TEMPLATES, type RuleTemplate } from './templates';
export type { Firing, FiringEvidence, SkippedRule, TaskProposal } from './firing';
export * from './model';
