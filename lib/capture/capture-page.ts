/**
 * The capture engine: one page (its URL, DOM and the responses it fetched) → the contract
 * object {page, status, shop, metrics, warnings} (taobao-pages.md, "The capture command
 * contract"). Passive and read-only: it reads what the page already shows or fetched, sends
 * nothing, clicks nothing. The same function runs in the content script and the CLI.
 *
 * Never throws: every stage is wrapped and a failure becomes a warning. Every record is checked
 * against the contract (check-figure.ts, zod-free so the content bundle stays small), so NaN,
 * Infinity or a malformed date never leave here; the background validates again with zod.
 */
import { mergeSeen, type SeenItem } from '../items/seen';
import type { CapturedMetric } from '../metrics/record';
import { detectPage, isSensitivePage, type PageKind } from '../taobao/page-detect';
import { contractFields, figureProblem } from './check-figure';
import { identityFromHeader, mergeIdentities } from './identity';
import { mergeFigures } from './merge';
import { readItemTables } from './readers/item-table';
import { readKpiCells } from './readers/kpi-cells';
import { SycmDates } from './readers/sycm-dates';
import { readWorkbench } from './readers/workbench';
import { readResponses } from './responses/index';
import { detectRisk } from './risk';
import type { CaptureInput, CaptureResult, Figure, ReadResult, ShopIdentity } from './types';

const MAX_WARNINGS = 50;

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Run a reader; a reader that throws costs its own figures only. Item titles it saw go to `items`. */
function safely(name: string, warnings: string[], read: () => ReadResult, items: SeenItem[][]): Figure[] {
  try {
    const r = read();
    warnings.push(...r.warnings);
    if (r.items?.length) items.push(r.items);
    return r.figures;
  } catch (e) {
    warnings.push(`${name} reader failed: ${errText(e)}`);
    return [];
  }
}

/** The DOM readers for a page kind. */
function readDom(page: PageKind, input: CaptureInput, doc: Document, warnings: string[], items: SeenItem[][]): Figure[] {
  if (page.startsWith('sycm.')) {
    const ctx = { url: input.url, dates: new SycmDates(doc, input.url, input.today), today: input.today };
    return [...safely('KPI cell', warnings, () => readKpiCells(doc, ctx), items), ...safely('item table', warnings, () => readItemTables(doc, ctx), items)];
  }
  if (page === 'qianniu.workbench') return safely('workbench', warnings, () => readWorkbench(doc, { today: input.today }), items);
  return []; // SellManage, item edit …: no dictionary figures on those pages
}

/** Validate and strip reader-only fields; anything the schema refuses is dropped with a warning. */
function validated(figures: readonly Figure[], warnings: string[]): { metrics: CapturedMetric[]; kept: Figure[] } {
  const metrics: CapturedMetric[] = [];
  const kept: Figure[] = [];
  for (const f of figures) {
    const problem = figureProblem(f);
    if (problem === null) {
      metrics.push(contractFields(f));
      kept.push(f);
    } else warnings.push(`${f.metric}: invalid record dropped (${problem})`);
  }
  return { metrics, kept };
}

function finish(result: CaptureResult): CaptureResult {
  const unique = [...new Set(result.warnings)];
  const warnings = unique.length > MAX_WARNINGS ? [...unique.slice(0, MAX_WARNINGS), `… ${unique.length - MAX_WARNINGS} more warnings`] : unique;
  return { ...result, warnings };
}

/** The capture with what the contract object leaves out. */
export interface CaptureDetail {
  result: CaptureResult;
  /** The merged figures, still carrying the page elements they were read from (tests, badges). */
  figures: Figure[];
  /**
   * Item titles the page showed beside its item figures (DOM rows and responses, the later
   * winning), for the item catalog. Not part of the capture contract: the CLI never prints it.
   */
  items: SeenItem[];
}

/**
 * The capture, with the merged figures still carrying the page elements they were read from
 * and the item titles seen. Use capturePage unless you need those.
 */
export function captureWithOrigins(input: CaptureInput): CaptureDetail {
  const warnings: string[] = [];
  const seen: SeenItem[][] = [];
  let page: PageKind | null = null;
  try {
    page = detectPage(input.url);
    let risk: string[];
    try {
      risk = detectRisk(input);
    } catch (e) {
      // Unsure whether risk control is active: pausing is the safe side.
      risk = [`risk check failed: ${errText(e)}`];
    }
    if (risk.length > 0) return { result: finish({ page, status: 'paused', shop: null, metrics: [], warnings: risk }), figures: [], items: [] };
    if (!page) {
      warnings.push('not a seller page we know: nothing read');
      return { result: finish({ page, status: 'ok', shop: null, metrics: [], warnings }), figures: [], items: [] };
    }
    if (isSensitivePage(page)) {
      warnings.push(`${page}: holds personal data or a login form, nothing read`);
      return { result: finish({ page, status: 'ok', shop: null, metrics: [], warnings }), figures: [], items: [] };
    }

    const doc = input.document ?? null;
    const domFigures = doc ? readDom(page, input, doc, warnings, seen) : [];
    const responses = readResponses(input.responses ?? [], input.url, input.today);
    warnings.push(...responses.warnings);
    if (responses.items?.length) seen.push(responses.items);

    let header: ShopIdentity | null = null;
    try {
      header = doc ? identityFromHeader(doc) : null;
    } catch (e) {
      warnings.push(`identity from header failed: ${errText(e)}`);
    }
    const { shop, shopConflict } = mergeIdentities([...responses.identities, header], warnings);

    let figures = mergeFigures(domFigures, responses.figures, warnings);
    if (shopConflict) {
      warnings.push('two different shops on one page: no figures kept');
      figures = [];
    }
    const { metrics, kept } = validated(figures, warnings);
    return { result: finish({ page, status: 'ok', shop, metrics, warnings }), figures: kept, items: shopConflict ? [] : mergeSeen(seen) };
  } catch (e) {
    warnings.push(`capture failed: ${errText(e)}`);
    return { result: finish({ page, status: 'ok', shop: null, metrics: [], warnings }), figures: [], items: [] };
  }
}

/** Capture one page: exactly the object the capture command prints. Never throws. */
export function capturePage(input: CaptureInput): CaptureResult {
  return captureWithOrigins(input).result;
}
