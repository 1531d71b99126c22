import { detectPage, isSensitivePage } from '../taobao/page-detect';
import { FirstPaint } from './first-paint';
import type { Feature, FeatureContext } from './types';

export interface LoaderOptions {
  features: readonly Feature[];
  context: Omit<FeatureContext, 'url' | 'page' | 'firstPaint'>;
  report?: (featureId: string, error: unknown) => void;
}

/**
 * Runs the features that match the current page, each with its own
 * AbortController. On a route change every running feature is aborted and the
 * matching ones start again; one feature failing never stops the others.
 */
export class FeatureLoader {
  private controllers = new Map<string, AbortController>();
  private lastHref: string | null = null;

  constructor(private readonly opts: LoaderOptions) {}

  /** (Re)starts features for `href`; a no-op when the route did not change. */
  run(href: string): string[] {
    if (href === this.lastHref) return [...this.controllers.keys()];
    this.lastHref = href;
    this.stop();
    const url = new URL(href);
    const page = detectPage(url);
    if (!page || isSensitivePage(page)) return [];
    const firstPaint = new FirstPaint();
    for (const feature of this.opts.features) {
      let wanted = false;
      try {
        wanted = feature.include(page, url);
      } catch (e) {
        this.opts.report?.(feature.id, e);
      }
      if (!wanted) continue;
      const controller = new AbortController();
      this.controllers.set(feature.id, controller);
      try {
        Promise.resolve(feature.init(controller.signal, { ...this.opts.context, url, page, firstPaint })).catch((e: unknown) => this.opts.report?.(feature.id, e));
      } catch (e) {
        this.opts.report?.(feature.id, e);
      }
    }
    return [...this.controllers.keys()];
  }

  stop(): void {
    for (const c of this.controllers.values()) c.abort();
    this.controllers.clear();
  }
}
