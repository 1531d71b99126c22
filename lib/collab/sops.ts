import { newId, type Role, type Stage } from '../domain';
import type { Services } from '../messaging/area';
import { UserError } from '../workspace/errors';
import { BUILTIN_SOPS } from './builtin-sops';
import { parseOrThrow, requireActor, validRows } from './context';
import { sopSchema, type Sop } from './model';

/**
 * The SOP library: built-in documents (constants) plus the shop's own SOPs
 * and 复盘 lessons, each linked to a stage and to the roles it is for.
 */
export async function listSops(s: Services): Promise<Sop[]> {
  const own = validRows(await s.db.table('sops').toArray(), sopSchema).filter((d) => d.deletedAt === null);
  return [...BUILTIN_SOPS, ...own.sort((a, b) => b.updatedAt - a.updatedAt)];
}

/** For a task's stage: that stage's SOPs first; for a role: documents for that role or for everyone. */
export function filterSops(sops: readonly Sop[], f: { stage?: Stage | null; role?: Role | null; kind?: Sop['kind'] }): Sop[] {
  return sops.filter(
    (d) =>
      (f.stage === undefined || f.stage === null || d.stage === f.stage) &&
      (!f.role || d.roles.length === 0 || d.roles.includes(f.role)) &&
      (!f.kind || d.kind === f.kind),
  );
}

export async function saveSop(
  s: Services,
  input: { id?: string; title: string; body: string; stage: Stage | null; roles: Role[]; kind?: Sop['kind']; projectId?: string | null },
): Promise<Sop> {
  const actor = await requireActor(s);
  const now = s.now();
  const table = s.db.table('sops');
  let before: Sop | undefined;
  if (input.id) {
    if (input.id.startsWith('builtin-')) throw new UserError('内置 SOP 不能修改，请另存一份 / built-in SOPs are read-only: save a copy');
    const p = sopSchema.safeParse(await table.get(input.id));
    if (!p.success || p.data.deletedAt !== null) throw new UserError('文档不存在 / document not found');
    before = p.data;
  }
  const doc = parseOrThrow(sopSchema, {
    id: before?.id ?? newId(),
    shopId: actor.shop.id,
    kind: input.kind ?? before?.kind ?? 'sop',
    title: input.title,
    body: input.body,
    stage: input.stage,
    roles: input.roles,
    projectId: input.projectId ?? before?.projectId ?? null,
    builtIn: false,
    createdBy: before?.createdBy ?? actor.me.id,
    at: before?.at ?? now,
    updatedAt: now,
    deletedAt: null,
  });
  await table.put(doc);
  return doc;
}

export async function deleteSop(s: Services, id: string): Promise<void> {
  await requireActor(s);
  const p = sopSchema.safeParse(await s.db.table('sops').get(id));
  if (!p.success || p.data.deletedAt !== null) throw new UserError('文档不存在或为内置文档 / document not found or built in');
  await s.db.table('sops').put({ ...p.data, deletedAt: s.now(), updatedAt: s.now() });
}
