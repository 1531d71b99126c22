import type { Priority } from '../domain/task';
import type { Stage } from '../domain/stages';
import type { Comparator, RuleWindow, Trigger } from './model';

export interface EvidencePoint {
  date: string;
  value: number;
  provisional: boolean;
}

export type FiringEvidence =
  | {
      kind: 'metric';
      metric: string;
      itemId: string | null;
      comparator: Comparator;
      window: RuleWindow;
      /** The compared number (last value, or window mean for `avg`). */
      observed: number;
      /** The line it crossed. */
      line: number;
      /** Mean of the preceding days, for dropVsAvg. */
      baseline: number | null;
      /** Target behind a targetFraction threshold. */
      target: number | null;
      points: EvidencePoint[];
    }
  | { kind: 'task'; taskId: string; title: string; status: string; dueDate: string | null; daysLate: number }
  | { kind: 'milestone'; projectId: string; projectName: string; milestone: string; date: string; daysLeft: number }
  | {
      kind: 'storm';
      /** How many firings were folded into this one. */
      count: number;
      /** The worst ones first, to list in the summary. */
      top: Array<{ key: string; scope: string; observed: number | null; line: number | null }>;
    };

/** A task the UI offers to create (a rule never writes anything itself). */
export interface TaskProposal {
  title: string;
  description: string;
  stage: Stage | null;
  assigneeId: string | null;
  dueDate: string;
  priority: Priority;
  metric: string | null;
  itemIds: string[];
}

export interface Firing {
  /**
   * `ruleId|scope|period`: the same data gives the same key in every browser and on every
   * re-evaluation, so the background stores a firing once and drops repeats.
   */
  key: string;
  ruleId: string;
  ruleName: string;
  trigger: Trigger;
  /** 'shop' | 'item:<id>' | 'task:<id>' | 'project:<id>' | 'storm' */
  scope: string;
  /** The day judged (metric rules), due date (overdue), status, or milestone. */
  period: string;
  /** The window touches days that are not final yet (refunds settle over ~14 days). */
  provisional: boolean;
  messageZh: string;
  messageEn: string;
  evidence: FiringEvidence;
  /** Member ids to notify, sorted. */
  notify: string[];
  task: TaskProposal | null;
  suggestion: { zh: string; en: string } | null;
  /** Internal ordering weight: how far past the line. */
  severity: number;
}

export interface SkippedRule {
  ruleId: string;
  /** How many scopes were skipped for this reason. */
  count: number;
  reasonZh: string;
  reasonEn: string;
}
