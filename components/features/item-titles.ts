import { onChangePerFrame } from '@/lib/features/mutations';
import type { Feature } from '@/lib/features/types';
import { reportSeenItems } from '@/lib/items/report';
import { itemSeenOnEditPage } from '@/lib/items/seen';

/** How long to wait for the edit form (a React app) to render its 宝贝标题 field. */
const WAIT_MS = 10_000;

/**
 * The item edit page's title for the item catalog (lib/items): read once the 宝贝标题 field is
 * rendered, and again at the page's own submit (listened to passively: never prevented), so a
 * renamed item is named by its new title. 商品管理 rows report theirs from row-badges, Sycm
 * pages with their captured figures. Reads only; sends only to our background.
 */
export const itemTitles: Feature = {
  id: 'item-titles',
  include: (page) => page === 'itemEdit',
  init(signal) {
    const report = (): boolean => {
      const seen = itemSeenOnEditPage(document, location.href);
      if (seen && !signal.aborted) reportSeenItems(document, location.href, [seen]);
      return seen !== null;
    };
    const onSubmit = (): void => void report();
    document.addEventListener('submit', onSubmit, { capture: true, passive: true });
    signal.addEventListener('abort', () => document.removeEventListener('submit', onSubmit, { capture: true }), { once: true });
    if (report()) return;
    // Until the field is read, the wait is over, or the feature stops.
    const watching = new AbortController();
    onChangePerFrame(watching.signal, document.body ?? document.documentElement, { childList: true, subtree: true }, () => {
      if (report()) watching.abort();
    });
    const timer = setTimeout(() => watching.abort(), WAIT_MS);
    signal.addEventListener(
      'abort',
      () => {
        watching.abort();
        clearTimeout(timer);
      },
      { once: true },
    );
  },
};
