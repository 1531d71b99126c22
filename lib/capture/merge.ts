/**
 * One record per figure. A figure is keyed by metric, item, period and date.
 *
 * Rule: when the DOM and a response both give a figure, the RESPONSE value is kept (source
 * 'response'). The response is what the page rendered from, at full precision, while the DOM
 * may round (1.26万 for 12 634, 3.21% for 0.032149). A difference beyond display rounding is
 * reported as a warning, since it hints at a reader reading the wrong cell.
 * Among responses, the later one wins (a refetch carries newer data). Two DOM cells giving
 * different values for the same key are a contradiction: neither is kept.
 */
import type { Figure } from './types';

export const figureKey = (f: Pick<Figure, 'metric' | 'itemId' | 'period' | 'date'>): string =>
  `${f.metric}|${f.itemId ?? ''}|${f.period}|${f.date}`;

const ROUNDING = 0.01;

export function mergeFigures(dom: readonly Figure[], responses: readonly Figure[], warnings: string[]): Figure[] {
  const fromDom = new Map<string, Figure>();
  const contradicted = new Set<string>();
  for (const f of dom) {
    const k = figureKey(f);
    const prev = fromDom.get(k);
    if (prev && prev.value !== f.value && !contradicted.has(k)) {
      contradicted.add(k);
      warnings.push(`${f.metric}${f.itemId ? ` item ${f.itemId}` : ''}: the page shows ${prev.value} and ${f.value}, neither kept`);
    }
    if (!prev) fromDom.set(k, f);
  }
  for (const k of contradicted) fromDom.delete(k);

  const fromResponses = new Map<string, Figure>();
  for (const f of responses) fromResponses.set(figureKey(f), f);

  const out: Figure[] = [];
  for (const [k, f] of fromDom) {
    const r = fromResponses.get(k);
    if (!r) {
      out.push(f);
      continue;
    }
    const scale = Math.max(Math.abs(r.value), Math.abs(f.value));
    if (scale > 0 && Math.abs(r.value - f.value) / scale > ROUNDING) {
      warnings.push(`${f.metric}${f.itemId ? ` item ${f.itemId}` : ''}: page shows ${f.value}, response has ${r.value}; kept the response`);
    }
    // The response's value, read where the page shows it: badges anchor on the DOM origin.
    out.push(f.origin ? { ...r, origin: f.origin } : r);
    fromResponses.delete(k);
  }
  // Includes keys the DOM contradicted itself on: the response settles them.
  out.push(...fromResponses.values());
  return out;
}
