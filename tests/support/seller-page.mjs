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
