/**
 * Shapes shared by the capture engine (../shared/docs/taobao-pages.md, "The capture command
 * contract"). The result object is exactly what the capture command prints.
 */
import type { SeenItem } from '../items/seen';
import type { CapturedMetric } from '../metrics/record';
import type { PageKind } from '../taobao/page-detect';

/** A response the page fetched for itself, as the MAIN-world observer saw it. */
export interface PageResponse {
  url: string;
  /** The body as text; JSON is parsed by the capture engine. */
  body: string;
}

export interface CaptureInput {
  /** The page URL (for SPA pages: the current route). */
  url: string;
  /** The page's document; null to read responses only. */
  document?: Document | null;
  /** Responses in the order they arrived: for the same figure a later response wins. */
  responses?: readonly PageResponse[];
  /**
   * Today in the shop's time zone (YYYY-MM-DD). Only a fallback for the date of real-time
   * figures when the page does not show one; the page's own date wins.
   */
  today?: string;
}

export interface ShopIdentity {
  shopId: string | null;
  shopTitle: string | null;
  loginUserName: string | null;
}

export interface CaptureResult {
  page: PageKind | null;
  status: 'ok' | 'paused';
  shop: ShopIdentity | null;
  metrics: CapturedMetric[];
  warnings: string[];
}

/**
 * A figure as a reader found it. `origin` lists the page elements it was read from (cell, row,
 * header); it never leaves the engine, but lets tests tell a misread from a page change.
 */
export interface Figure extends CapturedMetric {
  origin?: readonly Element[];
}

/** What one reader found; figures are not yet validated or merged. */
export interface ReadResult {
  figures: Figure[];
  warnings: string[];
  /** Item titles the page showed next to the figures (for the item catalog, not the contract). */
  items?: SeenItem[];
}

export const emptyRead = (): ReadResult => ({ figures: [], warnings: [] });
