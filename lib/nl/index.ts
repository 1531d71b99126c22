/** Natural-language commands: parse to a proposal (never executed here), answer data questions, draft a budget. */
export { parseCommand } from './parse';
export { answerQuery, type QueryAnswer } from './answer';
export { draftBudgetPlan, type BudgetPlan, type BudgetLine } from './budget';
export { EXAMPLE_COMMANDS } from './examples';
export type { ActionProposal, BudgetSpec, ParseContext, QuerySpec } from './types';
