/**
 * How an item is named to a person: "title (ID)", or the ID alone when no title is known.
 * Pure and dependency-free (no zod, no DOM): the background, the extension pages and the
 * content scripts all name items the same way. Titles are page text: callers render the label
 * as text only, never as markup.
 */

/** itemId → the item's title as the seller console last showed it (lib/items/catalog.ts). */
export type ItemNames = Readonly<Record<string, string>>;

/** Longest title shown in a label; Taobao titles run to 60 characters, messages stay readable. */
export const LABEL_TITLE_MAX = 40;

/** A title for display: whitespace collapsed, cut at `max` characters with an ellipsis. */
export function shortTitle(title: string, max: number = LABEL_TITLE_MAX): string {
  const t = title.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  const chars = Array.from(t);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : t;
}

/** "北欧实木餐桌 家用小户型 (700000000001)", or "700000000001" without a title. */
export function itemLabel(itemId: string, title?: string | null, max: number = LABEL_TITLE_MAX): string {
  const t = title ? shortTitle(title, max) : '';
  return t ? `${t} (${itemId})` : itemId;
}

/** The label of an item from a names map (a missing map or entry gives the bare ID). */
export function labelFrom(names: ItemNames | null | undefined, itemId: string, max?: number): string {
  return itemLabel(itemId, names?.[itemId] ?? null, max);
}

/** A labeller bound to a names map, for lists and charts. */
export function labeller(names: ItemNames | null | undefined, max?: number): (itemId: string) => string {
  return (itemId) => labelFrom(names, itemId, max);
}
