import { createShadowHost, el } from './shadow-host';

/**
 * Visible notices of the KPI capture on the host page, in a shadow root of our own:
 * the risk-control pause (stays until the page is reloaded, which is also the only way capture
 * resumes) and capture warnings (another shop's figures refused, a different login). Reasons
 * come from the capture engine and the background; they are only ever set as text.
 */
// The hosts are out of flow (fixed, no size), so showing a notice never makes the page lay itself out again.
const CSS = `:host { position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483002; }
.notice { position: fixed; left: 50%; top: 12px; transform: translateX(-50%); z-index: 2147483002; max-width: min(640px, 92vw);
  display: flex; gap: 10px; align-items: flex-start; padding: 10px 14px; border-radius: 6px; font-size: 13px; line-height: 1.5;
  box-shadow: 0 4px 12px rgb(0 0 0 / 15%); }
.risk { background: #fff1f0; color: #a8071a; border: 1px solid #ffa39e; }
.warn { background: #fffbe6; color: #874d00; border: 1px solid #ffe58f; top: 64px; }
.x { margin-left: auto; border: 0; background: transparent; cursor: pointer; font-size: 16px; line-height: 1; color: inherit; }
.mute { flex: none; border: 1px solid currentColor; background: transparent; border-radius: 4px; padding: 0 6px; cursor: pointer; font: inherit; color: inherit; }`;

export const RISK_NOTICE_TAG = 'zhanggui-risk-notice';
export const CAPTURE_WARNING_TAG = 'zhanggui-capture-warning';

/** 「掌柜已暂停读取：检测到淘宝安全验证（reason）。刷新页面后恢复。」 — one per page, no close button. */
export function showRiskNotice(reason: string): HTMLElement {
  const existing = document.querySelector(RISK_NOTICE_TAG);
  if (existing instanceof HTMLElement) return existing;
  const { host, root } = createShadowHost(RISK_NOTICE_TAG, CSS);
  const box = el('div', { className: 'notice risk' });
  box.setAttribute('role', 'alert');
  box.append(el('span', {}, `掌柜已暂停读取：检测到淘宝安全验证（${reason.slice(0, 160)}）。刷新页面后恢复。 Zhanggui paused reading this page: Taobao security check detected. Reload the page to resume.`));
  root.append(box);
  document.documentElement.append(host);
  return host;
}

/**
 * A warning about captured figures (refused shop, other login); replaces the previous one, closable.
 * `notToday`: the warning may be silenced until tomorrow (the login warning), which this calls.
 */
export function showCaptureWarning(text: string, notToday?: () => void): HTMLElement {
  document.querySelector(CAPTURE_WARNING_TAG)?.remove();
  const { host, root } = createShadowHost(CAPTURE_WARNING_TAG, CSS);
  const box = el('div', { className: 'notice warn' });
  box.setAttribute('role', 'status');
  const close = el('button', { className: 'x', type: 'button', title: '关闭 Close' }, '×');
  close.addEventListener('click', () => host.remove());
  box.append(el('span', {}, `掌柜：${text.slice(0, 400)}`));
  if (notToday) {
    const mute = el('button', { className: 'mute', type: 'button' }, '今天不再提醒 Not again today');
    mute.addEventListener('click', () => {
      host.remove();
      notToday();
    });
    box.append(mute);
  }
  box.append(close);
  root.append(box);
  document.documentElement.append(host);
  return host;
}
