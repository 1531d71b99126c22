import { canSeeFinance } from '../domain/roles';
import type { Member } from '../domain/member';
import { isOpen, type Stage } from '../domain/vocab';
import type { Task } from '../domain/task';
import { daysBetween } from '../domain/dates';
import { labelFrom, type ItemNames } from '../items/label';
import { metricByCode } from '../metrics/dictionary';
import { STAGE_TIPS } from './stage-tips';

/**
 * The morning briefing: what needs one member today, most urgent first. Pure, so the rules of
 * who sees what (finance figures only for roles that may see them) are unit-tested.
 */

/** A stored firing as the briefing needs it; `metric` is the rule's metric (null for task rules). */
export interface BriefingFiring {
  key: string;
  ruleName: string;
  messageZh: string;
  messageEn: string;
  notify: readonly string[];
  at: number;
  provisional: boolean;
  metric: string | null;
  taskId: string | null;
}

export interface BriefingRisk {
  id: string;
  metric: string;
  itemId: string | null;
  severity: 'warning' | 'watch';
  titleZh: string;
  titleEn: string;
  detailZh: string;
  detailEn: string;
}

export interface SopTip {
  stage: Stage;
  zh: string;
  en?: string;
}

export interface BriefingInput {
  today: string;
  /** ms since epoch: firings older than `firingHours` are yesterday's news. */
  now: number;
  me: Member;
  tasks: readonly Task[];
  firings: readonly BriefingFiring[];
  risks: readonly BriefingRisk[];
  /** The team's SOPs when that store exists; stage descriptions otherwise. */
  sops?: readonly SopTip[] | null;
  /** itemId → title (the item catalog): risk cards name their item "title (ID)". */
  itemNames?: ItemNames;
  firingHours?: number;
}

export type BriefingKind = 'overdue' | 'blocked' | 'dueToday' | 'dueSoon' | 'firing' | 'risk' | 'tip';

export interface BriefingItem {
  kind: BriefingKind;
  /** Higher first. */
  urgency: number;
  /** Stable id (task id, firing key, card id, stage). */
  ref: string;
  titleZh: string;
  titleEn: string;
  detailZh: string;
  detailEn: string;
  taskId: string | null;
}

export interface Briefing {
  memberId: string;
  date: string;
  items: BriefingItem[];
  /** Firings or cards left out because they are finance figures this role does not see. */
  hiddenFinance: number;
}

function isFinance(metric: string | null): boolean {
  if (!metric) return false;
  // The dictionary's finance flag (支付金额, 客单价, 退款金额…); derived rates are not money.
  return metricByCode(metric)?.finance ?? false;
}

function taskItem(t: Task, today: string): BriefingItem | null {
  const base = { ref: t.id, taskId: t.id, titleZh: t.title, titleEn: t.title };
  const d = t.dueDate ? daysBetween(today, t.dueDate) : null;
  if (d !== null && d < 0) return { ...base, kind: 'overdue', urgency: 1000 - d, detailZh: `逾期${-d}天（截止 ${t.dueDate}）`, detailEn: `${-d} day(s) overdue (due ${t.dueDate})` };
  if (t.status === 'blocked') return { ...base, kind: 'blocked', urgency: 900, detailZh: '受阻：需要有人帮忙解除', detailEn: 'Blocked: needs someone to unblock it' };
  if (d === 0) return { ...base, kind: 'dueToday', urgency: 800, detailZh: '今天到期', detailEn: 'Due today' };
  if (d !== null && d <= 2) return { ...base, kind: 'dueSoon', urgency: 300 - d, detailZh: `${d}天后到期`, detailEn: `Due in ${d} day(s)` };
  return null;
}

const PRIORITY_BONUS: Record<string, number> = { P0: 30, P1: 20, P2: 10, P3: 0 };

