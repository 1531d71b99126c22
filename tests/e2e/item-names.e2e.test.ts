/**
 * The item catalog in Chromium with the built extension: titles the saved seller pages show
 * (商品管理 rows, the Sycm item ranking, the item edit page) are remembered without any request
 * of ours, last seen wins, and items are then named "title (ID)" in the row badge popover, the
 * KPI badge popover with its prefilled task, and the dashboard's leaderboard.
 */
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../support/browser.mjs';
import { loadSample, sendFrom } from '../support/extension-page.mjs';
import { kpiFrame, waitForBadges } from '../support/kpi-badges.mjs';
import { openSellerPage } from '../support/seller-page.mjs';

const SELL_MANAGE = 'https://myseller.taobao.com/home.htm/SellManage/all';
const RANK = 'https://sycm.taobao.com/cc/item_rank?dateType=day&dateRange=2026-11-23%7C2026-11-23';
const EDIT = 'https://item.upload.taobao.com/sell/v2/publish.htm?itemId=700000000001';

let browser: Browser;
let extensionId: string;
let close: () => Promise<void>;
let ext: Page;
const problems: string[] = [];
/** Requests the pages made that our extension could have caused (anything to a host other than the page's own fixtures). */
const seen: string[] = [];

const send = <T = unknown>(msg: Record<string, unknown>): Promise<T> => sendFrom<T>(ext, msg);
const names = (): Promise<Record<string, string>> => send({ type: 'items.names', itemIds: ['700000000001', '700000000002', '700000000003'] });
async function until(check: () => Promise<boolean>, what: string, timeout = 10_000): Promise<void> {
  for (const end = Date.now() + timeout; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await check()) return;
  throw new Error(`timed out: ${what}`);
}
const sellerPage = async (url: string, pageScripts: string[] = []): Promise<Page> => {
  const page = await openSellerPage(browser, url, { problems, serve: { pageScripts } });
  page.on('request', (r) => seen.push(r.url()));
  return page;
};

beforeAll(async () => {
  ({ browser, extensionId, close } = await launchWithExtension());
  ext = await loadSample(browser, extensionId);
});
afterAll(async () => {
  await close?.();
});

describe('item names', () => {
  it('remembers the titles of the 商品管理 rows and names the item in the row badge popover', async () => {
    const page = await sellerPage(SELL_MANAGE);
    await until(async () => Object.keys(await names()).length === 3, 'the three rows’ titles');
    expect(await names()).toEqual({ '700000000001': '北欧实木餐桌 家用小户型', '700000000002': '岩板茶几 客厅简约', '700000000003': '布艺沙发 三人位' });
    const list = await send<Array<{ itemId: string; imageUrl: string | null }>>({ type: 'items.list' });
    expect(list.find((e) => e.itemId === '700000000002')!.imageUrl).toBe('https://img.alicdn.com/imgextra/i2/100000001/O1CN01bb_!!100000001.jpg_80x80.jpg');
    await page.click('zhanggui-row-badge >>> .badge[data-item-id="700000000002"]');
    await page.waitForFunction(() => [...document.querySelectorAll('zhanggui-row-badge')].some((h) => h.shadowRoot?.querySelector('.item-name')?.textContent === '商品 岩板茶几 客厅简约 (700000000002)'), { polling: 100, timeout: 10_000 });
    await page.close();
  });

  it('keeps the last title seen: a renamed item on its edit page', async () => {
    const rename = `document.querySelector('input[name="title"]').value = '北欧实木餐桌 2026新款';`;
    const page = await sellerPage(EDIT, [rename]);
    await until(async () => (await names())['700000000001'] === '北欧实木餐桌 2026新款', 'the edit page’s title');
    await page.close();
  });

  it('reads the title once an edit form that renders late (as a React app does) shows its field', async () => {
    // The field leaves the page before our script runs and comes back 600 ms later with a title;
    // meanwhile a counter of the page rewrites its text every 50 ms (no element: nothing to scan).
    const late = `const label = document.querySelector('input[name="title"]').closest('label'); const parent = label.parentNode; label.remove();
      const counter = document.body.appendChild(document.createElement('span')); const tick = setInterval(() => (counter.textContent = String(Date.now())), 50);
      setTimeout(() => { label.querySelector('input').value = '北欧实木餐桌 晚到的标题'; parent.append(label); }, 600); setTimeout(() => clearInterval(tick), 3000);`;
    const page = await sellerPage(EDIT, [late]);
    await until(async () => (await names())['700000000001'] === '北欧实木餐桌 晚到的标题', 'the late field’s title');
    await page.close();
  });

  it('names items in the KPI badge popover on the item ranking and in the task it prefills', async () => {
    const page = await sellerPage(RANK);
    await waitForBadges(page, 15);
    // The ranking shows the old title again: last seen wins.
    await until(async () => (await names())['700000000001'] === '北欧实木餐桌 家用小户型', 'the ranking’s titles');
    await page.click('zhanggui-kpi-badge >>> button[data-metric="payAmt"][data-item-id="700000000002"]');
    const frame = await kpiFrame(page);
    await frame.waitForFunction(() => document.body.innerText.includes('创建任务'), { polling: 100, timeout: 10_000 });
    expect(await frame.$eval('.scope', (e) => e.textContent)).toBe('商品 岩板茶几 客厅简约 (700000000002)');
    expect(await frame.$eval('.create-task input[name="title"]', (e) => (e as HTMLInputElement).value)).toMatch(/^跟进支付金额（商品 岩板茶几 客厅简约 \(700000000002\)）：¥31,980\.5/);
    await page.close();
  });

  it('names items on the dashboard’s leaderboard and item filter', async () => {
    const dash = await browser.newPage();
    dash.on('pageerror', (e) => problems.push(`pageerror: ${(e as Error).message}`));
    await dash.goto(`chrome-extension://${extensionId}/dashboard.html`);
    await dash.waitForSelector('table.leaders tbody tr', { timeout: 10_000 });
    const rows = await dash.$$eval('table.leaders tbody tr', (trs) => trs.map((tr) => tr.querySelector('.item-name')?.textContent));
    expect(rows).toContain('北欧实木餐桌 家用小户型 (700000000001)');
    expect(rows).toContain('布艺沙发 三人位 (700000000003)');
    const options = await dash.$$eval('select[name="item"] option', (os) => os.map((o) => o.textContent));
    expect(options).toContain('岩板茶几 客厅简约 (700000000002)');
    await dash.close();
    // Nothing was fetched for a name: the pages only loaded their own fixtures and pictures.
    expect(seen.filter((u) => !/^https:\/\/(myseller|sycm|item\.upload)\.taobao\.com\/|^https:\/\/img\.alicdn\.com\/|^chrome-extension:|^data:/.test(u))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
