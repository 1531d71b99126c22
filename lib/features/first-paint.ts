/**
 * One rendering update for what our features first draw into a page (issue 2). Every drawing
 * into the host page costs it a style recalculation, a layout, a paint and a compositor commit;
 * the panel's preview (one request after the load event) and the KPI capture's badges and notices
 * (after the page has settled) each cost one. Putting both in one task measured 4–6 ms less of
 * the workbench's main thread per load, in both orders of an A/B (tests/bench/content/ab.mjs).
 *
 * A feature whose first drawing is still to come holds the first paint; the other features'
 * first writes wait for it, at most `maxHoldMs` after the first one was queued, and then go into
 * the page together, in the order they came. Once flushed, writes go straight in. One per route
 * (the feature loader makes it): a route change starts over.
 */
export const MAX_HOLD_MS = 1500;

export class FirstPaint {
  private holds = 0;
  /** Writes waiting for the holds; null once flushed. */
  private queue: Array<() => void> | null = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly maxHoldMs = MAX_HOLD_MS,
    private readonly report: (e: unknown) => void = (e) => console.warn('[zhanggui] first paint', e),
  ) {}

  /** A first drawing of ours is still to come. Call the release once it is in the page, or will never be (more calls do nothing). */
  hold(): () => void {
    if (!this.queue) return () => {};
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (this.holds === 0) this.flush();
    };
  }

  /** Runs `draw` with the first paint's other writes, or now when nothing is held. */
  write(draw: () => void): void {
    if (!this.queue || this.holds === 0) return this.run(draw);
    this.queue.push(draw);
    this.timer ??= setTimeout(() => this.flush(), this.maxHoldMs);
  }

  private flush(): void {
    clearTimeout(this.timer);
    const queued = this.queue ?? [];
    this.queue = null;
    for (const draw of queued) this.run(draw);
  }

  /** One feature's drawing failing never keeps the others' out of the page. */
  private run(draw: () => void): void {
    try {
      draw();
    } catch (e) {
      this.report(e);
    }
  }
}
