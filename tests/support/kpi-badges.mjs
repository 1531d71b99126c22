// KPI badges on a seller page (components/features/kpi-badges.ts) as a test sees them: each
// badge's data attributes, its text and the page element it sits in; the KPI detail frame a
// badge click opens (kpi.html framed over the page).
import { ourFrame } from './seller-page.mjs';

/** Every badge on the page with what it shows and where it sits. */
export function readBadges(page) {
  return page.$$eval('zhanggui-kpi-badge', (hosts) =>
    hosts.map((h) => {
      const b = h.shadowRoot.querySelector('button');
      return {
        metric: b.dataset.metric ?? '',
        itemId: b.dataset.itemId ?? '',
        status: b.dataset.status ?? '',
        change: b.dataset.change ?? '',
        tasks: b.dataset.tasks ?? '',
        text: b.textContent ?? '',
        label: b.getAttribute('aria-label') ?? '',
        /** The page element the badge was put in, and its own text (without the badge). */
        anchorClass: h.parentElement?.getAttribute('class') ?? '',
        anchorText: [...(h.parentElement?.childNodes ?? [])].filter((n) => n !== h).map((n) => n.textContent).join('').trim(),
      };
    }),
  );
}

/** Waits until `count` badges have their status rendered (data-tasks is set once the background answered). */
export async function waitForBadges(page, count, timeout = 15_000) {
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('zhanggui-kpi-badge')].filter((h) => h.shadowRoot?.querySelector('button')?.dataset.tasks !== undefined).length >= n,
    { polling: 100, timeout },
    count,
  );
  return readBadges(page);
}

/** Waits until the badge of `metric` shows `attr` = `value` (after a refresh). */
export async function waitForBadge(page, metric, attr, value, timeout = 10_000) {
  await page.waitForFunction(
    (m, a, v) => [...document.querySelectorAll('zhanggui-kpi-badge')].some((h) => h.shadowRoot?.querySelector(`button[data-metric="${m}"]`)?.getAttribute(a) === v),
    { polling: 100, timeout },
    metric,
    attr,
    value,
  );
}

/** The KPI detail frame a badge click opened. */
export const kpiFrame = (page, timeout = 10_000) => ourFrame(page, '/kpi.html#/kpi', 'body', timeout);
