/** In-script channel between whatever asks for quick-add (panel button, shortcut, row badge) and the dialog. */
export interface QuickAddRequest {
  itemId: string | null;
}

type Listener = (r: QuickAddRequest) => void;
const listeners = new Set<Listener>();

export function onQuickAdd(l: Listener, signal: AbortSignal): void {
  listeners.add(l);
  signal.addEventListener('abort', () => listeners.delete(l), { once: true });
}

/** Returns false when no quick-add dialog is mounted on this page. */
export function requestQuickAdd(r: QuickAddRequest): boolean {
  for (const l of listeners) l(r);
  return listeners.size > 0;
}
