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

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The frame whose URL holds `urlPart`. WebDriver BiDi (Firefox) reports a moz-extension:// frame
 * in a web page as about:blank, so such frames are asked for their location.
 */
async function findFrame(page, urlPart) {
  for (const f of page.frames()) {
    if (f.detached) continue;
    const url = f.url() === 'about:blank' ? await f.evaluate(() => location.href).catch(() => '') : f.url();
    if (url.includes(urlPart)) return f;
  }
  return null;
}

/**
 * A frame of ours on a seller page (panel.html or kpi.html, told by a part of its URL) once
 * `selector` is in it. The frame is looked up again on every try: our frame starts in the page's
 * process and moves to the extension's when it navigates, and a Frame taken in between may never
 * see its content (a test waited 30 s on one on a loaded machine).
 */
export async function ourFrame(page, urlPart, selector = 'body', timeout = 15_000) {
  let lastError = null;
  for (const end = Date.now() + timeout; Date.now() < end; await sleep(100)) {
    const frame = await findFrame(page, urlPart);
    if (!frame) continue;
    try {
      if (await frame.$(selector)) return frame;
    } catch (e) {
      lastError = e; // the frame went away or moved between processes: look it up again
    }
  }
  throw new Error(`no frame ${urlPart} holding ${selector} on ${page.url()}${lastError ? ` (${lastError.message})` : ''}`);
}

/**
 * Runs `expression` in a frame of ours through a DevTools session on the frame's own target until
 * it gives something truthy, and returns that. Puppeteer's Frame for an extension frame that
 * appeared while another one was still attaching (the panel frame under the pointer and quick-add,
 * opened by the same click) can stay without an execution context on a loaded machine, while a
 * session on the frame's target answers at once.
 */
export async function untilInOurFrame(browser, urlPart, expression, timeout = 15_000) {
  const sessions = new Map();
  try {
    for (const end = Date.now() + timeout; Date.now() < end; await sleep(100)) {
      const target = browser.targets().find((t) => t.url().includes(urlPart));
      if (!target) continue;
      if (!sessions.has(target)) sessions.set(target, await target.createCDPSession());
      const answer = await sessions
        .get(target)
        .send('Runtime.evaluate', { expression, returnByValue: true })
        .catch(() => null);
      if (answer?.result?.value) return answer.result.value;
    }
  } finally {
    for (const session of sessions.values()) await session.detach().catch(() => {});
  }
  throw new Error(`${expression} never held in a frame ${urlPart}`);
}

/**
 * The docked panel's full view: the panel opens as a preview drawn by the content script, and its
 * frame (panel.html) is created when the pointer goes over it. Hovers the preview (a real mouse
 * move on the seller page) unless that happened already, and returns the frame once the preview
 * has made way for it. The preview redraws itself when its data changes, so a header found a
 * moment ago may be gone by the time the mouse moves: the hover is tried again.
 */
export async function openPanelFrame(page) {
  const header = 'zhanggui-panel >>> .preview header';
  await page.waitForSelector(header);
  const hidden = () => page.$eval('zhanggui-panel', (h) => h.shadowRoot.querySelector('.preview').hidden);
  for (let attempt = 1; !(await hidden()); attempt++) {
    try {
      await page.hover(header);
      break;
    } catch (e) {
      if (attempt >= 20) throw e;
      await sleep(100);
    }
  }
  await page.waitForFunction(() => document.querySelector('zhanggui-panel')?.shadowRoot?.querySelector('.preview')?.hidden === true, { polling: 100, timeout: 10_000 });
  return ourFrame(page, '/panel.html#/panel');
}

/** The text of the docked panel's preview (before its frame exists). */
export async function panelPreviewText(page, contains) {
  await page.waitForFunction((t) => document.querySelector('zhanggui-panel')?.shadowRoot?.querySelector('.preview')?.textContent?.includes(t), { polling: 100, timeout: 10_000 }, contains);
  return page.evaluate(() => document.querySelector('zhanggui-panel').shadowRoot.querySelector('.preview').textContent);
}
