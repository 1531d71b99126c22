import { riskInBody, riskInUrl } from '../capture/risk';
import { diffPrices, type PriceDiff, type SkuPrice } from './price-diff';
import { readPriceResponse } from './price-response';

/**
 * The SKU prices of one item edit page, from load to each submit, and what to
 * record (issue 5: "on submit, every changed SKU price is recorded … — or,
 * where the page's own responses show the saved prices, from those").
 *
 * - Before the person submits, a response of the page's own that carries the
 *   item's prices is what was saved before: it replaces the SKU table's
 *   prices read at load (labels stay the table's).
 * - At submit the SKU table is read, but nothing is recorded yet: the page's
 *   save response is awaited. A save response with the item's prices decides
 *   (source 'response'); one that says the save failed (or a risk-control
 *   answer) records nothing; a save response without prices confirms the
 *   table. Other responses while waiting are neither "before" nor "after" and
 *   are ignored.
 * - When no save response comes (the form navigates away, the page hides, a
 *   time-out), the table's prices are recorded (`flush`).
 *
 * Each submit yields at most one record per changed SKU: whichever of the
 * response and the table settles it first, never both.
 * Zod-free: the content script imports it.
 */
export interface PriceRecord {
  changes: PriceDiff[];
  /** 'response' when the page's own responses gave the saved prices or the prices before the edit; 'dom' when both came from the SKU table. */
  source: 'dom' | 'response';
}

export class PriceSession {
  private baseline: SkuPrice[];
  private baselineFromResponse = false;
  /** The SKU table at submit while the save response is awaited. */
  private pending: SkuPrice[] | null = null;

  constructor(
    private readonly itemId: string,
    atLoad: readonly SkuPrice[],
  ) {
    this.baseline = [...atLoad];
  }

  /** A submit is waiting for the page's save response. */
  get waiting(): boolean {
    return this.pending !== null;
  }

  /** The person submitted the page; `table` is the SKU table now. A second submit while waiting replaces the first. */
  submit(table: readonly SkuPrice[]): void {
    this.pending = [...table];
  }

  /** A response the page received. Returns what to record when it settles a waiting submit. */
  response(url: string, body: string): PriceRecord | null {
    const r = readPriceResponse(url, body, this.itemId);
    if (!this.pending) {
      if (r.prices && !r.failed) {
        this.baseline = merge(this.baseline, r.prices);
        this.baselineFromResponse = true;
      }
      return null;
    }
    if (riskInUrl(url) || riskInBody(body) || (r.save && r.failed)) {
      // The save did not go through: nothing changed, the prices before stay.
      this.pending = null;
      return null;
    }
    if (!r.save) return null;
    if (!r.prices) return this.flush();
    const labels = new Map([...this.baseline, ...this.pending].map((s) => [s.skuId, s.label]));
    const saved = r.prices.map((p) => ({ ...p, label: labels.get(p.skuId) ?? '' }));
    const changes = diffPrices(this.baseline, saved);
    this.baseline = merge(this.baseline, saved);
    this.baselineFromResponse = true;
    this.pending = null;
    return { changes, source: 'response' };
  }

  /** No save response came: the SKU table read at submit is what was saved. */
  flush(): PriceRecord | null {
    if (!this.pending) return null;
    const changes = diffPrices(this.baseline, this.pending);
    const source = this.baselineFromResponse ? 'response' : 'dom';
    this.baseline = merge(this.baseline, this.pending);
    this.baselineFromResponse = false;
    this.pending = null;
    return { changes, source };
  }
}

/** `base` with the SKUs of `next` replaced or added; a SKU's label is kept when `next` has none. */
function merge(base: readonly SkuPrice[], next: readonly SkuPrice[]): SkuPrice[] {
  const out = new Map(base.map((s) => [s.skuId, s]));
  for (const s of next) out.set(s.skuId, { ...s, label: s.label || out.get(s.skuId)?.label || '' });
  return [...out.values()];
}
