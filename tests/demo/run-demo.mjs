// `npm run demo`: builds the extension and opens Chromium with it on the bundled
// demo seller console (saved pages served at their real URLs), seeded with the
// sample shop, team and a 双12 project, and a month of the shop's figures with
// two targets. With a display: a window to click in.
// Without one (or with --headless): screenshots into demo-screenshots/.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchWithExtension } from '../support/browser.mjs';
import { loadSample, openSidePanel, sendFrom } from '../support/extension-page.mjs';
import { BUNDLED_FIXTURES, serveSellerConsole } from '../support/seller-console.mjs';
import { openPanelFrame } from '../support/seller-page.mjs';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

/** The saved workbench page's statistics day (its "更新时间"). */
const PAGE_DAY = '2026-11-24';

/**
 * The sample shop's last 30 days of figures before the saved workbench's day and a few targets,
 * as an imported export and the badge's target form would store them: the workbench badges then
 * show their change against the 7-day average and a status, and the dashboard has charts.
 */
async function seedFigures(page) {
  // Varied but fixed numbers: the same screenshots on every run.
  const wobble = (n, k) => ((n * 7919 + k * 104_729) % 1000) / 1000;
  const day0 = new Date(`${PAGE_DAY}T00:00:00Z`);
  const figures = [];
  for (let n = 30; n >= 1; n--) {
    const date = new Date(day0.getTime() - n * 86_400_000).toISOString().slice(0, 10);
    // A weekly rhythm (weekends busier) with some day-to-day noise.
    const uv = Math.round(9_400 + 900 * Math.sin((2 * Math.PI * n) / 7) + 600 * wobble(n, 1));
    const payRate = +(0.026 + 0.008 * wobble(n, 2)).toFixed(4);
    const orders = Math.round(uv * payRate * 1.1);
    const payAmt = +(orders * (95 + 20 * wobble(n, 3))).toFixed(2);
    for (const [metric, value] of [['uv', uv], ['payRate', payRate], ['subPayOrdSubCnt', orders], ['payAmt', payAmt]]) figures.push({ metric, value, date, period: 'day', itemId: null });
  }
  await sendFrom(page, { type: 'metrics.import', figures });
  await sendFrom(page, { type: 'metrics.target.set', target: { metric: 'payAmt', itemId: null, monthly: 900_000, line: null } });
  await sendFrom(page, { type: 'metrics.target.set', target: { metric: 'uv', itemId: null, monthly: null, line: { direction: 'min', value: 9_000 } } });
}

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
await seedFigures(sidePanel);

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

const dashboard = await browser.newPage();
await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
await dashboard.waitForFunction(() => document.querySelectorAll('canvas[data-chart]').length > 0, { polling: 100, timeout: 15_000 });
await new Promise((r) => setTimeout(r, 800));
await shoot(dashboard, '5-dashboard');

await close();
console.log('\nNo display found, so the demo ran headless. Screenshots:');
for (const s of shots) console.log(`  ${s}`);
