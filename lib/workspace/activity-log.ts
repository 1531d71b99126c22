import { newId, type Activity } from '../domain';

type Entity = Activity['entity'];

/** One activity row per changed field, so the log reads "who changed what: old → new". */
export function diffActivity(args: {
  shopId: string;
  actorId: string | null;
  entity: Entity;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: number;
  ignore?: readonly string[];
}): Activity[] {
  const { before, after } = args;
  const base = { shopId: args.shopId, at: args.at, actorId: args.actorId, entity: args.entity, entityId: args.entityId };
  if (!before && after) return [{ ...base, id: newId(), action: 'create', field: null, oldValue: null, newValue: summary(after) }];
  if (before && !after) return [{ ...base, id: newId(), action: 'delete', field: null, oldValue: summary(before), newValue: null }];
  if (!before || !after) return [];
  const ignore = new Set(['updatedAt', 'createdAt', ...(args.ignore ?? [])]);
  const out: Activity[] = [];
  for (const field of Object.keys(after)) {
    if (ignore.has(field)) continue;
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    const action = field === 'deletedAt' && after[field] !== null ? 'delete' : 'update';
    out.push({ ...base, id: newId(), action, field, oldValue: before[field] ?? null, newValue: after[field] ?? null });
  }
  return out;
}

/** The name-like field of a record, so a create/delete entry stays short. */
function summary(rec: Record<string, unknown>): unknown {
  return rec.title ?? rec.name ?? rec.id;
}
