// WXT's browser, not webextension-polyfill: no wrapper to build on the host page's main thread.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { FeatureLoader } from '@/lib/features/loader';
import type { Feature } from '@/lib/features/types';
import { QUICK_ADD_EVENT } from '@/lib/messaging/events';
import { openQuickAdd } from './quick-add-overlay';

/**
 * What every content script does with its features: runs the loader on the page, follows SPA
 * route changes, stops on extension reload, and opens quick-add for the keyboard shortcut.
 * Kept free of React and zod: what runs on the host page's main thread is small, and the panel
 * renders in our own frame.
 */
export function bootFeatures(ctx: ContentScriptContext, features: readonly Feature[]): void {
  const loader = new FeatureLoader({
    features,
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
}
