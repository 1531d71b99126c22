import { dayName, toDay, weekdayOf } from './dates';
import type { BlockedTask, PersonDay } from './load';
import type { ScheduleTask } from './types';

export type AdviceKind = 'cycle' | 'late-critical' | 'blocked' | 'due-cluster' | 'overload';

/** One line of the "what to do" list, in Chinese with English. */
export interface Advice {
  kind: AdviceKind;
  /** Higher first. */
  severity: number;
  zh: string;
  en: string;
  /** `zh / en`, ready to show. */
  text: string;
  taskIds: string[];
  assigneeId?: string;
  date?: string;
}

export interface AdviceInput {
  tasks: readonly ScheduleTask[];
  today: string;
  names: ReadonlyMap<string, string>;
  critical: ReadonlySet<string>;
  workload: ReadonlyMap<string, readonly PersonDay[]>;
  dueByPerson: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  blocked: readonly BlockedTask[];
  maxTasksPerDay: number;
  workingDays: readonly number[];
  /** Look this many days ahead for due-date pile-ups and overload. */
  horizonDays: number;
}

function advice(kind: AdviceKind, severity: number, zh: string, en: string, taskIds: string[], extra: Partial<Advice> = {}): Advice {
  return { kind, severity, zh, en, text: `${zh} / ${en}`, taskIds, ...extra };
}

/** The least busy other person on a day (by task count), to suggest as a helper. */
function lightestOn(input: AdviceInput, date: string, except: string): string | null {
  let best: string | null = null;
  let bestCount = Infinity;
  for (const id of input.names.keys()) {
    if (id === except) continue;
    const cell = input.workload.get(id)?.find((d) => d.date === date);
    const count = cell?.count ?? 0;
    if (count < bestCount && count < input.maxTasksPerDay) {
      best = id;
      bestCount = count;
    }
  }
  return best;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Builds every advice line, most urgent first. */
export function buildAdvice(input: AdviceInput): Advice[] {
  const { tasks, today, names, critical } = input;
  const todayDay = toDay(today);
  const horizon = todayDay + input.horizonDays;
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const name = (id: string | null | undefined): string => (id ? (names.get(id) ?? id) : '未分配 / unassigned');
  const out: Advice[] = [];

  for (const t of tasks) {
    if (!critical.has(t.id) || t.status === 'done' || !t.dueDate) continue;
    const late = todayDay - toDay(t.dueDate);
    if (late <= 0) continue;
    out.push(
      advice(
        'late-critical',
        90,
        `关键路径任务「${t.title}」已逾期 ${late} 天，项目结束会推迟，请 ${name(t.assigneeId)} 优先完成`,
        `critical-path task "${t.title}" is ${plural(late, 'day')} late and delays the project end; ${name(t.assigneeId)} should finish it first`,
        [t.id],
        { ...(t.assigneeId ? { assigneeId: t.assigneeId } : {}), date: t.dueDate },
      ),
    );
  }

  for (const b of input.blocked) {
    const t = byId.get(b.taskId);
    const worst = [...b.latePredecessors].sort((x, y) => y.daysLate - x.daysLate)[0];
    const p = worst ? byId.get(worst.id) : undefined;
    if (!t || !worst || !p) continue;
    const onCritical = critical.has(t.id);
    out.push(
      advice(
        'blocked',
        onCritical ? 85 : 60,
        `「${t.title}」被逾期 ${worst.daysLate} 天的「${p.title}」卡住${onCritical ? '（关键路径）' : ''}，请跟进 ${name(p.assigneeId)}`,
        `"${t.title}" is blocked by "${p.title}", ${plural(worst.daysLate, 'day')} late${onCritical ? ' (critical path)' : ''}; follow up with ${name(p.assigneeId)}`,
        [t.id, ...b.latePredecessors.map((l) => l.id)],
        { date: worst.dueDate },
      ),
    );
  }

  for (const [person, byDate] of input.dueByPerson) {
    for (const [date, ids] of byDate) {
      const day = toDay(date);
      if (day < todayDay || day > horizon || ids.length <= input.maxTasksPerDay) continue;
      const onCritical = ids.filter((id) => critical.has(id)).length;
      const when = dayName(date, today);
      const helper = lightestOn(input, date, person);
      const allCritical = onCritical === ids.length;
      const zhTail = allCritical ? '，全部在关键路径上' : onCritical ? `，其中 ${onCritical} 个在关键路径上` : '';
      const enTail = allCritical ? '; all are on the critical path' : onCritical ? `; ${onCritical} ${onCritical === 1 ? 'is' : 'are'} on the critical path` : '';
      let zhDo: string;
      let enDo: string;
      if (allCritical) {
        zhDo = helper ? `；请 ${name(helper)} 协助，或提前开始前置任务` : '；请找人协助，或提前开始前置任务';
        enDo = helper ? `; ask ${name(helper)} to help or start their predecessors earlier` : '; get help or start their predecessors earlier';
      } else {
        zhDo = helper ? `；可把非关键任务交给 ${name(helper)} 或延后` : '；可把非关键任务延后';
        enDo = helper ? `; hand non-critical ones to ${name(helper)} or move them later` : '; move non-critical ones later';
      }
      out.push(
        advice(
          'due-cluster',
          onCritical ? 80 : 45,
          `${name(person)} ${when.zh}有 ${ids.length} 个任务到期${zhTail}${zhDo}`,
          `${name(person)} has ${ids.length} tasks due ${when.en}${enTail}${enDo}`,
          [...ids],
          { assigneeId: person, date },
        ),
      );
    }
  }

  const working = new Set(input.workingDays);
  const dueClusterDays = new Set(out.filter((a) => a.kind === 'due-cluster').map((a) => `${a.assigneeId}|${a.date}`));
  for (const [person, days] of input.workload) {
    // Runs of over-allocated days that only have non-working days between them.
    let run: PersonDay[] = [];
    const flush = (): void => {
      const first = run[0];
      if (!first) return;
      // A one-day overload that is the same pile as a due-date warning would say the same thing twice.
      if (run.length === 1 && dueClusterDays.has(`${person}|${first.date}`)) {
        run = [];
        return;
      }
      const peak = Math.max(...run.map((d) => d.count));
      const ids = [...new Set(run.flatMap((d) => d.taskIds))];
      const when = dayName(first.date, today);
      const span = run.length > 1 ? { zh: `起连续 ${run.length} 个工作日`, en: ` for ${run.length} working days` } : { zh: '', en: '' };
      out.push(
        advice(
          'overload',
          50,
          `${name(person)} ${when.zh}${span.zh}同时有最多 ${peak} 个任务（上限 ${input.maxTasksPerDay}），请调整排期或分给他人`,
          `${name(person)} has up to ${peak} tasks at once from ${when.en}${span.en} (limit ${input.maxTasksPerDay}); reschedule or share them`,
          ids,
          { assigneeId: person, date: first.date },
        ),
      );
      run = [];
    };
    for (const d of days) {
      if (d.day < todayDay || d.day > horizon) continue;
      if (d.count <= input.maxTasksPerDay) {
        if (working.has(weekdayOf(d.day))) flush();
        continue;
      }
      const last = run[run.length - 1];
      if (last) {
        for (let between = last.day + 1; between < d.day; between++) {
          if (working.has(weekdayOf(between))) {
            flush();
            break;
          }
        }
      }
      run.push(d);
    }
    flush();
  }

  return out.sort((a, b) => b.severity - a.severity || (a.date ?? '').localeCompare(b.date ?? ''));
}
