import type { Member } from '../domain/member';
import { type Stage, STAGES } from '../domain/stages';
import type { Priority } from '../domain/task';
import { STATUS_LABELS } from '../domain/task';
import { statusFrom } from './lexicon';
import { matchMemberAt } from './members';
import { readTaskDetails } from './task-details';
import { cleanPhrase, findTask } from './task-match';
import type { ActionProposal, ParseContext } from './types';

type Pending = 'createTask' | 'assignTask' | 'setTaskStatus';

function stageOf(title: string): Stage | null {
  return STAGES.find((s) => title.includes(s)) ?? null;
}

function tail(due: string | null, priority: Priority | null): { zh: string; en: string } {
  return {
    zh: `${due ? `，${due} 截止` : ''}${priority ? `，${priority}` : ''}`,
    en: `${due ? `, due ${due}` : ''}${priority ? `, ${priority}` : ''}`,
  };
}

function askMember(name: string, members: readonly Member[], pending: Pending, ambiguous: Member[] | null): ActionProposal {
  const active = members.filter((m) => m.deletedAt === null);
  return {
    kind: 'clarify',
    params: {
      reason: ambiguous ? 'ambiguousMember' : 'unknownMember',
      name,
      candidates: (ambiguous ?? active).map((m) => m.name),
      pending,
    },
    summaryZh: ambiguous ? `有多位成员叫“${name}”，是哪一位？` : `团队里没有“${name}”，要指派给谁？`,
    summaryEn: ambiguous ? `More than one member is called "${name}": which one?` : `Nobody called "${name}" is on the team: who should it be?`,
  };
}

function askTask(phrase: string, candidates: string[], pending: Pending): ActionProposal {
  return {
    kind: 'clarify',
    params: { reason: candidates.length > 0 ? 'ambiguousTask' : 'unknownTask', name: phrase, candidates, pending },
    summaryZh: candidates.length > 0 ? `有多个任务与“${phrase}”相符，是哪一个？` : `没有找到任务“${phrase}”`,
    summaryEn: candidates.length > 0 ? `Several tasks match "${phrase}": which one?` : `No task called "${phrase}" was found`,
  };
}

function createTask(title: string, assignee: Member | null, rest: { dueDate: string | null; priority: Priority | null }): ActionProposal {
  const t = tail(rest.dueDate, rest.priority);
  return {
    kind: 'createTask',
    params: { title, assigneeId: assignee?.id ?? null, dueDate: rest.dueDate, priority: rest.priority, stage: stageOf(title) },
    summaryZh: `新建任务「${title}」${assignee ? `，指派给${assignee.name}` : ''}${t.zh}`,
    summaryEn: `Create task "${title}"${assignee ? ` for ${assignee.name}` : ''}${t.en}`,
  };
}

/**
 * "把主图优化分配给小美，周五前完成" / "assign 主图优化 to Alice by Friday".
 * An existing task is assigned; a phrase naming no task becomes a new task for that person.
 */
export function parseAssign(text: string, ctx: ParseContext): ActionProposal | null {
  const m =
    /^(?:请|麻烦)?(?:把|将)(.+?)(?:分配|指派|交|派|安排|转)给(.+)$/.exec(text) ??
    /^(?:please )?(?:assign|give|hand) (.+?) to (.+)$/i.exec(text);
  if (!m) return null;
  const phrase = cleanPhrase(m[1]!);
  const who = matchMemberAt(m[2]!.trim(), ctx.members);
  if (who.kind !== 'found') return askMember(who.name, ctx.members, 'assignTask', who.kind === 'ambiguous' ? who.candidates : null);
  const details = readTaskDetails(m[2]!.trim().slice(who.length), ctx.today);
  const found = findTask(phrase, ctx.tasks ?? []);
  if (found.kind === 'many') return askTask(phrase, found.tasks.map((t) => t.title), 'assignTask');
  if (found.kind === 'none') return createTask(phrase, who.member, details);
  const task = found.task;
  const t = tail(details.dueDate, details.priority);
  return {
    kind: 'assignTask',
    params: { taskId: task.id, title: task.title, assigneeId: who.member.id, dueDate: details.dueDate, priority: details.priority },
    summaryZh: `把任务「${task.title}」指派给${who.member.name}${t.zh}`,
    summaryEn: `Assign "${task.title}" to ${who.member.name}${t.en}`,
  };
}

/**
 * "给小王建个任务：核对库存，明天截止，P1", "新建任务：写详情页文案，交给小美", "提醒小王明天核对库存",
 * "create a task: check stock for Alice due tomorrow P1", "remind Alice to call the supplier on Friday".
 */
