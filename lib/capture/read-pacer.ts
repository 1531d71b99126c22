/** Wait this long after the last page change (DOM or response) before reading: pages render in bursts. */
export const SETTLE_MS = 400;
/** …but read at least this often while a page keeps changing. */
export const MAX_WAIT_MS = 2000;
/** The longest a change waits for its read once reads keep finding the same figures. */
export const MAX_BACKOFF_MS = 30_000;

/**
 * When the KPI capture reads the page again after it changed. A seller keeps the workbench open
 * all day, and parts of it change that hold no figure (a clock, a carousel, a chat counter): each
 * change would be a read of the whole page at least every 2 s for as long as the tab lives. So a
 * read that finds the same figures as the read before it doubles the wait for the next one (up to
 * 30 s), and a read that finds anything new goes back to reading 400 ms after a change. Changes
 * still always lead to a read; only how soon backs off. What the seller does on the page (a click,
 * a key) and a response the page fetched reset it: a tab or a date picked shows new figures soon.
 */
export class ReadPacer {
  private sameReads = 0;
  private lastKey: string | null = null;

  /** How long to wait now, `sinceFirstChange` ms after the first change not yet read. */
  delay(sinceFirstChange: number): number {
    const settle = Math.min(SETTLE_MS * 2 ** this.sameReads, MAX_BACKOFF_MS);
    return Math.max(0, Math.min(settle, Math.max(MAX_WAIT_MS, settle) - sinceFirstChange));
  }

  /** Back to reading 400 ms after a change (the seller acted on the page, or it fetched data). */
  reset(): void {
    this.sameReads = 0;
  }

  /** Records what a read found (its figures as one key: '' for none). */
  read(key: string): void {
    this.sameReads = key === this.lastKey ? this.sameReads + 1 : 0;
    this.lastKey = key;
  }
}
