/**
 * Whether any of these mutations put an element into the page. Rows, cards and fields arrive as
 * elements; a clock, a countdown or a counter that rewrites its text adds only text nodes. A
 * feature that waits for new elements skips the rest instead of rescanning the page on every tick.
 */
export function addsElements(records: readonly Pick<MutationRecord, 'addedNodes'>[]): boolean {
  for (const r of records) for (let i = 0; i < r.addedNodes.length; i++) if (r.addedNodes[i]!.nodeType === 1) return true;
  return false;
}
