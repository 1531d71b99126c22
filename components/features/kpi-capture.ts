import { captureWithOrigins } from '@/lib/capture/capture-page';
import { OBSERVED_EVENT, parseObserved, requestReplay } from '@/lib/capture/observed';
import { ReadPacer } from '@/lib/capture/read-pacer';
import { riskInBody, riskInUrl } from '@/lib/capture/risk';
import type { Figure, PageResponse } from '@/lib/capture/types';
import { localToday } from '@/lib/domain/dates';
import type { Feature } from '@/lib/features/types';
import { call, RequestError } from '@/lib/messaging/client';
import type { IngestReply } from '@/lib/metrics/messages';
import { detectPage, type PageKind } from '@/lib/taobao/page-detect';
import { badgeCell, KpiBadges, MAX_CELLS } from './kpi-badges';
import { showCaptureWarning, showRiskNotice } from './risk-notice';

const KEEP_RESPONSES = 60;
export const STATUS_TAG = 'zhanggui-kpi-status';

/**
 * Per page load, not per route: a risk-control pause outlives SPA route changes and ends only
 * with a new page load (a new content-script instance), as taobao-pages.md requires.
 */
const state = {
  listening: false,
  paused: null as string | null,
  responses: [] as PageResponse[],
  onChange: null as (() => void) | null,
  runs: 0,
};

/** A small status element of ours (never shown) that tests and the capture benchmark read. */
function status(): HTMLElement {
  let s = document.querySelector(STATUS_TAG);
  if (!(s instanceof HTMLElement)) {
    s = document.createElement(STATUS_TAG);
    (s as HTMLElement).hidden = true;
    document.documentElement.append(s);
  }
  return s as HTMLElement;
}

function report(read: Record<string, string>): HTMLElement {
  const s = status();
  Object.assign(s.dataset, read);
  return s;
}

/** Stops all capture on this tab at once and says why. Nothing read after this is sent. */
export function pauseCapture(reason: string): void {
  if (state.paused) return;
  state.paused = reason;
  state.responses = [];
  status().dataset.state = 'paused';
  status().dataset.reason = reason.slice(0, 200);
  showRiskNotice(reason);
  // Tell the team (inbox, once a day per page kind). A message to our background, not to Taobao.
  void call({ type: 'metrics.riskPaused', url: location.href.slice(0, 4000), reason: reason.slice(0, 300) }).catch(() => {});
}

/** Forwarded responses from the MAIN-world observer, checked for risk signals on arrival. */
function listen(): void {
  if (state.listening) return;
  state.listening = true;
  window.addEventListener(OBSERVED_EVENT, (e) => {
    if (state.paused) return;
    const r = parseObserved(e);
    if (!r) return;
    const risk = riskInUrl(r.url) ?? riskInBody(r.body);
    if (risk) return pauseCapture(risk);
    // Keep nothing while the SPA shows a page we do not read (orders hold buyer data).
    if (!capturesOn(detectPage(location.href))) return;
    state.responses.push(r);
    if (state.responses.length > KEEP_RESPONSES) state.responses.shift();
    state.onChange?.();
  });
  // The observer kept what the page fetched before we were listening.
  requestReplay(window);
}

/** Only mutations of the page itself matter, not our own badges and notices. */
function isOurs(n: Node | null): boolean {
  for (let e: Node | null = n; e; e = e.parentNode) if (e.nodeType === 1 && (e as Element).tagName.startsWith('ZHANGGUI-')) return true;
  return false;
}

/** A mutation we caused: inside our own elements, or adding/removing only our hosts (badges in page cells). */
function byUs(r: MutationRecord): boolean {
  if (isOurs(r.target)) return true;
  if (r.type !== 'childList') return false;
  const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
  return nodes.length > 0 && nodes.every((n) => n.nodeType === 1 && (n as Element).tagName.startsWith('ZHANGGUI-'));
}

const capturesOn = (page: PageKind | null): boolean => page !== null && ((page.startsWith('sycm.') && page !== 'sycm.login') || page === 'qianniu.workbench');

const figureKey = (f: Figure): string => `${f.metric}|${f.itemId ?? ''}|${f.period}|${f.date}|${f.value}`;

/**
 * Passive KPI capture on Sycm pages and the Qianniu workbench: reads the DOM and the responses
 * the page fetched (lib/capture), after the page settles and after changes (paced by
 * lib/capture/read-pacer.ts), and sends the figures to the background. Risk-control signals
 * pause it for the rest of the page load.
 */
