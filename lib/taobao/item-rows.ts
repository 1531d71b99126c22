import { itemIdOfRow } from '../capture/item-id';
import { css, S } from './selectors';

/**
 * The item rows of a Qianniu item table (商品管理) with each row's item ID,
 * for the open-task badges. Rows come from the selector registry; a row whose
 * item cannot be told for sure (no ID, or two) gets no badge rather than a
 * wrong one.
 */
export interface ItemRow {
  row: Element;
  itemId: string;
  /** Where a badge can sit: the cell holding the item link, else the first cell. */
  anchor: Element;
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
    out.push({ row, itemId: id.itemId, anchor });
  }
  return out;
}
