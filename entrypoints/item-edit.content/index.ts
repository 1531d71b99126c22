import { bootFeatures } from '@/components/features/boot';
import { ITEM_EDIT } from '@/components/features/groups/item-edit';

/** The item editors: boots their features (components/features/groups/item-edit.ts) and follows route changes. */
export default defineContentScript({
  matches: [...ITEM_EDIT.matches],
  runAt: 'document_idle',
  // WXT also announces a started script with window.postMessage (kept for old versions): the page's
  // own listeners would get it, and posting makes the browser capture our source location, which
  // re-parses the whole bundle on the host page's main thread. Its DOM event is enough.
  noScriptStartedPostMessage: true,
  main: (ctx) => bootFeatures(ctx, ITEM_EDIT.features),
});
