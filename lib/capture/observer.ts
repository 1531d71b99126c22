/**
 * Runs in the page's MAIN world at document_start (entrypoints/observer.content.ts): wraps
 * window.fetch and XMLHttpRequest to OBSERVE the responses the page fetches for itself from its
 * own JSON endpoints (and Qianniu's h5api mtop gateway), and forwards {url, body} to the isolated
 * content script with a DOM event on the window (lib/capture/observed.ts).
 *
 * What the page sees must not change: fetch returns the very promise (and Response) the native
 * fetch returned; XHR open/send get exactly the caller's arguments (open's optional `async`
 * changes meaning when passed as undefined) and the page's events are untouched (we only add a
 * listener of our own). Bodies are read from a clone, capped, and every path is wrapped so
 * nothing of ours can throw into the page. We never send a request of our own.
 *
 * The isolated script loads later (document_idle), so the observer keeps the last responses
 * and replays them when asked (REPLAY_EVENT).
 */
import { MAX_BODY_CHARS, OBSERVED_EVENT, observedDetail, REPLAY_EVENT } from './observed';

const KEEP_RESPONSES = 40;
const KEEP_CHARS = 4 * 1024 * 1024;
const MTOP_HOST = /(^|\.)h5api\.m\.(taobao|tmall)\.com$/;
const RISK_URL = /punish|x5sec|sec\.taobao\.com|_____tmd_____/i;
/** Order pages (buyer personal data) and login pages: nothing is forwarded while the page is on one (page-detect's isSensitivePage). */
const SENSITIVE_ROUTE = /^\/(home\.htm\/trade-platform|custom\/login)/;

type Win = Window & typeof globalThis;

export interface ObserverHandle {
  /** Puts the page's own fetch/XHR methods back (tests). */
  uninstall: () => void;
}

export function installObserver(win: Win): ObserverHandle {
  const kept: Array<{ url: string; body: string }> = [];
  let keptChars = 0;
  const noop = (): void => {};

  // The natives as they are at document_start, before the page's scripts could wrap them.
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const NativeCustomEvent = win.CustomEvent;
  const post = (url: string, body: string): void => {
    try {
      const detail = observedDetail(url, body);
      if (detail !== null) dispatch.call(win, new NativeCustomEvent(OBSERVED_EVENT, { detail }));
    } catch {
      /* never into the page */
    }
  };
  const forward = (url: string, body: string): void => {
    if (body.length > MAX_BODY_CHARS || SENSITIVE_ROUTE.test(win.location.pathname)) return;
    kept.push({ url, body });
    keptChars += body.length;
    while (kept.length > KEEP_RESPONSES || keptChars > KEEP_CHARS) keptChars -= kept.shift()?.body.length ?? 0;
    post(url, body);
  };

  /** Same-origin JSON endpoints, the mtop gateway, and anything that looks like a challenge page. */
  const wanted = (raw: string, contentType: string | null): boolean => {
    try {
      const u = new URL(raw, win.location.href);
      if (RISK_URL.test(u.href)) return true;
      if (u.protocol === 'https:' && MTOP_HOST.test(u.hostname)) return true;
      if (u.origin !== win.location.origin) return false;
      return u.pathname.endsWith('.json') || /json|javascript/i.test(contentType ?? '');
    } catch {
      return false;
    }
  };

  const onReplay = (): void => {
    try {
      for (const r of kept.slice()) post(r.url, r.body);
    } catch {
      /* ignore */
    }
  };
  win.addEventListener(REPLAY_EVENT, onReplay);

  // ── fetch ──
  const nativeFetch = win.fetch;
  let wrappedFetch: typeof fetch | null = null;
  if (typeof nativeFetch === 'function') {
    const observe = (p: Promise<Response>, input: unknown): void => {
      p.then((res) => {
        try {
          if (res.type === 'opaque' || res.type === 'opaqueredirect') return;
          const url = res.url || (typeof input === 'string' ? input : input instanceof URL ? input.href : ((input as Request | null)?.url ?? ''));
          if (!url || !wanted(url, res.headers.get('content-type'))) return;
          if (Number(res.headers.get('content-length') ?? 0) > MAX_BODY_CHARS) return;
          // Read a clone in the first reaction, before the page can consume the body.
          res.clone().text().then((body) => forward(url, body), noop);
        } catch {
          /* never into the page */
        }
      }, noop);
    };
    wrappedFetch = function fetch(this: unknown): Promise<Response> {
      // eslint-disable-next-line prefer-rest-params
      const p = nativeFetch.apply(this, arguments as unknown as [RequestInfo | URL, RequestInit?]);
      try {
        // eslint-disable-next-line prefer-rest-params
        observe(p, arguments[0]);
      } catch {
        /* never into the page */
      }
      return p;
    } as typeof fetch;
    win.fetch = wrappedFetch;
  }

  // ── XMLHttpRequest ──
  const proto = win.XMLHttpRequest?.prototype;
  const nativeOpen = proto?.open;
  const nativeSend = proto?.send;
  const urls = new WeakMap<XMLHttpRequest, string>();
  const listening = new WeakSet<XMLHttpRequest>();
  function onLoadEnd(this: XMLHttpRequest): void {
    try {
      if (this.status === 0) return;
      const url = this.responseURL || urls.get(this) || '';
      if (!url || !wanted(url, this.getResponseHeader('content-type'))) return;
      const type = this.responseType;
      const body = type === '' || type === 'text' ? this.responseText : type === 'json' ? JSON.stringify(this.response) : null;
      if (typeof body === 'string') forward(url, body);
    } catch {
      /* never into the page */
    }
  }
  if (proto && nativeOpen && nativeSend) {
    proto.open = function open(this: XMLHttpRequest): void {
      try {
        // eslint-disable-next-line prefer-rest-params
        urls.set(this, String(arguments[1]));
      } catch {
        /* ignore */
      }
      // eslint-disable-next-line prefer-rest-params
      return nativeOpen.apply(this, arguments as unknown as Parameters<XMLHttpRequest['open']>);
    } as XMLHttpRequest['open'];
    proto.send = function send(this: XMLHttpRequest): void {
      try {
        if (!listening.has(this)) {
          listening.add(this);
          this.addEventListener('loadend', onLoadEnd);
        }
      } catch {
        /* ignore */
      }
      // eslint-disable-next-line prefer-rest-params
      return nativeSend.apply(this, arguments as unknown as Parameters<XMLHttpRequest['send']>);
    };
  }

  return {
    uninstall() {
      win.removeEventListener(REPLAY_EVENT, onReplay);
      if (wrappedFetch && win.fetch === wrappedFetch) win.fetch = nativeFetch;
      if (proto && nativeOpen && nativeSend) {
        proto.open = nativeOpen;
        proto.send = nativeSend;
      }
    },
  };
}
