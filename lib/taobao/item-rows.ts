import { itemIdOfRow } from '../capture/item-id';
import { itemSeenInRow, type SeenItem } from '../items/seen';
import { css, S } from './selectors';

/**
 * The item rows of a Qianniu item table (商品管理) with each row's item ID
 * (and the title it shows, for the item catalog), for the open-task badges. Rows come from the selector registry; a row whose
 * item cannot be told for sure (no ID, or two) gets no badge rather than a
 * wrong one.
 */
export interface ItemRow {
  row: Element;
  itemId: string;
  /** Where a badge can sit: the cell holding the item link, else the first cell. */
  anchor: Element;
  /** The title and picture the row shows for its item (item catalog), when it shows one. */
  seen: SeenItem | null;
}

const ROW = css(S.qianniuSellManageRow);
const CELL = css(S.tableCell);
const ITEM_LINK = css(S.itemLink);

export function findItemRows(root: ParentNode, pageUrl: string): ItemRow[] {
  const out: ItemRow[] = [];
  for (const row of Array.from(root.querySelectorAll(ROW))) {
    const id = itemIdOfRow(row, pageUrl);
    if (!id.ok) continue;
    const anchor = row.querySelector(ITEM_LINK)?.closest(CELL) ?? row.querySelector(CELL) ?? row;
    out.push({ row, itemId: id.itemId, anchor, seen: itemSeenInRow(row, id.itemId, pageUrl) });
  }
  return out;
}
