/**
 * Sycm KPI cells: any `.oui-index-cell` / `.dt-oui-index-cell` on the page, read by the label in
 * its name part (the dictionary decides the metric). The cell's `value` attribute (a metric code)
 * is a fallback when the label is unknown, and a cross-check when both are present.
 * One querySelectorAll for the page, then small scoped lookups per cell: 500 cells stay cheap.
 */
import { isPlausible, metricByCode, type MetricDef, type ParsedLabel, parseLabel } from '../../metrics/dictionary';
import { findEntry, labelTextOf, textOf } from '../dom';
import { isMissingText, parseMetricText } from '../numbers';
import { emptyRead, type ReadResult } from '../types';
import { css, S } from '../../taobao/selectors';
import type { SycmDates } from './sycm-dates';
import type { DateContext } from '../dates';

const CELL = css(S.sycmKpiCell);

export interface SycmDomContext {
  /** The page URL, to resolve relative links. */
  url: string;
  dates: SycmDates;
  today?: string;
}

/** A unit word shown next to the value instead of in the label (`38.5` with a sub line `秒`). */
function unitWord(text: string): ParsedLabel['shownUnit'] {
  const t = text.trim();
  return t === '秒' ? '秒' : t === '分钟' || t === '分' ? '分钟' : t === '%' ? '%' : t === '元' ? '元' : t === '万元' ? '万元' : null;
}

/**
 * The date context for a figure whose label says 今日/实时: today's real-time figure, dated by
 * the page when it is a real-time page, else by the caller's `today`.
 */
export function realtimeContext(pageCtx: DateContext, today: string | undefined): DateContext {
  if (pageCtx.ok && pageCtx.period === 'realtime') return pageCtx;
  return today ? { ok: true, date: today, period: 'realtime' } : { ok: false, reason: 'a 今日/实时 figure but no date for today' };
}

export function readKpiCells(doc: Document, ctx: SycmDomContext): ReadResult {
  const out = emptyRead();
  for (const cell of Array.from(doc.querySelectorAll(CELL))) {
    const nameEl = findEntry(cell, S.sycmKpiCellName);
    const label = nameEl ? labelTextOf(nameEl) : '';
    const parsed = label ? parseLabel(label) : null;
    const byAttr = metricByCode(cell.getAttribute('value') ?? '');
    if (parsed && byAttr && parsed.def !== byAttr) {
      out.warnings.push(`KPI cell "${label}" says value="${byAttr.code}": label and code disagree, skipped`);
      continue;
    }
    const def: MetricDef | undefined = parsed?.def ?? byAttr;
    if (!def || parsed?.prefix === '昨日') continue; // not a dictionary metric, or not this period's figure
    const valueEl = findEntry(cell, S.sycmKpiCellValue);
    if (!valueEl) {
      out.warnings.push(`KPI cell ${def.code}: no value element`);
      continue;
    }
    const text = textOf(valueEl);
    // Only a bare duration needs the sub line's unit word; skip the lookup otherwise (500 cells).
    const sub = !parsed?.shownUnit && def.unit === 'seconds' ? findEntry(cell, S.sycmKpiCellSub) : null;
    const shownUnit = parsed?.shownUnit ?? (sub ? unitWord(textOf(sub)) : null);
    const value = parseMetricText(text, def.unit, shownUnit);
    if (value === null) {
      if (!isMissingText(text)) out.warnings.push(`KPI cell ${def.code}: unreadable value "${text.slice(0, 30)}"`);
      continue;
    }
    if (!isPlausible(def, value)) {
      out.warnings.push(`KPI cell ${def.code}: implausible value ${value}, skipped`);
      continue;
    }
    const pageCtx = ctx.dates.forElement(cell);
    const when = parsed?.prefix === '今日' || parsed?.prefix === '实时' ? realtimeContext(pageCtx, ctx.today) : pageCtx;
    if (!when.ok) {
      out.warnings.push(`KPI cell ${def.code}: ${when.reason}`);
      continue;
    }
    out.figures.push({ metric: def.code, value, date: when.date, period: when.period, itemId: null, source: 'dom', origin: [cell] });
  }
  return out;
}
