/**
 * Whether any of these mutations changed elements: one put in or taken out, or an attribute the
 * observer was asked to watch. Rows, cards, fields and pictures come and go as elements; a clock,
 * a countdown or a "12/60" counter that rewrites its text adds and removes only text nodes.
 */
export function elementsChanged(records: readonly Pick<MutationRecord, 'type' | 'addedNodes' | 'removedNodes'>[]): boolean {
  for (const r of records) {
    if (r.type === 'attributes') return true;
    for (const nodes of [r.addedNodes, r.removedNodes]) for (let i = 0; i < nodes.length; i++) if (nodes[i]!.nodeType === 1) return true;
  }
  return false;
}

/**
 * Runs `fn` at most once per animation frame after elements under `target` change (as `init`
 * says), until `signal` aborts. Text-only changes run nothing: a feature that follows the page's
 * rows or pictures does not rescan them on every tick of a clock or keystroke in a counter.
 */
export function onChangePerFrame(signal: AbortSignal, target: Node, init: MutationObserverInit, fn: () => void): void {
  let scheduled = false;
  const mo = new MutationObserver((records) => {
    if (scheduled || !elementsChanged(records)) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      if (!signal.aborted) fn();
    });
  });
  mo.observe(target, init);
  signal.addEventListener('abort', () => mo.disconnect());
}
