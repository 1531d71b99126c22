import type { Priority } from '../domain/task';
import { findDate } from './dates';
import { findPriority } from './lexicon';

export interface TaskDetails {
  title: string;
  dueDate: string | null;
  priority: Priority | null;
}

/** Words that only say "deadline", read next to a date: 周五前完成, 明天截止, 截止到周五, due Friday. */
const BEFORE_DATE = /(?:(?:要|请|需要|必须)?(?:在|于)|截止(?:日期|时间)?(?:是|为|到)?|(?:最晚|最迟)|\b(?:due|by|before|deadline|on|until)\b)\s*$/i;
const AFTER_DATE = /^\s*(?:之前|以前|前|为止)?(?:要|需要)?(?:完成|做完|交付|提交|搞定|上线|交)?(?:截止|到期)?/;
const BEFORE_PRIORITY = /(?:优先级(?:是|为)?|\bpriority\b)\s*$/i;
const AFTER_PRIORITY = /^\s*(?:优先级|\bpriority\b)?/i;

function cut(seg: string, index: number, length: number, before: RegExp, after: RegExp): string {
  const left = seg.slice(0, index).replace(before, '');
  const right = seg.slice(index + length).replace(after, '');
  return `${left} ${right}`;
}

/**
 * Splits "核对库存，明天截止，P1" / "check stock due tomorrow P1" into title, due date and
 * priority. Deadline words are removed only next to the date, so a title like "完成月报" keeps
 * its words. The first clause left with words is the title.
 */
export function readTaskDetails(text: string, today: string): TaskDetails {
  let dueDate: string | null = null;
  let priority: Priority | null = null;
  const titles: string[] = [];
  for (const raw of text.split(/[,，;；。]/)) {
    let seg = raw.trim();
    if (!seg) continue;
    if (dueDate === null) {
      const d = findDate(seg, today);
      if (d) {
        dueDate = d.date;
        seg = cut(seg, d.index, d.length, BEFORE_DATE, AFTER_DATE);
      }
    }
    if (priority === null) {
      const p = findPriority(seg);
      if (p) {
        priority = p.priority;
        seg = cut(seg, p.index, p.length, BEFORE_PRIORITY, AFTER_PRIORITY);
      }
    }
    const rest = seg.replace(/\s+/g, ' ').trim();
    if (rest) titles.push(rest);
  }
  const title = (titles[0] ?? '')
    .replace(/^(?:要|去|负责|处理|跟进)\s*/, '')
    .replace(/^to\s+/i, '')
    .replace(/^[:：\s"“「]+|[:：\s"”」]+$/g, '');
  return { title, dueDate, priority };
}
