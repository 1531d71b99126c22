import type { Member } from '../domain/member';
import type { Stage } from '../domain/stages';
import type { Priority, Task, TaskStatus } from '../domain/task';
import type { ProjectKind } from './lexicon';

export interface ParseContext {
  /** The shop's local date; every relative date is resolved against it. */
  today: string;
  /** Names are matched exactly against this list; an unknown name is asked about, not guessed. */
  members: readonly Member[];
  /** Open tasks, to find the one a command names ("把核对库存标记为完成"). */
  tasks?: readonly Task[];
}

export interface DateRange {
  from: string;
  to: string;
}

/** A data question, answered over stored figures by answerQuery (answer.ts). */
export type QuerySpec =
  | { kind: 'top'; metric: string; n: number; order: 'desc' | 'asc'; range: DateRange }
  | { kind: 'change'; metric: string; itemId: string | null; current: DateRange; previous: DateRange }
  | { kind: 'value'; metric: string; itemId: string | null; range: DateRange };

/** A budget plan request, computed by draftBudgetPlan (budget.ts). */
export interface BudgetSpec {
  /** `YYYY-MM` of the planned month. */
  month: string;
  range: DateRange;
  /** Recent days whose spend and sales set the plan. */
  basis: DateRange;
  /** A total the person gave ("下月推广预算3万"); null = keep the recent run rate. */
  total: number | null;
}

interface Proposal<K extends string, P> {
  kind: K;
  params: P;
  summaryZh: string;
  summaryEn: string;
}

export type ActionProposal =
  | Proposal<'createTask', { title: string; assigneeId: string | null; dueDate: string | null; priority: Priority | null; stage: Stage | null }>
  | Proposal<'assignTask', { taskId: string; title: string; assigneeId: string; dueDate: string | null; priority: Priority | null }>
  | Proposal<'setTaskStatus', { taskId: string; title: string; status: TaskStatus }>
  | Proposal<'createProject', { name: string; kind: ProjectKind; startDate: string; keyDate: string | null }>
  | Proposal<'query', QuerySpec>
  | Proposal<'draftPlan', BudgetSpec>
  /** The command was understood but names someone or something we cannot pin down: ask. */
  | Proposal<
      'clarify',
      {
        reason: 'unknownMember' | 'ambiguousMember' | 'unknownTask' | 'ambiguousTask';
        /** The words in question. */
        name: string;
        /** What the person may have meant (names or task titles), never auto-picked. */
        candidates: string[];
        /** What the command would do once answered. */
        pending: 'createTask' | 'assignTask' | 'setTaskStatus';
      }
    >
  | { kind: 'unrecognised'; suggestions: string[] };

export type ProposalKind = ActionProposal['kind'];
