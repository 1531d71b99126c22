import { isOpen } from '../domain/task';
import { dayIndex } from './dates';
import type { Firing } from './firing';
import type { Rule } from './model';
import { proposeTask, resolveRecipients } from './actions';
import type { Ctx } from './engine';

/** Overdue tasks and tasks in a given status: one firing per task, keyed by its due date or status. */
export function taskFirings(rule: Rule, ctx: Ctx): Firing[] {
  const c = rule.condition;
  const out: Firing[] = [];
  const { input, todayIdx } = ctx;
  if (c.kind !== 'taskOverdue' && c.kind !== 'taskStatus') return out;
  for (const t of input.tasks ?? []) {
    if (t.deletedAt !== null || (c.projectId !== null && t.projectId !== c.projectId)) continue;
    let period: string;
    let daysLate = 0;
    let zh: string;
    let en: string;
    if (c.kind === 'taskOverdue') {
      if (!isOpen(t) || t.dueDate === null) continue;
      daysLate = todayIdx - dayIndex(t.dueDate);
      // minDaysLate 0 fires on the first day after the due date.
      if (daysLate <= c.minDaysLate) continue;
      period = t.dueDate;
      zh = `任务「${t.title}」已逾期${daysLate}天（截止 ${t.dueDate}）`;
      en = `Task "${t.title}" is ${daysLate} day(s) overdue (due ${t.dueDate})`;
    } else {
      if (t.status !== c.status) continue;
      period = t.status;
      zh = `任务「${t.title}」状态为 ${t.status}`;
      en = `Task "${t.title}" is now ${t.status}`;
    }
    out.push({
      key: `${rule.id}|task:${t.id}|${period}`,
      ruleId: rule.id,
      ruleName: rule.name,
      trigger: rule.trigger,
      scope: `task:${t.id}`,
      period,
      provisional: false,
      messageZh: zh,
      messageEn: en,
      evidence: { kind: 'task', taskId: t.id, title: t.title, status: t.status, dueDate: t.dueDate, daysLate },
      notify: resolveRecipients(rule.actions.notify, ctx.members, t.assigneeId),
      task: proposeTask(rule, ctx.members, input.today, { item: '', metric: '', value: '', date: period, task: t.title }, t.metric, t.itemIds, zh, t.assigneeId),
      suggestion: null,
      severity: daysLate,
    });
  }
  return out;
}

/** Milestones of open projects within `withinDays`: keyed by project, date and milestone name. */
export function milestoneFirings(rule: Rule, ctx: Ctx): Firing[] {
  const c = rule.condition;
  if (c.kind !== 'milestone') return [];
  const out: Firing[] = [];
  for (const p of ctx.input.projects ?? []) {
    if (p.deletedAt !== null || p.status === 'closed' || (c.projectKind !== null && p.kind !== c.projectKind)) continue;
    for (const m of p.milestones) {
      const daysLeft = dayIndex(m.date) - ctx.todayIdx;
      if (daysLeft < 0 || daysLeft > c.withinDays) continue;
      const period = `${m.date}:${m.name.replaceAll('|', '/')}`;
      const zh = daysLeft === 0 ? `项目「${p.name}」的里程碑「${m.name}」就是今天（${m.date}）` : `项目「${p.name}」的里程碑「${m.name}」还有${daysLeft}天（${m.date}）`;
      const en = daysLeft === 0 ? `Milestone "${m.name}" of "${p.name}" is today (${m.date})` : `Milestone "${m.name}" of "${p.name}" is in ${daysLeft} day(s) (${m.date})`;
      out.push({
        key: `${rule.id}|project:${p.id}|${period}`,
        ruleId: rule.id,
        ruleName: rule.name,
        trigger: rule.trigger,
        scope: `project:${p.id}`,
        period,
        provisional: false,
        messageZh: zh,
        messageEn: en,
        evidence: { kind: 'milestone', projectId: p.id, projectName: p.name, milestone: m.name, date: m.date, daysLeft },
        notify: resolveRecipients(rule.actions.notify, ctx.members, null),
        task: proposeTask(rule, ctx.members, ctx.input.today, { item: p.name, metric: '', value: m.name, date: m.date }, null, [], zh, null),
        suggestion: null,
        severity: c.withinDays - daysLeft,
      });
    }
  }
  return out;
}

