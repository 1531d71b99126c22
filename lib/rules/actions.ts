import type { Member } from '../domain/member';
import { addDays } from './dates';
import type { TaskProposal } from './firing';
import type { Recipient, Rule } from './model';

/** Active members a recipient list names, sorted (same order in every browser). */
export function resolveRecipients(recipients: readonly Recipient[], members: readonly Member[], taskAssignee: string | null): string[] {
  const out = new Set<string>();
  for (const r of recipients) {
    if ('role' in r) for (const m of members) if (m.deletedAt === null && m.role === r.role) out.add(m.id);
    if ('memberId' in r && members.some((m) => m.id === r.memberId && m.deletedAt === null)) out.add(r.memberId);
    if ('taskAssignee' in r && taskAssignee) out.add(taskAssignee);
  }
  return [...out].sort();
}

function fillTemplate(title: string, vars: Record<string, string>): string {
  return title.replace(/\{(\w+)\}/g, (all, k: string) => vars[k] ?? all).slice(0, 200);
}

/** The task a firing offers to create, with placeholders filled and the assignee resolved. */
export function proposeTask(rule: Rule, members: readonly Member[], today: string, vars: Record<string, string>, metric: string | null, itemIds: string[], description: string, taskAssignee: string | null): TaskProposal | null {
  const a = rule.actions.createTask;
  if (!a) return null;
  const assignees = a.assignee ? resolveRecipients([a.assignee], members, taskAssignee) : [];
  return {
    title: fillTemplate(a.title, vars),
    description,
    stage: a.stage,
    assigneeId: assignees[0] ?? null,
    dueDate: addDays(today, a.dueInDays),
    priority: a.priority,
    metric,
    itemIds,
  };
}

