import { addDays } from '@/lib/domain/dates';
import type { Request } from '@/lib/messaging/protocol';
import type { ActionProposal } from '@/lib/nl';

/** Built-in template per project kind (lib/templates/builtin.ts); 日常 has none and becomes a plain project. */
const TEMPLATE_FOR_KIND: Record<string, string> = { 大促: 'builtin-double11', 新品首发: 'builtin-new-launch' };

/**
 * The existing message a confirmed proposal is carried out with. Nothing here runs anything:
 * the command bar sends it only after the person pressed 确认. Queries and plans are reads
 * (nl.answer / nl.plan) and need no confirmation.
 */
export function requestFor(p: ActionProposal): Request | null {
  switch (p.kind) {
    case 'createTask':
      return {
        type: 'task.create',
        draft: { title: p.params.title, assigneeId: p.params.assigneeId, dueDate: p.params.dueDate, ...(p.params.priority ? { priority: p.params.priority } : {}), stage: p.params.stage, projectId: null },
      };
    case 'assignTask':
      return {
        type: 'task.update',
        id: p.params.taskId,
        patch: { assigneeId: p.params.assigneeId, ...(p.params.dueDate ? { dueDate: p.params.dueDate } : {}), ...(p.params.priority ? { priority: p.params.priority } : {}) },
      };
    case 'setTaskStatus':
      return { type: 'task.update', id: p.params.taskId, patch: { status: p.params.status } };
    case 'createProject': {
      const template = TEMPLATE_FOR_KIND[p.params.kind];
      const keyDate = p.params.keyDate ?? p.params.startDate;
      if (template) return { type: 'project.fromTemplate', templateId: template, keyDate, name: p.params.name };
      return { type: 'project.create', project: { name: p.params.name, kind: p.params.kind, startDate: p.params.startDate, endDate: addDays(keyDate, 30), keyDate } };
    }
    case 'query':
      return { type: 'nl.answer', spec: p.params };
    case 'draftPlan':
      return { type: 'nl.plan', spec: p.params };
    default:
      return null;
  }
}

/** Whether carrying out the proposal changes data (and so waits for 确认). */
export function needsConfirmation(p: ActionProposal): boolean {
  return p.kind === 'createTask' || p.kind === 'assignTask' || p.kind === 'setTaskStatus' || p.kind === 'createProject';
}

/** For a clarify answer: the command with the unclear words replaced by the chosen candidate. */
export function withChoice(command: string, name: string, choice: string): string {
  return command.includes(name) ? command.replace(name, choice) : `${command} ${choice}`;
}
