import { bootFeatures } from '@/components/features/boot';
import { SYCM } from '@/components/features/groups/sycm';

/** 生意参谋: boots the Sycm features (components/features/groups/sycm.ts) and follows route changes. */
export default defineContentScript({
  matches: [...SYCM.matches],
  runAt: 'document_idle',
  // WXT also announces a started script with window.postMessage (kept for old versions): the page's
  // own listeners would get it, and posting makes the browser capture our source location, which
  // re-parses the whole bundle on the host page's main thread. Its DOM event is enough.
  noScriptStartedPostMessage: true,
  main: (ctx) => bootFeatures(ctx, SYCM.features),
});
