import type { Member, Shop } from '../domain';
import type { Services } from '../messaging/area';
import { UserError } from '../workspace/errors';
import type { WorkspaceState } from '../workspace/types';

export interface Actor {
  state: WorkspaceState;
  shop: Shop;
  me: Member;
}

/** The shop and the current member; collaboration always needs both (who wrote it, in which shop). */
export async function requireActor(s: Pick<Services, 'workspace'>): Promise<Actor> {
  const state = await s.workspace.state();
  if (!state.shop) throw new UserError('请先完成店铺设置 / set up the shop first');
  const me = state.members.find((m) => m.id === state.meId);
  if (!me) throw new UserError('请先选择你是哪位成员 / choose which member you are first');
  return { state, shop: state.shop, me };
}

/** Rows of a collaboration store that parse, skipping (not crashing on) any that do not. */
export function validRows<T>(rows: readonly unknown[], schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T[] {
  return rows.flatMap((r) => {
    const p = schema.safeParse(r);
    return p.success ? [p.data] : [];
  });
}

export function parseOrThrow<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string; path: PropertyKey[] }[] } } }, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  throw new UserError(first?.message ?? '无效数据 / invalid data', first?.path.join('.'));
}
