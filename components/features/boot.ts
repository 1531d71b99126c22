// WXT's browser, not webextension-polyfill: no wrapper to build on the host page's main thread.
import { browser } from 'wxt/browser';
import type { IsolatedWorldContentScriptDefinition } from 'wxt';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { FeatureLoader } from '@/lib/features/loader';
import type { Feature, FeatureGroup } from '@/lib/features/types';
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

/**
 * The content script of one host group (entrypoints/<group>.content): injected into the group's
 * hosts once the page is parsed, it boots the group's features.
 */
export function groupContentScript(group: FeatureGroup): IsolatedWorldContentScriptDefinition {
  return {
    matches: [...group.matches],
    runAt: 'document_idle',
    // WXT also announces a started script with window.postMessage (kept for old versions): the
    // page's own listeners would get it, and posting makes the browser capture our source location,
    // which re-parses the whole bundle on the host page's main thread. Its DOM event is enough.
    noScriptStartedPostMessage: true,
    main: (ctx) => bootFeatures(ctx, group.features),
  };
}
