/**
 * The docked panel's first view on a seller page (issue 2): the same two lists the panel frame
 * shows — this item's tasks and my tasks — as plain rows the content script draws in its own
 * shadow root. Creating the frame (a whole extension page, in another process) cost the host
 * page's main thread ~20 ms of its load (tests/bench/content); it is now created only when a
 * person reaches for the panel (pointer or keyboard focus on it).
 *
 * The input is the background's `panel.get` reply (lib/workspace/panel-data.ts). The content
 * bundle carries no zod, so the reply is checked here field by field; anything malformed gives
 * null and the preview says so (the frame, one hover away, shows the background's error).
 * Pure and DOM-free: the content script renders the result as text only.
 */
import { TASK_STATUSES, type TaskStatus } from '../domain/vocab';
import { labelFrom, type ItemNames } from '../items/label';
import { DUE_CLASS, dueLabel, dueState } from '../tasks/views';

/** Rows per list: the preview is a glance; the frame lists everything. */
export const PREVIEW_ROWS_MAX = 30;

export interface PreviewRow {
  id: string;
  title: string;
  /** "逾期2天", "今天到期", "11-28", … */
  due: string;
  /** The frame's class for the due state (overdue rows are marked). */
  dueClass: string;
}

export interface PreviewList {
  heading: string;
  rows: PreviewRow[];
  /** Rows beyond PREVIEW_ROWS_MAX. */
  more: number;
  empty: string;
}

export interface PanelPreview {
  shopName: string;
  onboarded: boolean;
  /** The current page's item, when the URL names one. */
  itemId: string | null;
  lists: PreviewList[];
}

interface ReplyTask {
  id: string;
  title: string;
  dueDate: string | null;
  status: TaskStatus;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const nameOf = (x: unknown): string | null | undefined => (x === null ? null : isObject(x) && typeof x.name === 'string' ? x.name : undefined);

function replyTasks(x: unknown): ReplyTask[] | null {
  if (!Array.isArray(x)) return null;
  const out: ReplyTask[] = [];
  for (const t of x) {
    if (!isObject(t) || typeof t.id !== 'string' || typeof t.title !== 'string' || !TASK_STATUSES.includes(t.status as TaskStatus)) return null;
    if (t.dueDate !== null && !(typeof t.dueDate === 'string' && DAY.test(t.dueDate))) return null;
    out.push({ id: t.id, title: t.title, dueDate: t.dueDate, status: t.status as TaskStatus });
  }
  return out;
}

function replyNames(x: unknown): ItemNames | null {
  if (!isObject(x)) return null;
  return Object.values(x).every((v) => typeof v === 'string') ? (x as ItemNames) : null;
}

function list(heading: string, tasks: ReplyTask[], today: string, empty: string): PreviewList {
  return {
    heading,
    rows: tasks.slice(0, PREVIEW_ROWS_MAX).map((t) => ({ id: t.id, title: t.title, due: dueLabel(t, today), dueClass: DUE_CLASS[dueState(t, today)] })),
    more: Math.max(0, tasks.length - PREVIEW_ROWS_MAX),
    empty,
  };
}

/** The preview of a `panel.get` reply, or null when the reply is not of that shape. */
export function panelPreview(reply: unknown): PanelPreview | null {
  if (!isObject(reply) || typeof reply.onboarded !== 'boolean' || typeof reply.today !== 'string' || !DAY.test(reply.today)) return null;
  const shopName = nameOf(reply.shop);
  const meName = nameOf(reply.me);
  const mine = replyTasks(reply.myTasks);
  const forItem = replyTasks(reply.itemTasks);
  const names = replyNames(reply.itemNames);
  const itemId = reply.itemId === null || typeof reply.itemId === 'string' ? reply.itemId : undefined;
  if (shopName === undefined || meName === undefined || !mine || !forItem || !names || itemId === undefined) return null;
  const lists: PreviewList[] = [];
  if (itemId) lists.push(list(`当前商品 This item · ${labelFrom(names, itemId)}`, forItem, reply.today, '这个商品还没有任务。用「＋ 任务」为它添加一个。'));
  if (reply.onboarded) {
    lists.push(list(`我的任务 My tasks${meName ? ` · ${meName}` : ''}`, mine, reply.today, '没有待办任务。在侧边栏给自己分配任务，或用「＋ 任务」记录当前页面要做的事。'));
  }
  return { shopName: shopName ?? '', onboarded: reply.onboarded, itemId, lists };
}
