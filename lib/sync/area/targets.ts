import { targetId, targetSchema } from '../../metrics/targets';
import { uuidv5 } from '../uuid5';
import { isUuid, ms, num, parseWith, type AreaAdapter } from './adapter';

/**
 * Targets and warning lines ↔ public.targets. The local id is `shop|metric|scope`
 * (one target per metric and scope), so the server id is derived from it: two
 * teammates setting the same target edit one row.
 */
export const targets: AreaAdapter = {
  store: 'targets',
  table: 'targets',
  deletes: 'hard',
  memberFields: [{ field: 'updatedBy', required: false }],
  serverId: (t) => (typeof t.id === 'string' ? uuidv5(`target|${t.id}`) : null),
  toServer: (t) => {
    const line = t.line as { direction: string; value: number } | null;
    return {
      shop_id: t.shopId,
      metric: t.metric,
      item_id: t.itemKey === '' ? null : t.itemKey,
      monthly: t.monthly ?? null,
      value: line?.value ?? null,
      line_direction: line?.direction ?? null,
      updated_by: isUuid(t.updatedBy) ? t.updatedBy : null,
    };
  },
  localKey: (row) => targetId(String(row.shop_id), String(row.metric), (row.item_id as string | null) ?? null),
  fromServer: (row) => {
    const value = num(row.value);
    return parseWith(targetSchema, {
      id: targets.localKey(row),
      shopId: row.shop_id,
      metric: row.metric,
      itemKey: row.item_id ?? '',
      monthly: num(row.monthly),
      line: value === null ? null : { direction: row.line_direction, value },
      updatedAt: ms(row.updated_at),
      updatedBy: row.updated_by ?? null,
    });
  },
};
