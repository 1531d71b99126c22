/**
 * A saved page → a Document in Node, for the capture command and the tests. happy-dom runs no
 * script and loads nothing (no JS, CSS, images, frames, navigation): a saved Taobao page must
 * not phone home or execute anything while it is read. Node-only: never import this from code
 * that ships in the extension.
 */
import { Window } from 'happy-dom';

export interface ParsedPage {
  document: Document;
  /** Release the window (timers, observers) so the process can exit. */
  close: () => Promise<void>;
}

export function parseHtml(html: string, url: string): ParsedPage {
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      enableCSSFileLoading: false,
      enableImageFileLoading: false,
      enableIframePageLoading: false,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  const parsed = new window.DOMParser().parseFromString(html, 'text/html');
  return {
    // happy-dom's Document implements the DOM the readers use; its own types differ in detail.
    document: parsed as unknown as Document,
    close: () => window.happyDOM.close(),
  };
}