export function parseCreateTask(text: string, ctx: ParseContext): ActionProposal | null {
  // 给<name><verb>任务<rest>
  const forWhom = /^(?:请|麻烦)?(?:给|帮|为)(.+?)(?:建|新建|创建|开|加|添加|安排|布置|派)(?:1?个|一下)?(?:新)?任务[:：,，]?\s*(.*)$/.exec(text);
  if (forWhom) {
    const who = matchMemberAt(forWhom[1]!.trim(), ctx.members);
    if (who.kind !== 'found' || who.length !== forWhom[1]!.trim().length) {
      return askMember(who.kind === 'found' ? forWhom[1]!.trim() : who.name, ctx.members, 'createTask', who.kind === 'ambiguous' ? who.candidates : null);
    }
    const d = readTaskDetails(forWhom[2]!, ctx.today);
    return d.title ? createTask(d.title, who.member, d) : null;
  }
  const remind = /^提醒(.+)$/.exec(text) ?? /^remind (.+)$/i.exec(text);
  if (remind) {
    const who = matchMemberAt(remind[1]!.trim(), ctx.members);
    if (who.kind !== 'found') return askMember(who.name, ctx.members, 'createTask', who.kind === 'ambiguous' ? who.candidates : null);
    const d = readTaskDetails(remind[1]!.trim().slice(who.length).replace(/^\s*to\s+/i, ''), ctx.today);
    return d.title ? createTask(d.title, who.member, d) : null;
  }
  const plain =
    /^(?:请|麻烦)?(?:新建|创建|建|添加|加|开|记|记录)(?:1?个|一下)?(?:新)?(?:任务|待办)[:：,，]?\s*(.+)$/.exec(text) ??
    /^(?:please )?(?:create|add|new|make|open)(?: a| an)?(?: new)? (?:task|todo|to-do)[:,]?\s*(.+)$/i.exec(text);
  if (!plain) return null;
  let body = plain[1]!;
  let assignee: Member | null = null;
  // An assignee inside: "…，交给小美" / "… for Alice" / "… assigned to Alice".
  const to = /(?:[,，]\s*)?(?:分配给|指派给|交给|安排给|负责人[:：]?|给)(?=\S)/.exec(body) ?? /\s(?:assigned to|assign to|for|to)\s(?=[A-Za-z\u4e00-\u9fa5])/i.exec(body);
  if (to) {
    const after = body.slice(to.index + to[0].length);
    const who = matchMemberAt(after, ctx.members);
    if (who.kind === 'found') {
      assignee = who.member;
      body = body.slice(0, to.index) + ' ' + after.slice(who.length);
    } else if (/[\u4e00-\u9fa5]/.test(to[0]) || /^[A-Z]/.test(after)) {
      // "交给小李" or "for Bob": clearly a person we do not know.
      return askMember(who.name, ctx.members, 'createTask', who.kind === 'ambiguous' ? who.candidates : null);
    }
  }
  const d = readTaskDetails(body, ctx.today);
  return d.title ? createTask(d.title, assignee, d) : null;
}

/** "把核对库存标记为完成", "核对库存已完成", "mark check stock as done", "set 主图优化 to blocked". */
export function parseStatus(text: string, ctx: ParseContext): ActionProposal | null {
  let phrase: string | null = null;
  let word: string | null = null;
  const set =
    /^(?:请|麻烦)?(?:把|将)?(.+?)(?:的状态)?(?:标记为|标记成|标记|标为|设为|设置为|设成|改为|改成|置为|更新为|状态改为|状态设为)(.+)$/.exec(text) ??
    /^(?:please )?(?:mark|set|move|change|update) (.+?)(?: status)? (?:as|to) (.+)$/i.exec(text);
  if (set) {
    phrase = set[1]!;
    word = set[2]!;
  } else {
    const done = /^(.+?)(?:已经|已)?(?:完成了|做完了|搞定了|完成啦|已完成|已做完)$/.exec(text);
    const en = /^(.+?) is (done|finished|complete|completed|blocked|in progress|in review)$/i.exec(text);
    if (done) {
      phrase = done[1]!.replace(/(?:已经|已)$/, '');
      word = '完成';
    } else if (en) {
      phrase = en[1]!;
      word = en[2]!;
    }
  }
  if (phrase === null || word === null) return null;
  const status = statusFrom(word.replace(/[.!。！]+$/, ''));
  if (!status) return null;
  const clean = cleanPhrase(phrase);
  const found = findTask(clean, ctx.tasks ?? []);
  if (found.kind === 'none') return askTask(clean, [], 'setTaskStatus');
  if (found.kind === 'many') return askTask(clean, found.tasks.map((t) => t.title), 'setTaskStatus');
  const label = STATUS_LABELS[status];
  const [zh, en] = [label.split(' ')[0]!, label.slice(label.indexOf(' ') + 1)];
  return {
    kind: 'setTaskStatus',
    params: { taskId: found.task.id, title: found.task.title, status },
    summaryZh: `把任务「${found.task.title}」标记为${zh}`,
    summaryEn: `Mark "${found.task.title}" as ${en}`,
  };
}

