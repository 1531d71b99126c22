import { useMemo } from 'react';
import type { ItemNames } from '@/lib/items/label';
import { useRemote } from './use-remote';

/**
 * Titles of some items from the item catalog (items.names), refreshed whenever data changes.
 * Views name items with lib/items/label.ts ("title (ID)", the ID alone while unknown) and
 * render the result as text.
 */
export function useItemNames(itemIds: readonly (string | null | undefined)[]): ItemNames {
  const ids = useMemo(() => [...new Set(itemIds.filter((id): id is string => typeof id === 'string' && /^\d{5,20}$/.test(id)))].sort().slice(0, 5000), [itemIds]);
  const key = ids.join(',');
  const remote = useRemote<ItemNames>(ids.length > 0 ? { type: 'items.names', itemIds: ids } : null, [key]);
  return ids.length > 0 ? (remote.data ?? {}) : {};
}
