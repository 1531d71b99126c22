import { cellsByColumn as columns, matchesEntry } from '@/lib/capture/dom';
import type { Figure } from '@/lib/capture/types';
import { css, S } from '@/lib/taobao/selectors';

const KPI_NAME = css(S.sycmKpiCellName);


/**
 * Where a figure's badge sits, from the page elements its reader read it from (Figure.origin,
 * found through the selector registry): a Sycm KPI cell → its name part; an item-table figure
 * ([row, header cell]) → the row's cell in that column; a Qianniu workbench figure
 * ([value block, label]) → the label. Null when the origin is not one of those.
 */
export function badgeAnchor(f: Figure): Element | null {
  const [first, second] = f.origin ?? [];
  if (!first || !first.isConnected) return null;
  // A KPI cell is an origin of its own; the registry is asked only then (a cold selector match on
  // every workbench load cost the page ~1 ms for figures that are never KPI cells).
  if (!second) return matchesEntry(first, S.sycmKpiCell) ? (first.querySelector(KPI_NAME) ?? first) : null;
  if ((second.tagName === 'TH' || second.tagName === 'TD') && matchesEntry(first, S.tableBodyRow)) {
    const headRow = second.parentElement;
    if (!headRow) return null;
    const index = columns(headRow).indexOf(second);
    return index >= 0 ? (columns(first)[index] ?? null) : null;
  }
  return second.isConnected ? second : null;
}
