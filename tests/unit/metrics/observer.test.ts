/**
 * The MAIN-world observer against a fake fetch and XHR: the page gets exactly what the native
 * calls gave it, bodies are forwarded on our channel, and nothing of ours throws into the page.
 */
import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BODY_CHARS, OBSERVED_EVENT, observedDetail, parseObserved, REPLAY_EVENT, requestReplay, type ObservedResponse } from '@/lib/capture/observed';
import { installObserver, type ObserverHandle } from '@/lib/capture/observer';

const ORIGIN = 'https://sycm.taobao.com';

/** An XHR double: open/send record their arguments; respond() fires the events a real one would. */
class FakeXHR extends EventTarget {
  static sent: FakeXHR[] = [];
  openArgs: unknown[] = [];
  sendArgs: unknown[] = [];
  status = 0;
  responseType: XMLHttpRequestResponseType = '';
  responseURL = '';
  private text = '';
  private headers: Record<string, string> = {};
  onload: ((e: Event) => void) | null = null;
  get responseText(): string {
    if (this.responseType !== '' && this.responseType !== 'text') throw new Error('InvalidStateError');
    return this.text;
  }
  get response(): unknown {
    return this.responseType === 'json' ? JSON.parse(this.text) : this.text;
  }
  getResponseHeader(name: string): string | null {
    return this.headers[name.toLowerCase()] ?? null;
  }
  respond(status: number, body: string, headers: Record<string, string> = {}): void {
    this.status = status;
    this.text = body;
    this.headers = headers;
    this.responseURL = new URL(String(this.openArgs[1]), ORIGIN).href;
    const load = new Event('load');
    this.onload?.(load);
    this.dispatchEvent(load);
    this.dispatchEvent(new Event('loadend'));
  }
}
FakeXHR.prototype.open = function (this: FakeXHR, ...args: unknown[]) {
  this.openArgs = args;
} as never;
FakeXHR.prototype.send = function (this: FakeXHR, ...args: unknown[]) {
  this.sendArgs = args;
  FakeXHR.sent.push(this);
} as never;
interface FakeXHR {
  open: (...args: unknown[]) => void;
  send: (...args: unknown[]) => void;
}

/** A happy-dom window of its own, as a browser tab's. */
let win: Window;
let forwarded: ObservedResponse[];
/** What the page's own `message` listeners were handed (nothing of ours). */
let pageMessages: unknown[];
let handle: ObserverHandle;
let fakeFetch: ReturnType<typeof vi.fn>;
const onObserved = (e: Event): void => {
  const r = parseObserved(e);
  if (r) forwarded.push(r);
};
const onPageMessage = (e: MessageEvent): void => void pageMessages.push(e.data);
/** The page's view of its globals (what its own scripts call). */
const page = (): typeof globalThis => win as unknown as typeof globalThis;
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 100));

