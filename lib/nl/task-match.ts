import type { Task } from '../domain/task';

export type TaskMatch = { kind: 'found'; task: Task } | { kind: 'none' } | { kind: 'many'; tasks: Task[] };

/** Quotes and filler around a task name: 「核对库存」这个任务 → 核对库存. */
export function cleanPhrase(s: string): string {
  return s
    .trim()
    .replace(/^(?:请|麻烦)?(?:把|将)?/, '')
    .replace(/^(?:the )?task /i, '')
    .replace(/^["'“”「『《]+|["'“”」』》]+$/g, '')
    .replace(/(?:这个|那个)?(?:任务|task)$/i, '')
    .replace(/^["'“”「『《]+|["'“”」』》]+$/g, '')
    .replace(/[,.;:!?，。；：]+$/, '')
    .trim();
}

/**
 * The open task a phrase names: exact title first, then a title containing the phrase (or the
 * phrase containing the title). Several candidates are returned for the person to choose.
 */
export function findTask(phrase: string, tasks: readonly Task[]): TaskMatch {
  const p = cleanPhrase(phrase).toLowerCase();
  if (!p) return { kind: 'none' };
  const live = tasks.filter((t) => t.deletedAt === null);
  const exact = live.filter((t) => t.title.toLowerCase() === p);
  if (exact.length === 1) return { kind: 'found', task: exact[0]! };
  if (exact.length > 1) return { kind: 'many', tasks: exact };
  const partial = live.filter((t) => {
    const title = t.title.toLowerCase();
    return title.includes(p) || p.includes(title);
  });
  if (partial.length === 1) return { kind: 'found', task: partial[0]! };
  if (partial.length > 1) return { kind: 'many', tasks: partial };
  return { kind: 'none' };
}
