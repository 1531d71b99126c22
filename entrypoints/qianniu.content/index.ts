import { bootFeatures } from '@/components/features/boot';
import { QIANNIU } from '@/components/features/groups/qianniu';

/** 千牛: boots the Qianniu features (components/features/groups/qianniu.ts) and follows the SPA's route changes. */
export default defineContentScript({
  matches: [...QIANNIU.matches],
  runAt: 'document_idle',
  // WXT also announces a started script with window.postMessage (kept for old versions): the page's
  // own listeners would get it, and posting makes the browser capture our source location, which
  // re-parses the whole bundle on the host page's main thread. Its DOM event is enough.
  noScriptStartedPostMessage: true,
  main: (ctx) => bootFeatures(ctx, QIANNIU.features),
});