/** The stage most of my open work is in (ties: pipeline order of the most urgent task). */
function currentStage(mine: readonly Task[]): Stage | null {
  const counts = new Map<Stage, number>();
  for (const t of mine) if (t.stage) counts.set(t.stage, (counts.get(t.stage) ?? 0) + 1);
  let best: Stage | null = null;
  for (const [s, n] of counts) if (best === null || n > counts.get(best)!) best = s;
  return best;
}

export function composeBriefing(input: BriefingInput): Briefing {
  const { me, today } = input;
  const finance = canSeeFinance(me.role);
  const mine = input.tasks.filter((t) => isOpen(t) && t.assigneeId === me.id);
  const myTaskIds = new Set(mine.map((t) => t.id));
  const myItems = new Set(mine.flatMap((t) => t.itemIds));
  const items: BriefingItem[] = [];
  let hiddenFinance = 0;

  for (const t of mine) {
    const it = taskItem(t, today);
    if (it) items.push({ ...it, urgency: it.urgency + (PRIORITY_BONUS[t.priority] ?? 0) });
  }

  const since = input.now - (input.firingHours ?? 48) * 3_600_000;
  for (const f of input.firings) {
    if (f.at < since) continue;
    if (!f.notify.includes(me.id) && !(f.taskId && myTaskIds.has(f.taskId))) continue;
    if (!finance && isFinance(f.metric)) {
      hiddenFinance++;
      continue;
    }
    const tag = f.provisional ? { zh: '（数据未定）', en: ' (provisional)' } : { zh: '', en: '' };
    items.push({
      kind: 'firing',
      urgency: f.provisional ? 550 : 700,
      ref: f.key,
      titleZh: `规则「${f.ruleName}」触发${tag.zh}`,
      titleEn: `Rule "${f.ruleName}" fired${tag.en}`,
      detailZh: f.messageZh,
      detailEn: f.messageEn,
      taskId: f.taskId,
    });
  }

  // Shop-wide cards matter to whoever runs the shop; item cards to whoever works on the item.
  const shopWide = me.role === 'owner' || me.role === 'ops_director';
  for (const c of input.risks) {
    const mineCard = c.itemId === null ? shopWide : myItems.has(c.itemId);
    if (!mineCard) continue;
    if (!finance && isFinance(c.metric)) {
      hiddenFinance++;
      continue;
    }
    items.push({
      kind: 'risk',
      urgency: c.severity === 'warning' ? 600 : 400,
      ref: c.id,
      titleZh: c.itemId ? `${c.titleZh}（商品 ${labelFrom(input.itemNames, c.itemId)}）` : c.titleZh,
      titleEn: c.itemId ? `${c.titleEn} (item ${labelFrom(input.itemNames, c.itemId)})` : c.titleEn,
      detailZh: c.detailZh,
      detailEn: c.detailEn,
      taskId: null,
    });
  }

  const stage = currentStage(mine);
  if (stage) {
    const sop = input.sops?.find((s) => s.stage === stage);
    const fallback = STAGE_TIPS[stage];
    items.push({
      kind: 'tip',
      urgency: 100,
      ref: `tip|${stage}`,
      titleZh: `${stage} 阶段要点${sop ? '（团队SOP）' : ''}`,
      titleEn: `${stage} stage tip${sop ? ' (team SOP)' : ''}`,
      detailZh: sop?.zh ?? fallback.zh,
      detailEn: sop?.en ?? (sop ? sop.zh : fallback.en),
      taskId: null,
    });
  }

  items.sort((a, b) => b.urgency - a.urgency || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  return { memberId: me.id, date: today, items, hiddenFinance };
}

/** Storage key remembering the day a member last saw the briefing. */
export function briefingSeenKey(memberId: string): string {
  return `zg:briefing:${memberId}`;
}

/** Show the briefing when this member has not seen it today (first open of the panel or side panel). */
export function shouldShowBriefing(lastSeen: unknown, today: string): boolean {
  return typeof lastSeen !== 'string' || lastSeen < today;
}
