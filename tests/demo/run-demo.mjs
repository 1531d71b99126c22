// `npm run demo`: builds the extension and opens Chromium with it on the bundled
// demo seller console (saved pages served at their real URLs), seeded with the
// sample shop, team and a 双12 project. With a display: a window to click in.
// Without one (or with --headless): screenshots into demo-screenshots/.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchWithExtension } from '../support/browser.mjs';
import { loadSample, openSidePanel } from '../support/extension-page.mjs';
import { BUNDLED_FIXTURES, serveSellerConsole } from '../support/seller-console.mjs';
import { openPanelFrame } from '../support/seller-page.mjs';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const outDir = path.resolve('demo-screenshots');

console.log('Building the extension (wxt build)…');
const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { browser, extensionId, close } = await launchWithExtension({ headless });
const console_ = { fixtures: BUNDLED_FIXTURES, demoNav: true };
// Every tab, including the ones a person opens, is served from the demo console.
browser.on('targetcreated', async (target) => {
  if (target.type() !== 'page') return;
  const page = await target.page();
  if (page && !page.url().startsWith('chrome-extension://')) await serveSellerConsole(page, console_).catch(() => {});
});
const sidePanel = await loadSample(browser, extensionId);

const workbench = await browser.newPage();
await serveSellerConsole(workbench, console_).catch(() => {});
await workbench.goto('https://myseller.taobao.com/home.htm/QnworkbenchHome/', { waitUntil: 'load' });
await workbench.waitForSelector('zhanggui-panel');

if (!headless) {
  console.log('\n掌柜 demo is open. Seller pages are served from tests/demo/console; use the orange link strip to move between them.');
  console.log(`Side panel as a tab: chrome-extension://${extensionId}/sidepanel.html  (or click the toolbar icon)`);
  console.log('Close the browser window to end the demo.');
  await new Promise((resolve) => browser.on('disconnected', resolve));
  await close();
  process.exit(0);
}

mkdirSync(outDir, { recursive: true });
const shots = [];
const shoot = async (page, name) => {
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  shots.push(file);
};
// The panel opens as a preview; the pointer over it brings the full panel (command bar, briefing).
await openPanelFrame(workbench);
await new Promise((r) => setTimeout(r, 300));
await shoot(workbench, '1-workbench-task-panel');

const sellManage = await browser.newPage();
await serveSellerConsole(sellManage, console_).catch(() => {});
await sellManage.goto('https://myseller.taobao.com/home.htm/SellManage/all', { waitUntil: 'load' });
await sellManage.waitForFunction(() => document.querySelectorAll('zhanggui-row-badge').length >= 3, { polling: 100 });
await new Promise((r) => setTimeout(r, 300));
await shoot(sellManage, '2-sell-manage-row-badges');

await sidePanel.setViewport({ width: 420, height: 900 });
await sidePanel.goto(`chrome-extension://${extensionId}/sidepanel.html#/today`);
await sidePanel.bringToFront();
await new Promise((r) => setTimeout(r, 500));
await shoot(sidePanel, '3-side-panel-today');

const board = await openSidePanel(browser, extensionId, '#/board');
await board.setViewport({ width: 1400, height: 900 });
await new Promise((r) => setTimeout(r, 500));
await shoot(board, '4-board-by-stage');

await close();
console.log('\nNo display found, so the demo ran headless. Screenshots:');
for (const s of shots) console.log(`  ${s}`);
