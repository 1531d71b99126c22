import { daysBetween } from '@/lib/domain/dates';
import type { Member, Task } from '@/lib/domain';
import { dueState, type DueState } from '@/lib/tasks/views';

export function memberName(members: readonly Member[], id: string | null): string {
  if (!id) return '未分配';
  return members.find((m) => m.id === id)?.name ?? '（已移除）';
}

export const DUE_CLASS: Record<DueState, string> = { overdue: 'due-overdue', today: 'due-today', soon: 'due-soon', later: 'due-later', none: 'due-none' };

/** "逾期2天 / 今天到期 / 3天后 / 11-28 / 无截止日期" */
export function dueLabel(t: Pick<Task, 'dueDate' | 'status'>, today: string): string {
  if (!t.dueDate) return '无截止日期';
  const d = daysBetween(today, t.dueDate);
  switch (dueState(t, today)) {
    case 'overdue':
      return `逾期${-d}天`;
    case 'today':
      return '今天到期';
    case 'soon':
      return `${d}天后到期`;
    default:
      return t.dueDate.slice(5);
  }
}