beforeEach(() => {
  win = new Window({ url: `${ORIGIN}/portal/home.htm` });
  forwarded = [];
  pageMessages = [];
  FakeXHR.sent = [];
  fakeFetch = vi.fn();
  (win as unknown as { fetch: unknown }).fetch = fakeFetch;
  (win as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXHR;
  win.addEventListener(OBSERVED_EVENT, onObserved as never);
  win.addEventListener('message', onPageMessage as never);
  handle = installObserver(win as unknown as globalThis.Window & typeof globalThis);
});
afterEach(() => {
  handle.uninstall();
  win.removeEventListener(OBSERVED_EVENT, onObserved as never);
  win.removeEventListener('message', onPageMessage as never);
  void win.happyDOM.close();
});

const json = (body: string, url: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Response => {
  const r = new Response(body, { status: 200, headers });
  Object.defineProperty(r, 'url', { value: url });
  return r;
};

describe('fetch', () => {
  it('returns the very promise and Response, the page reads the body, and the body is forwarded', async () => {
    const res = json('{"code":0,"data":{"payAmt":{"value":1}}}', `${ORIGIN}/portal/coreIndex/new/overview/v2.json?dateType=day`);
    const native = Promise.resolve(res);
    fakeFetch.mockReturnValue(native);
    const init = { method: 'GET', credentials: 'include' as const };
    const p = page().fetch('/portal/coreIndex/new/overview/v2.json?dateType=day', init);
    expect(p).toBe(native);
    expect(fakeFetch).toHaveBeenCalledWith('/portal/coreIndex/new/overview/v2.json?dateType=day', init);
    const got = await p;
    expect(got).toBe(res);
    expect(await got.json()).toEqual({ code: 0, data: { payAmt: { value: 1 } } });
    await settle();
    expect(forwarded).toEqual([{ url: `${ORIGIN}/portal/coreIndex/new/overview/v2.json?dateType=day`, body: '{"code":0,"data":{"payAmt":{"value":1}}}' }]);
  });

  it('passes rejections and throwing fetches through unchanged, with no error of ours', async () => {
    const boom = new TypeError('Failed to fetch');
    fakeFetch.mockReturnValue(Promise.reject(boom));
    await expect(page().fetch('/x.json')).rejects.toBe(boom);
    fakeFetch.mockImplementation(() => {
      throw new TypeError('Illegal invocation');
    });
    expect(() => page().fetch('/x.json')).toThrow('Illegal invocation');
    // A Response whose clone() throws (body already used elsewhere) is swallowed on our side.
    const weird = json('{}', `${ORIGIN}/a.json`);
    Object.defineProperty(weird, 'clone', { value: () => { throw new Error('used'); } });
    fakeFetch.mockReturnValue(Promise.resolve(weird));
    expect(await page().fetch('/a.json')).toBe(weird);
    await settle();
    expect(forwarded).toEqual([]);
  });

  it('ignores other origins, non-JSON and oversized bodies; forwards mtop and challenge URLs', async () => {
    const cases: Array<[string, string, Record<string, string>]> = [
      ['https://g.alicdn.com/app.js', 'x', { 'content-type': 'application/javascript' }],
      [`${ORIGIN}/portal/home.htm`, '<html>', { 'content-type': 'text/html' }],
      [`${ORIGIN}/big.json`, 'x'.repeat(MAX_BODY_CHARS + 1), { 'content-type': 'application/json' }],
      ['https://h5api.m.taobao.com/h5/mtop.taobao.sell.pc.manage.async/1.0/', '{"ret":["SUCCESS::ok"]}', { 'content-type': 'application/json' }],
      ['https://sycm.taobao.com/_____tmd_____/punish?x5secdata=1', '<html>验证</html>', { 'content-type': 'text/html' }],
    ];
    for (const [url, body, headers] of cases) {
      fakeFetch.mockReturnValue(Promise.resolve(json(body, url, headers)));
      await page().fetch(url);
    }
    await settle();
    expect(forwarded.map((f) => f.url)).toEqual([cases[3]![0], cases[4]![0]]);
  });
});

describe('XMLHttpRequest', () => {
  it('passes open/send arguments exactly, keeps the page handlers, forwards text and json bodies', async () => {
    const xhr = new (page().XMLHttpRequest)() as unknown as FakeXHR;
    const seen: string[] = [];
    xhr.onload = () => seen.push('onload');
    xhr.addEventListener('loadend', () => seen.push('loadend'));
    xhr.open('GET', '/cc/item/view/top.json?dateType=day'); // two arguments: async stays defaulted
    xhr.send();
    expect(xhr.openArgs).toEqual(['GET', '/cc/item/view/top.json?dateType=day']);
    expect(xhr.sendArgs).toEqual([]);
    xhr.respond(200, '{"code":0,"data":{}}', { 'content-type': 'application/json' });
    expect(seen).toEqual(['onload', 'loadend']);

    const x2 = new (page().XMLHttpRequest)() as unknown as FakeXHR;
    x2.responseType = 'json';
    x2.open('POST', '/custom/menu/getPersonalView.json', true);
    x2.send('a=1');
    x2.send('a=1'); // reused: still one listener
    expect(x2.openArgs).toEqual(['POST', '/custom/menu/getPersonalView.json', true]);
    x2.respond(200, '{"code":0}');
    await settle();
    expect(forwarded).toEqual([
      { url: `${ORIGIN}/cc/item/view/top.json?dateType=day`, body: '{"code":0,"data":{}}' },
      { url: `${ORIGIN}/custom/menu/getPersonalView.json`, body: '{"code":0}' },
    ]);
  });

  it('swallows its own failures (a getter that throws, a failed request)', async () => {
    const xhr = new (page().XMLHttpRequest)() as unknown as FakeXHR;
    xhr.responseType = 'arraybuffer';
    xhr.open('GET', '/a.json');
    xhr.send();
    expect(() => xhr.respond(200, 'x')).not.toThrow();
    const failed = new (page().XMLHttpRequest)() as unknown as FakeXHR;
    failed.open('GET', '/b.json');
    failed.send();
    expect(() => failed.respond(0, '')).not.toThrow();
    await settle();
    expect(forwarded).toEqual([]);
  });
});

describe('the channel', () => {
  it('replays what the page fetched before the isolated script was listening', async () => {
    fakeFetch.mockReturnValue(Promise.resolve(json('{"a":1}', `${ORIGIN}/a.json`)));
    await page().fetch('/a.json');
    await settle();
    forwarded = [];
    // A message asking for it is not the channel (it would capture our script's source location).
    win.postMessage({ kind: 'replay' }, '*');
    await settle();
    expect(forwarded).toEqual([]);
    requestReplay(win as unknown as globalThis.Window & typeof globalThis);
    await settle();
    expect(forwarded).toEqual([{ url: `${ORIGIN}/a.json`, body: '{"a":1}' }]);
    expect(pageMessages).toEqual([{ kind: 'replay' }]); // the page's own listeners got none of ours
  });

  it('accepts only events of its exact shape and sizes', () => {
    const event = (detail: unknown): Event => new win.CustomEvent(OBSERVED_EVENT, { detail: detail as object }) as unknown as Event;
    const url = 'https://sycm.taobao.com/a.json';
    expect(parseObserved(event(observedDetail(url, '{"a":\n1}')))).toEqual({ url, body: '{"a":\n1}' });
    expect(parseObserved(event(`${url}\n`))).toEqual({ url, body: '' });
    expect(observedDetail('https://x/\n', '{}')).toBeNull();
    expect(parseObserved(event({ url, body: '{}' }))).toBeNull(); // an object, not our string
    expect(parseObserved(event('\n{}'))).toBeNull(); // no URL
    expect(parseObserved(event(url))).toBeNull(); // no body
    expect(parseObserved(event(`${'x'.repeat(4001)}\n{}`))).toBeNull();
    expect(parseObserved(event(observedDetail(url, 'x'.repeat(MAX_BODY_CHARS + 1))))).toBeNull();
    expect(parseObserved(new win.Event(REPLAY_EVENT) as unknown as Event)).toBeNull();
  });
});

describe('sensitive pages', () => {
  it('forwards nothing while the page is on the orders route', async () => {
    win.happyDOM.setURL('https://myseller.taobao.com/home.htm/trade-platform/tp/sold');
    fakeFetch.mockReturnValue(Promise.resolve(json('{"ret":["SUCCESS::ok"],"data":{"buyer":"x"}}', 'https://h5api.m.taobao.com/h5/mtop.order.list/1.0/')));
    await page().fetch('https://h5api.m.taobao.com/h5/mtop.order.list/1.0/');
    await settle();
    expect(forwarded).toEqual([]);
  });
});
