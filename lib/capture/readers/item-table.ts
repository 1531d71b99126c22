/**
 * Item tables (Sycm 商品排行 and any other table whose column headers are dictionary labels):
 * one figure per (row, metric column), the item from the row's links. Columns are mapped by
 * header label, so reordered or extra unknown columns do not matter. antd splits a fixed header
 * and the body into separate <table>s inside `.ant-table`; both are found from that scope.
 */
import { isPlausible, type ParsedLabel, parseLabel } from '../../metrics/dictionary';
import { css, S, variants } from '../../taobao/selectors';
import { cellsByColumn, labelTextOf, textOf, TEXT_NODE } from '../dom';
import { itemSeenInRow, type SeenItem } from '../../items/seen';
import { itemIdOfRow } from '../item-id';
import { isMissingText, parseMetricText } from '../numbers';
import { emptyRead, type ReadResult } from '../types';
import { realtimeContext, type SycmDomContext } from './kpi-cells';

const HEAD = css(S.tableHead);
const SCOPES = variants(S.tableScope);
const ROW = css(S.tableBodyRow);
const COMPARISON = /^(较|同比|环比|对比|上周|上月|前一日|前1日)/;

interface Column {
  label: ParsedLabel;
  th: Element;
}


function headerColumns(head: Element, warnings: string[]): { columns: Map<number, Column>; width: number } | null {
  const rows = Array.from(head.children).filter((r) => r.tagName === 'TR');
  const last = rows[rows.length - 1];
  if (!last) return null;
  const cells = cellsByColumn(last);
  const columns = new Map<number, Column>();
  const seen = new Map<string, number>();
  cells.forEach((th, i) => {
    if (Number(th.getAttribute('colspan') ?? 1) > 1) return; // a column group, not one metric
    const label = parseLabel(labelTextOf(th));
    if (!label || label.prefix === '昨日') return;
    columns.set(i, { label, th });
    seen.set(label.def.code, (seen.get(label.def.code) ?? 0) + 1);
  });
  for (const [code, n] of seen) {
    if (n < 2) continue;
    warnings.push(`item table: two columns for ${code}, both skipped`);
    for (const [i, c] of columns) if (c.label.def.code === code) columns.delete(i);
  }
  return columns.size > 0 ? { columns, width: cells.length } : null;
}

/** The figure text of a cell; a cell may add a comparison line under the figure. */
function cellValueText(cell: Element): string[] {
  const whole = textOf(cell);
  const first = Array.from(cell.childNodes).find((n) => textOf(n) !== '');
  const firstText = first ? textOf(first) : '';
  const rest = whole.slice(firstText.length).trim();
  return first && first.nodeType !== TEXT_NODE && firstText !== whole && COMPARISON.test(rest) ? [whole, firstText] : [whole];
}

export function readItemTables(doc: Document, ctx: SycmDomContext): ReadResult {
  const out = emptyRead();
  const items: SeenItem[] = (out.items = []);
  for (const head of Array.from(doc.querySelectorAll(HEAD))) {
    const header = headerColumns(head, out.warnings);
    if (!header) continue;
    const scope = SCOPES.map((s) => head.closest(s)).find((e) => e !== null) ?? null;
    if (!scope) continue;
    const pageCtx = ctx.dates.forElement(head);
    const whenOf = new Map([...header.columns].map(([i, c]) => [i, c.label.prefix ? realtimeContext(pageCtx, ctx.today) : pageCtx]));
    const failed = [...whenOf.values()].find((w) => !w.ok);
    if (failed && !failed.ok) out.warnings.push(`item table: ${failed.reason}`);
    let skipped = 0;
    for (const row of Array.from(scope.querySelectorAll(ROW))) {
      if (head.contains(row)) continue;
      const cells = cellsByColumn(row);
      if (cells.length !== header.width) {
        if (cells.length > 1) skipped++;
        continue;
      }
      const item = itemIdOfRow(row, ctx.url);
      if (!item.ok) {
        if (item.reason === 'ambiguous') out.warnings.push('item table: a row links to two items, skipped');
        continue; // a summary row (合计) or a shop-level table: not item figures
      }
      const seen = itemSeenInRow(row, item.itemId, ctx.url);
      if (seen) items.push(seen);
      for (const [i, col] of header.columns) {
        const cell = cells[i];
        if (!cell) continue;
        const def = col.label.def;
        const texts = cellValueText(cell);
        const value = texts.map((t) => parseMetricText(t, def.unit, col.label.shownUnit)).find((v) => v !== null) ?? null;
        if (value === null) {
          if (!isMissingText(texts[0] ?? '')) out.warnings.push(`item ${item.itemId} ${def.code}: unreadable "${(texts[0] ?? '').slice(0, 30)}"`);
          continue;
        }
        if (!isPlausible(def, value)) {
          out.warnings.push(`item ${item.itemId} ${def.code}: implausible value ${value}, skipped`);
          continue;
        }
        const when = whenOf.get(i);
        if (!when?.ok) continue;
        out.figures.push({ metric: def.code, value, date: when.date, period: when.period, itemId: item.itemId, source: 'dom', origin: [row, col.th] });
      }
    }
    if (skipped > 0) out.warnings.push(`item table: ${skipped} row(s) do not line up with the header, skipped`);
  }
  return out;
}
