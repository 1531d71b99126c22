import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageKind } from '../taobao/page-detect';
import type { FirstPaint } from './first-paint';

export interface FeatureContext {
  /** WXT's context: invalidated when the extension reloads or updates. */
  ctx: ContentScriptContext;
  url: URL;
  page: PageKind;
  /** This route's first drawing into the page, shared by the features (first-paint.ts). */
  firstPaint: FirstPaint;
}

/**
 * One injected feature: where it runs (pure predicate over the page) and what
 * it does. `init` must stop everything it started when `signal` aborts (route
 * change or extension reload) and must never throw into the host page.
 */
export interface Feature {
  id: string;
  include: (page: PageKind, url: URL) => boolean;
  init: (signal: AbortSignal, fc: FeatureContext) => void | Promise<void>;
}

/** The features one content script carries, and the hosts it is injected into (its manifest matches). */
export interface FeatureGroup {
  matches: readonly string[];
  features: readonly Feature[];
}
