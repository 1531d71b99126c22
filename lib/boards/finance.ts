/**
 * Money on custom boards, mirroring the server (supabase/migrations/20261129000600_money_boards.sql,
 * private.board_mentions_finance and the boards select policy). A board item mentions money when its
 * metric is a money metric (the dictionary's `finance: true`: 支付金额, 客单价, 退款金额, 推广费, UV价值)
 * or its formula names one as a whole word (`payAmt / uv`, `avg7(payPct)`; not `payAmtX`). A shared
 * board that mentions money is seen only by its owner and by roles that may see finance (owner,
 * ops director, operator): its figures, targets and warning lines are money.
 */
import { canSeeFinance, type Role } from '../domain/roles';
import { METRICS } from '../metrics/dictionary';
import type { Board, BoardItem } from './model';

/** The money metric codes; the server's copy is private.finance_metrics(). */
export const FINANCE_CODES: readonly string[] = METRICS.filter((m) => m.finance).map((m) => m.code);

/**
 * A money code as a whole word: no [A-Za-z0-9_] right before or after it (the characters of formula
 * names), case-sensitive — the same pattern the server uses.
 */
const FINANCE_NAME = new RegExp(`(?:^|[^A-Za-z0-9_])(?:${FINANCE_CODES.join('|')})(?![A-Za-z0-9_])`);

/** Whether an item reads a money metric, directly or in its formula (valid or not). */
export function itemMentionsFinance(item: Pick<BoardItem, 'source'>): boolean {
  // Both fields whatever `kind` says, as the server does with a stored row.
  const source = item.source as { metric?: unknown; formula?: unknown };
  return (typeof source.metric === 'string' && FINANCE_CODES.includes(source.metric)) || (typeof source.formula === 'string' && FINANCE_NAME.test(source.formula));
}

export function boardMentionsFinance(board: { items: readonly Pick<BoardItem, 'source'>[] }): boolean {
  return board.items.some(itemMentionsFinance);
}

export interface BoardViewer {
  /** The viewer's member id, or null before "我是谁" is chosen. */
  memberId: string | null;
  /** canSeeFinance of the viewer's role (false when unknown). */
  mayFinance: boolean;
}

export const boardViewer = (memberId: string | null, role: Role | null): BoardViewer => ({ memberId, mayFinance: role !== null && canSeeFinance(role) });

/** The server's select policy: the owner always; others when shared, and money boards to finance roles only. */
export function mayViewBoard(board: Pick<Board, 'ownerId' | 'shared' | 'items'>, viewer: BoardViewer): boolean {
  if (viewer.memberId !== null && board.ownerId === viewer.memberId) return true;
  return board.shared && (viewer.mayFinance || !boardMentionsFinance(board));
}

export interface ShareNotice {
  /** Labels of the items that mention money. */
  labels: string[];
  zh: string;
  en: string;
}

/** What the editor says when a board it is about to share mentions money; null when it does not matter. */
export function shareNotice(board: { shared: boolean; items: readonly Pick<BoardItem, 'source' | 'label'>[] }): ShareNotice | null {
  if (!board.shared) return null;
  const labels = board.items.filter(itemMentionsFinance).map((i) => i.label.trim() || '—');
  if (labels.length === 0) return null;
  return {
    labels,
    zh: `此看板含金额指标（${labels.join('、')}）：共享后只有你和店主、运营总监、运营能看到，客服、美工、仓库等角色看不到这个看板。`,
    en: `This board has money items (${labels.join(', ')}): shared, it is visible only to you and the shop owner, ops directors and operators; CS, designers and warehouse do not see it.`,
  };
}
