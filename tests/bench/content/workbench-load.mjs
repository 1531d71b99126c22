// One load of the Qianniu workbench (served from the demo console) in a new tab, as the content
// benchmark and its diagnostics measure it: a fixed settle after the load event, then the page's
// TaskDuration. The hooks run with the tab open: `beforeLoad` before navigating (start a profiler),
// `beforeClose` after the settle (other measurements of the same load).
import { serveSellerConsole } from '../../support/seller-console.mjs';

export const WORKBENCH = 'https://myseller.taobao.com/home.htm/QnworkbenchHome/';
/** A fixed settle time in every load: polling for our panel would itself run on the page's main thread. */
export const SETTLE_MS = 1500;

/** Main-thread task time (ms) of one workbench load, once the page and our panel have settled. */
export async function loadWorkbench(browser, beforeClose = async () => {}, beforeLoad = async () => {}) {
  const page = await browser.newPage();
  try {
    await serveSellerConsole(page);
    await page.bringToFront();
    await beforeLoad(page);
    await page.goto(WORKBENCH, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const m = await page.metrics();
    await beforeClose(page);
    return m.TaskDuration * 1000;
  } finally {
    await page.close();
  }
}
