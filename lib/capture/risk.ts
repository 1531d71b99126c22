/**
 * Signs that Taobao's risk control has stepped in (taobao-pages.md, "Platform rules and risk
 * control"). Any one of them pauses capture on the tab: the engine returns status 'paused'
 * with no figures, and the extension resumes only on a new page load. False alarms cost one
 * page of figures; a missed signal risks the seller's access, so matching is generous.
 */
import { css, S } from '../taobao/selectors';
import { isHiddenByMarkup, textNodes, textOf } from './dom';
import type { PageResponse } from './types';

const URL_SIGNALS = ['bixi.alicdn.com/punish', 'punish:resource:template', 'x5sec', 'sec.taobao.com', '/_____tmd_____/punish'];
const BODY_SIGNALS = ['rgv587_flag', 'rgv587', 'fail_sys_user_validate', ...URL_SIGNALS];
const TEXT_SIGNALS = ['滑块验证', '请稍后再试', '访问被拒绝', '请按住滑块', '拖动滑块', '访问受限'];
const RISK_NODES = `${css(S.riskBaxiaDialog)}, ${css(S.riskPunishFrame)}`;

/** The first of `signals` that `text` contains (one helper for every check: less to compile on a cold page). */
function firstSignal(text: string, signals: readonly string[]): string | undefined {
  return signals.find((s) => text.includes(s));
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A URL (page, response or frame) that points at a punish/challenge page. */
export function riskInUrl(url: string): string | null {
  const u = decoded(url).toLowerCase();
  const hit = firstSignal(u, URL_SIGNALS);
  return hit ? `risk-control URL (${hit}): ${url.slice(0, 100)}` : null;
}

/** A response body carrying a punish flag, a challenge URL or an mtop validation error. */
export function riskInBody(body: string): string | null {
  const b = body.toLowerCase();
  const hit = firstSignal(b, BODY_SIGNALS);
  return hit ? `risk-control response (${hit})` : null;
}

/** A captcha dialog, a punish frame, or visible challenge text in the page. */
export function riskInDocument(doc: Document): string | null {
  const node = doc.querySelector(RISK_NODES);
  if (node) return `risk-control element in the page (${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''})`;
  const title = doc.title ?? '';
  const inTitle = firstSignal(title, TEXT_SIGNALS);
  if (inTitle) return `risk-control text in the title (${inTitle})`;
  const root = doc.body ?? doc.documentElement;
  if (!root) return null;
  // One cheap pass over all text first; the node walk (hidden? script?) only when it may hit.
  const all = root.textContent ?? '';
  if (!firstSignal(all, TEXT_SIGNALS)) return null;
  for (const { text, el } of textNodes(root)) {
    const hit = firstSignal(text, TEXT_SIGNALS);
    if (hit && !isHiddenByMarkup(el)) return `risk-control text in the page (${hit}): ${textOf(el).slice(0, 40)}`;
  }
  return null;
}

/** Every risk signal in a page and its responses; empty when capture may go on. */
export function detectRisk(input: { url: string; document?: Document | null; responses?: readonly PageResponse[] }): string[] {
  const reasons: string[] = [];
  const fromUrl = riskInUrl(input.url);
  if (fromUrl) reasons.push(fromUrl);
  for (const r of input.responses ?? []) {
    const reason = riskInUrl(String(r.url)) ?? riskInBody(typeof r.body === 'string' ? r.body : '');
    if (reason) reasons.push(reason);
  }
  if (input.document) {
    const fromDom = riskInDocument(input.document);
    if (fromDom) reasons.push(fromDom);
  }
  return reasons;
}
