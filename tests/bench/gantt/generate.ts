import { STAGES } from '../../../lib/domain/stages';
import type { TaskStatus } from '../../../lib/domain/task';
import type { GanttMember, GanttMilestone, GanttTask } from '../../../components/gantt';
import { prng } from '../../../lib/forecast/prng';

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 1) / DAY;
const iso = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

export const BENCH_TODAY = '2026-06-15';

export interface BenchData {
  tasks: GanttTask[];
  members: GanttMember[];
  milestones: GanttMilestone[];
}

/**
 * `n` tasks in projects of 100, spread over 2026, each task depending on 0–2 of the previous
 * ten in its project (finish-to-start mostly respected, a few broken like real plans).
 */
export function generateProjects(n: number, seed = 20261111): BenchData {
  const rnd = prng(seed).next;
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const members: GanttMember[] = Array.from({ length: 12 }, (_, i) => ({ id: `m${i}`, name: `成员${i + 1}` }));
  const tasks: GanttTask[] = [];
  const perProject = 100;
  for (let p = 0; p * perProject < n; p++) {
    const projectStart = BASE + int(0, 300);
    const dues: number[] = [];
    const count = Math.min(perProject, n - p * perProject);
    for (let i = 0; i < count; i++) {
      const id = `p${p}-t${i}`;
      const deps: string[] = [];
      let after = projectStart + Math.floor(i * 0.5);
      const k = i === 0 ? 0 : int(0, 2);
      for (let d = 0; d < k; d++) {
        const j = Math.max(0, i - int(1, 10));
        const depId = `p${p}-t${j}`;
        if (!deps.includes(depId)) {
          deps.push(depId);
          after = Math.max(after, (dues[j] as number) + 1);
        }
      }
      const start = rnd() < 0.95 ? after + int(0, 2) : after - int(1, 3);
      const due = start + int(0, 5);
      dues.push(due);
      const roll = rnd();
      const status: TaskStatus = roll < 0.3 ? 'done' : roll < 0.55 ? 'doing' : roll < 0.6 ? 'review' : roll < 0.65 ? 'blocked' : 'todo';
      tasks.push({
        id,
        title: `项目${p + 1} 任务${i + 1}`,
        stage: STAGES[Math.min(STAGES.length - 1, Math.floor((i / perProject) * STAGES.length))] ?? null,
        assigneeId: rnd() < 0.9 ? `m${int(0, 11)}` : null,
        startDate: iso(start),
        dueDate: iso(due),
        status,
        dependsOn: deps,
        progress: status === 'done' ? 1 : status === 'todo' ? 0 : Math.round(rnd() * 10) / 10,
        projectId: `p${p}`,
      });
    }
  }
  const milestones: GanttMilestone[] = [
    { name: '报名截止', date: '2026-06-01' },
    { name: '预热', date: '2026-06-10' },
    { name: '正式', date: '2026-06-18' },
    { name: '返场', date: '2026-06-21' },
  ];
  return { tasks, members, milestones };
}

/** The same tasks in frappe-gantt's format (progress in percent, dependencies as a string). */
export function toFrappe(tasks: readonly GanttTask[]): { id: string; name: string; start: string; end: string; progress: number; dependencies: string }[] {
  return tasks.map((t) => ({
    id: t.id,
    name: t.title,
    start: t.startDate ?? '',
    end: t.dueDate ?? '',
    progress: Math.round(t.progress * 100),
    dependencies: t.dependsOn.join(', '),
  }));
}