export const kpiCapture: Feature = {
  id: 'kpi-capture',
  include: (page: PageKind) => capturesOn(page),
  init(signal, { firstPaint }) {
    listen();
    if (state.paused) return;
    // The panel's first drawing waits for ours (badges, notices), so the page takes both in one
    // rendering update (lib/features/first-paint.ts). Released right where each outcome of the
    // first read is drawn, not in a later .finally: the panel then goes in with the same microtask
    // and the page's own mutation observers get one delivery, not two (tests/e2e/workbench).
    const firstDrawn = firstPaint.hold();
    signal.addEventListener('abort', firstDrawn, { once: true });
    const badges = new KpiBadges(signal);
    const pacer = new ReadPacer();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let firstChange = 0;
    let lastSent = '';
    let shownWarning = '';

    const run = (): void => {
      timer = null;
      firstChange = 0;
      if (signal.aborted || state.paused) return firstDrawn();
      const t0 = performance.now();
      const { result, figures, items } = captureWithOrigins({ url: location.href, document, responses: state.responses, today: localToday() });
      const ms = performance.now() - t0;
      // What this read says about itself; written to the page with the badges it leads to, in one task.
      const read: Record<string, string> = { ms: ms.toFixed(2), at: t0.toFixed(1), runs: String(++state.runs) };
      if (result.status === 'paused') return (report(read), pauseCapture(result.warnings[0] ?? 'risk control'), firstDrawn());
      read.state = 'ok';
      read.count = String(result.metrics.length);
      const key = figures.map(figureKey).sort().join(',');
      pacer.read(key);
      if (result.metrics.length === 0) return (report(read), firstDrawn());
      if (key === lastSent) return (report(read), badges.update(figures), firstDrawn());
      lastSent = key;
      // The ingest reply carries the badges' statuses, which then already count these figures: the
      // badges, any warning and the status are put into the page together, once, in the reply's task.
      // Item titles the page showed ride along for the item catalog (stored with the figures, same shop check).
      const cells = figures.slice(0, MAX_CELLS).map(badgeCell);
      void call<IngestReply>({ type: 'metrics.ingest', url: location.href, identity: result.shop, figures: result.metrics, items: items.slice(0, 500), cells })
        .then((reply) => {
          const s = report(read);
          s.dataset.stored = String(Number(s.dataset.stored ?? 0) + reply.stored);
          const login = result.shop?.loginUserName;
          if (reply.accountWarning && reply.accountWarning !== shownWarning && !signal.aborted) {
            shownWarning = reply.accountWarning;
            showCaptureWarning(reply.accountWarning, login ? () => void call({ type: 'metrics.dismissLoginWarning', login }).catch(() => {}) : undefined);
          }
          badges.update(figures, reply.badges ?? null);
          firstDrawn();
        })
        .catch((e: unknown) => {
          lastSent = ''; // try again on the next change
          report(read);
          if (e instanceof RequestError && e.field === 'shop' && !signal.aborted) {
            status().dataset.refused = e.message.slice(0, 200);
            if (e.message !== shownWarning) showCaptureWarning((shownWarning = e.message));
          }
          badges.update(figures);
          firstDrawn();
        });
    };
    const schedule = (): void => {
      if (signal.aborted || state.paused) return firstDrawn(); // paused: the notice is our drawing
      const now = performance.now();
      if (!firstChange) firstChange = now;
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, pacer.delay(now - firstChange));
    };

    // A response the page fetched, or the seller acting on the page, likely brings new figures.
    const onActivity = (): void => pacer.reset();
    const onResponse = (): void => {
      pacer.reset();
      schedule();
    };
    state.onChange = onResponse;
    for (const type of ['pointerdown', 'keydown'] as const) window.addEventListener(type, onActivity, { capture: true, passive: true, signal });
    const observer = new MutationObserver((records) => {
      if (records.some((r) => !byUs(r))) schedule();
    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
    const onLoad = (): void => schedule();
    if (document.readyState === 'complete') schedule();
    else window.addEventListener('load', onLoad, { once: true });
    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        window.removeEventListener('load', onLoad);
        if (timer) clearTimeout(timer);
        if (state.onChange === onResponse) state.onChange = null;
      },
      { once: true },
    );
  },
};
