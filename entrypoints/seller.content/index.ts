// WXT's browser, not webextension-polyfill: no wrapper to build on the host page's main thread.
import { browser } from 'wxt/browser';
import { FEATURES } from '@/components/features';
import { openQuickAdd } from '@/components/features/quick-add-overlay';
import { FeatureLoader } from '@/lib/features/loader';
import { QUICK_ADD_EVENT } from '@/lib/messaging/events';

/**
 * Boots the feature loader on every seller host and follows SPA route
 * changes. Kept free of React and zod: what runs on the host page's main
 * thread is small, and the panel renders in our own frame.
 */
export default defineContentScript({
  matches: ['https://sycm.taobao.com/*', 'https://myseller.taobao.com/*', 'https://qn.taobao.com/*', 'https://item.upload.taobao.com/*', 'https://sell.publish.tmall.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const loader = new FeatureLoader({
      features: FEATURES,
      context: { ctx },
      report: (id, e) => console.warn(`[zhanggui] feature ${id} failed`, e),
    });
    loader.run(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => loader.run(newUrl.href));
    ctx.onInvalidated(() => loader.stop());

    const onMessage = (msg: unknown): undefined => {
      if (typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === QUICK_ADD_EVENT) openQuickAdd();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
