// Helpers for extension pages (side panel, dashboard). Chromium 156 headless
// exits when puppeteer dispatches trusted mouse/keyboard input to a
// chrome-extension:// page (measured: any ElementHandle.click there closes the
// browser), so on extension pages we click and type through the DOM. Seller
// pages get real input events.

/** Clicks the first element matching `selector` whose text includes `text`. */
export async function domClick(page, selector, text = '') {
  await page.waitForFunction(
    (sel, t) => [...document.querySelectorAll(sel)].some((e) => e.textContent.includes(t)),
    { timeout: 10_000, polling: 100 },
    selector,
    text,
  );
  await page.evaluate(
    (sel, t) => [...document.querySelectorAll(sel)].find((e) => e.textContent.includes(t)).click(),
    selector,
    text,
  );
}

/** Sets an input/select/textarea value the way React notices (native setter + input/change events). */
export async function domFill(page, selector, value) {
  await page.waitForSelector(selector);
  await page.evaluate(
    (sel, v) => {
      const el = document.querySelector(sel);
      const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    selector,
    value,
  );
}

export async function textOf(page) {
  return page.evaluate(() => document.body.innerText);
}

/** Opens the side panel page as a tab and waits for it to render. */
export async function openSidePanel(browser, extensionId, hash = '') {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html${hash}`);
  await page.bringToFront();
  await page.waitForFunction(() => !document.body.innerText.includes('加载中'), { timeout: 10_000, polling: 100 });
  return page;
}

/** Loads the sample workspace through the first-run screen ("试用示例数据"). */
export async function loadSample(browser, extensionId) {
  const page = await openSidePanel(browser, extensionId, '#/setup');
  await domClick(page, 'button', '试用示例数据');
  await page.waitForFunction(() => document.body.innerText.includes('木语家居旗舰店') && document.querySelector('nav.tabs'), { timeout: 10_000, polling: 100 });
  return page;
}

/** Rows of one IndexedDB store, read from an extension page (same origin as the background's database). */
export async function storeRows(page, store) {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('zhanggui');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** Sends one message to the background from an extension page (as the side panel does) and unwraps the reply; throws on a refusal. */
export async function sendFrom(page, msg) {
  const reply = await page.evaluate((m) => globalThis.chrome.runtime.sendMessage(m), msg);
  if (!reply?.ok) throw new Error(`${String(msg.type)}: ${reply?.error ?? 'no reply'}`);
  return reply.data;
}
