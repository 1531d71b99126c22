import './style.css';
import browser from 'webextension-polyfill';
import { FEATURES } from '@/components/features';
import { FeatureLoader } from '@/lib/features/loader';
import { requestQuickAdd } from '@/lib/features/quick-add-bus';
import { QUICK_ADD_EVENT } from '@/lib/messaging/events';
import { itemIdFromUrl } from '@/lib/taobao/page-detect';

/** Boots the feature loader on every seller host; the loader follows SPA route changes. */
export default defineContentScript({
  matches: ['https://sycm.taobao.com/*', 'https://myseller.taobao.com/*', 'https://qn.taobao.com/*', 'https://item.upload.taobao.com/*', 'https://sell.publish.tmall.com/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
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
      if (typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === QUICK_ADD_EVENT) {
        requestQuickAdd({ itemId: itemIdFromUrl(location.href) });
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
