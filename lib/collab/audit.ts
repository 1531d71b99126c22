import type { Activity, Member, Task } from '../domain';
import { labeller, type ItemNames } from '../items/label';
import type { Comment, ImageVersion, PriceChange } from './model';

/**
 * The audit log: the workspace's activity rows plus the collaboration records
 * (image versions, their going live, price changes, comments) as one list of
 * entries, newest first, filtered by person, item, type, date range and text.
 * Pure: the background loads the rows, the side panel shows the entries.
 */
export const AUDIT_KINDS = ['task', 'project', 'member', 'template', 'shop', 'image', 'price', 'comment'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  task: '任务 Task',
  project: '项目 Project',
  member: '成员 Member',
  template: '模板 Template',
  shop: '店铺 Shop',
  image: '主图版本 Image',
  price: '价格 Price',
  comment: '评论 Comment',
};

export interface AuditEntry {
  id: string;
  at: number;
  actorId: string | null;
  kind: AuditKind;
  entityId: string;
  itemIds: string[];
  text: string;
}

export interface AuditFilter {
  actorId?: string | null;
  itemId?: string | null;
  kinds?: readonly AuditKind[];
  /** Inclusive calendar days, YYYY-MM-DD (local). */
  from?: string | null;
  to?: string | null;
  q?: string | null;
}

export const ACTION_ZH = { create: '创建', update: '修改', delete: '删除' } as const;
export const ENTITY_ZH = { shop: '店铺', member: '成员', project: '项目', task: '任务', template: '模板' } as const;

/** A logged value as text: empty → 空, strings as they are, anything else as JSON. */
export function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '空';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
const yuan = (n: number | null): string => (n === null ? '—' : `¥${n.toFixed(2)}`);

export function buildAudit(src: {
  activity: readonly Activity[];
  tasks: readonly Task[];
  imageVersions: readonly ImageVersion[];
  priceChanges: readonly PriceChange[];
  comments: readonly Comment[];
  /** Item titles from the catalog: entries read "商品 title (ID)", and searching a title finds them. */
  itemNames?: ItemNames;
}): AuditEntry[] {
  const item = labeller(src.itemNames);
  const taskById = new Map(src.tasks.map((t) => [t.id, t]));
  const out: AuditEntry[] = [];
  for (const a of src.activity) {
    const task = a.entity === 'task' ? taskById.get(a.entityId) : undefined;
    const name = task ? `「${task.title}」` : '';
    const change = a.field ? ` · ${a.field}: ${show(a.oldValue)} → ${show(a.newValue)}` : ` · ${show(a.newValue ?? a.oldValue)}`;
    out.push({ id: a.id, at: a.at, actorId: a.actorId, kind: a.entity, entityId: a.entityId, itemIds: task?.itemIds ?? [], text: `${ACTION_ZH[a.action]}${ENTITY_ZH[a.entity]}${name}${change}` });
  }
  for (const v of src.imageVersions) {
    const what = `商品 ${item(v.itemId)} 主图${v.slot + 1} 版本 v${v.version}${v.imageId ? ` (${v.imageId})` : ''}`;
    out.push({ id: `${v.id}:rec`, at: v.at, actorId: v.createdBy, kind: 'image', entityId: v.id, itemIds: [v.itemId], text: `记录${what}${v.note ? ` · ${v.note}` : ''}` });
    if (v.liveSince !== null) out.push({ id: `${v.id}:live`, at: v.liveSince, actorId: null, kind: 'image', entityId: v.id, itemIds: [v.itemId], text: `${what} 上线 live` });
    if (v.liveUntil !== null) out.push({ id: `${v.id}:end`, at: v.liveUntil, actorId: null, kind: 'image', entityId: v.id, itemIds: [v.itemId], text: `${what} 被替换 replaced` });
  }
  for (const p of src.priceChanges) {
    out.push({
      id: p.id,
      at: p.at,
      actorId: p.createdBy,
      kind: 'price',
      entityId: p.id,
      itemIds: [p.itemId],
      text: `改价 商品 ${item(p.itemId)} SKU ${p.skuLabel || p.skuId || ''}: ${yuan(p.oldPrice)} → ${yuan(p.newPrice)}`,
    });
  }
  for (const c of src.comments) {
    const task = taskById.get(c.taskId);
    out.push({
      id: c.id,
      at: c.at,
      actorId: c.authorId,
      kind: 'comment',
      entityId: c.taskId,
      itemIds: task?.itemIds ?? [],
      text: `${c.deletedAt !== null ? '删除评论' : '评论'}${task ? `「${task.title}」` : ''}: ${c.body.slice(0, 200)}`,
    });
  }
  return out.sort((a, b) => b.at - a.at);
}

/** `dayOf` turns a timestamp into the local calendar day the date range is about. */
export function filterAudit(entries: readonly AuditEntry[], f: AuditFilter, dayOf: (at: number) => string, members: readonly Member[] = []): AuditEntry[] {
  const q = f.q?.trim().toLowerCase() ?? '';
  const names = new Map(members.map((m) => [m.id, m.name.toLowerCase()]));
  return entries.filter((e) => {
    if (f.actorId && e.actorId !== f.actorId) return false;
    if (f.itemId && !e.itemIds.includes(f.itemId)) return false;
    if (f.kinds && f.kinds.length > 0 && !f.kinds.includes(e.kind)) return false;
    if (f.from || f.to) {
      const day = dayOf(e.at);
      if (f.from && day < f.from) return false;
      if (f.to && day > f.to) return false;
    }
    if (q && !e.text.toLowerCase().includes(q) && !(e.actorId && names.get(e.actorId)?.includes(q)) && !e.itemIds.some((i) => i.includes(q))) return false;
    return true;
  });
}
