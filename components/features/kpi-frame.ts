// WXT's browser, not webextension-polyfill: no wrapper to build on the host page's main thread.
import { browser } from 'wxt/browser';
import { parseFrameMessage } from '@/lib/features/frame-messages';
import { createShadowHost, el } from './shadow-host';

// Above our notices (2147483002): a dialog the person opened covers them until it closes.
const CSS = `.backdrop { position: fixed; inset: 0; z-index: 2147483003; background: rgb(0 0 0 / 30%); display: flex; align-items: center; justify-content: center; }
iframe { width: min(620px, 94vw); height: min(640px, 92vh); border: 0; border-radius: 8px; background: #fff; box-shadow: 0 8px 24px rgb(0 0 0 / 20%); }`;

export const KPI_FRAME_TAG = 'zhanggui-kpi-frame';

export interface KpiFrameParams {
  metric: string;
  itemId: string | null;
  value: number;
  date: string;
  period: string;
  url: string;
}

/** The hash of kpi.html for one figure; the page it came from travels here, never through the page's code. */
export function kpiHash(p: KpiFrameParams): string {
  const q = new URLSearchParams({ metric: p.metric, value: String(p.value), date: p.date, period: p.period, url: p.url.slice(0, 2000) });
  if (p.itemId) q.set('itemId', p.itemId);
  return `#/kpi?${q.toString()}`;
}

let close: (() => void) | null = null;

/** The KPI detail (our kpi.html: 30-day chart, target form, create task) over the page; Esc, the backdrop or 关闭 closes it. */
export function openKpiFrame(p: KpiFrameParams): void {
  close?.();
  const { host, root } = createShadowHost(KPI_FRAME_TAG, CSS);
  const frame = el('iframe', { title: '掌柜指标详情 Zhanggui KPI detail' });
  frame.src = browser.runtime.getURL(`/kpi.html${kpiHash(p)}`);
  const backdrop = el('div', { className: 'backdrop' });
  backdrop.append(frame);
  root.append(backdrop);
  const onMessage = (e: MessageEvent): void => {
    if (e.source === frame.contentWindow && parseFrameMessage(e.data)?.zg === 'close') close?.();
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') close?.();
  };
  backdrop.addEventListener('click', (e) => e.target === backdrop && close?.());
  window.addEventListener('message', onMessage);
  window.addEventListener('keydown', onKey, true);
  document.body.append(host);
  close = () => {
    window.removeEventListener('message', onMessage);
    window.removeEventListener('keydown', onKey, true);
    host.remove();
    close = null;
  };
}

export function closeKpiFrame(): void {
  close?.();
}
