/**
 * Content-script side of the item catalog: sends the titles a page shows (lib/items/seen.ts) to
 * the background (items.seen), each title once per page load, batched. A message to our own
 * background only; nothing goes to Taobao. Zod-free (it runs on the host page).
 */
import { identityFromHeader } from '../capture/identity';
import { call } from '../messaging/client';
import type { SeenItem } from './seen';

const sent = new Set<string>();

/** Reports titles not yet reported from this page load; failures are ignored (the next page view tries again). */
export function reportSeenItems(doc: Document, url: string, items: ReadonlyArray<SeenItem | null>): void {
  const fresh = items.filter((s): s is SeenItem => s !== null && !sent.has(`${s.itemId}|${s.title}|${s.imageUrl ?? ''}`)).slice(0, 500);
  if (fresh.length === 0) return;
  for (const s of fresh) sent.add(`${s.itemId}|${s.title}|${s.imageUrl ?? ''}`);
  let identity = null;
  try {
    identity = identityFromHeader(doc);
  } catch {
    identity = null;
  }
  void call({ type: 'items.seen', url: url.slice(0, 4000), identity, items: fresh }).catch(() => {
    for (const s of fresh) sent.delete(`${s.itemId}|${s.title}|${s.imageUrl ?? ''}`);
  });
}
