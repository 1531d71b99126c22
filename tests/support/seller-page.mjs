// Opens a saved seller page in a new tab (served at its real URL) and records
// what would mean we broke the host page: uncaught errors, dialogs (an alert
// from injected markup), and optionally console errors.
import { serveSellerConsole } from './seller-console.mjs';

export async function openSellerPage(browser, url, { problems, consoleErrors = false, serve = {} }) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror on ${url}: ${e.message}`));
  if (consoleErrors) {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error on ${url}: ${m.text()}`);
    });
  }
  page.on('dialog', (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  await serveSellerConsole(page, serve);
  await page.bringToFront();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * The docked panel's full view: the panel opens as a preview drawn by the content script, and its
 * frame (panel.html) is created when the pointer goes over it. Hovers the preview (a real mouse
 * move on the seller page) unless that happened already, and returns the frame once the preview
 * has made way for it.
 */
export async function openPanelFrame(page) {
  await page.waitForSelector('zhanggui-panel >>> .preview header');
  const hidden = () => page.$eval('zhanggui-panel', (h) => h.shadowRoot.querySelector('.preview').hidden);
  if (!(await hidden())) await page.hover('zhanggui-panel >>> .preview header');
  await page.waitForFunction(() => document.querySelector('zhanggui-panel')?.shadowRoot?.querySelector('.preview')?.hidden === true, { polling: 100, timeout: 10_000 });
  const frame = page.frames().find((f) => f.url().includes('/panel.html#/panel'));
  if (!frame) throw new Error(`no panel frame on ${page.url()}`);
  return frame;
}

/** The text of the docked panel's preview (before its frame exists). */
export async function panelPreviewText(page, contains) {
  await page.waitForFunction((t) => document.querySelector('zhanggui-panel')?.shadowRoot?.querySelector('.preview')?.textContent?.includes(t), { polling: 100, timeout: 10_000 }, contains);
  return page.evaluate(() => document.querySelector('zhanggui-panel').shadowRoot.querySelector('.preview').textContent);
}
