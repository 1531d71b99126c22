import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'puppeteer';
import { launchWithExtension } from '../support/browser.mjs';
import { serveSellerConsole } from '../support/seller-console.mjs';
import { openPanelFrame, openSellerPage, panelPreviewText, untilInOurFrame } from '../support/seller-page.mjs';
import { domClick, loadSample, openSidePanel, sendFrom, textOf } from '../support/extension-page.mjs';

const WORKBENCH = 'https://myseller.taobao.com/home.htm/QnworkbenchHome/';
const SELL_MANAGE = 'https://myseller.taobao.com/home.htm/SellManage/all';

let browser: Browser;
let extensionId: string;
let close: () => Promise<void>;
const problems: string[] = [];

const sellerPage = (url: string): Promise<Page> => openSellerPage(browser, url, { problems, consoleErrors: true });

/** Our frames (panel.html) inside a seller page, by view. */
/** The full panel (its frame, created when the pointer reaches the preview) once it shows `text`. */
async function panelShows(page: Page, text: string): Promise<Frame> {
  const f = await openPanelFrame(page);
  await f.waitForFunction((t) => document.body.innerText.includes(t), { polling: 100 }, text);
  return f;
}

beforeAll(async () => {
  ({ browser, extensionId, close } = await launchWithExtension());
  const sp = await loadSample(browser, extensionId);
  await sp.close();
});
afterAll(async () => {
  await close?.();
});

describe('the extension on the seller console', () => {
  it('shows the docked panel with my tasks on the workbench, and the host page keeps working', async () => {
    const page = await sellerPage(WORKBENCH);
    // First the preview, drawn by the content script: no frame until someone reaches for it.
    const preview = await panelPreviewText(page, '北欧餐桌 SKU 价格核对');
    expect(preview).toContain('木语家居旗舰店');
    expect(preview).toContain('逾期1天');
    expect(await page.$eval('zhanggui-panel', (h) => h.shadowRoot!.querySelector('li.due-overdue')?.textContent)).toContain('北欧餐桌 SKU 价格核对');
    expect(page.frames().some((f) => f.url().includes('/panel.html'))).toBe(false);
    // A write from another view shows in the preview too.
    const sp = await openSidePanel(browser, extensionId);
    const { meId } = await sendFrom<{ meId: string }>(sp, { type: 'workspace.get' });
    await sendFrom(sp, { type: 'task.create', draft: { title: '预览跟着更新 preview follows writes', projectId: null, assigneeId: meId } });
    await sp.close();
    await panelPreviewText(page, '预览跟着更新 preview follows writes');
    expect(page.frames().some((f) => f.url().includes('/panel.html'))).toBe(false);
    // The pointer over it brings the full panel, which takes the preview's place.
    const panel = await panelShows(page, '我的任务');
    const text = await panel.evaluate(() => document.body.innerText);
    expect(text).toContain('木语家居旗舰店');
    expect(text).toContain('北欧餐桌 SKU 价格核对'); // the sample's task assigned to me (阿强)
    expect(text).toContain('逾期1天');
    // Docked: the page gives the panel its width instead of being covered.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('320px');
    // The host page's own script still runs and saw no error.
    const ticks1 = await page.evaluate(() => (window as unknown as { __hostTicks: number }).__hostTicks);
    await new Promise((r) => setTimeout(r, 200));
    const host = await page.evaluate(() => ({ alive: (window as unknown as { __hostAlive: boolean }).__hostAlive, ticks: (window as unknown as { __hostTicks: number }).__hostTicks, errors: (window as unknown as { __hostErrors: string[] }).__hostErrors }));
    expect(host.alive).toBe(true);
    expect(host.ticks).toBeGreaterThan(ticks1);
    expect(host.errors).toEqual([]);
    await page.close();
  });

  it('reserves the panel’s width before the page’s first layout, and gives it back when the panel is collapsed', async () => {
    const early = await browser.newPage();
    await serveSellerConsole(early);
    await early.goto(WORKBENCH, { waitUntil: 'domcontentloaded' });
    // Docked from document_start: the page is laid out at its final width once, and does not jump later.
    expect(await early.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('320px');
    await early.close();

    const sp = await openSidePanel(browser, extensionId);
    await sp.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ 'zg:panel': { expanded: false } }));
    const page = await sellerPage(WORKBENCH);
    await page.waitForFunction(() => document.querySelector('zhanggui-panel')?.shadowRoot?.querySelector('.tab:not([hidden])'), { polling: 100, timeout: 10_000 });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('0px');
    // The tab opens it again, docked.
    await page.click('zhanggui-panel >>> .tab');
    await page.waitForFunction(() => getComputedStyle(document.documentElement).marginRight === '320px', { polling: 100, timeout: 10_000 });
    await panelPreviewText(page, '我的任务');
    await sp.close();
    await page.close();
  });

  it('quick-adds a task linked to the page; it is in the side panel and survives a reload', async () => {
    const page = await sellerPage(WORKBENCH);
    await panelPreviewText(page, '我的任务');
    // ＋ 任务 in the preview opens quick-add straight away.
    await page.click('zhanggui-panel >>> .preview header button.primary');
    // The dialog opens with its title field focused: the typing and Enter go there, as a person's would.
    await untilInOurFrame(browser, '/panel.html#/quick-add', `document.activeElement?.name === 'title'`);
    await page.keyboard.type('<img src=x onerror=alert(1)> 核对今日支付金额');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('zhanggui-quick-add'), { polling: 100 });
    // The pointer on ＋ 任务 brought the full panel; it shows the new task.
    const panel = await panelShows(page, '核对今日支付金额');
    // Markup in a title is text: no element was created from it.
    expect(await panel.$$eval('img[src="x"], img[onerror]', (i) => i.length)).toBe(0);
    // The full panel's ＋ 任务 opens the same dialog.
    await panel.click('header button.primary');
    await untilInOurFrame(browser, '/panel.html#/quick-add', `!!document.querySelector('input[name="title"]')`);

    const sp = await openSidePanel(browser, extensionId, '#/today');
    expect(await textOf(sp)).toContain('<img src=x onerror=alert(1)> 核对今日支付金额');
    await domClick(sp, '.task-list a', '核对今日支付金额');
    await sp.waitForFunction(() => document.body.innerText.includes('来源 Source'));
    const source = await sp.evaluate(() => [...document.querySelectorAll('p')].find((p) => p.textContent?.startsWith('来源 Source'))?.querySelector('a')?.href);
    expect(source).toBe(WORKBENCH);
    expect(await sp.$$eval('img[src="x"], img[onerror]', (i) => i.length)).toBe(0);
    await sp.close();

    await page.reload({ waitUntil: 'load' });
    await panelPreviewText(page, '<img src=x onerror=alert(1)> 核对今日支付金额');
    expect(await page.$eval('zhanggui-panel', (h) => h.shadowRoot!.querySelectorAll('img').length)).toBe(0);
    await page.close();
  });

  it('badges every 商品管理 row with its open-task count, and lists them on click', async () => {
    const page = await sellerPage(SELL_MANAGE);
    await page.waitForFunction(() => document.querySelectorAll('zhanggui-row-badge').length === 3);
    await page.waitForFunction(() => [...document.querySelectorAll('zhanggui-row-badge')].every((h) => h.shadowRoot?.querySelector('.badge')?.getAttribute('data-count') != null), { polling: 100 });
    const counts = await page.$$eval('zhanggui-row-badge', (hs) =>
      Object.fromEntries(hs.map((h) => { const b = h.shadowRoot!.querySelector('.badge')!; return [b.getAttribute('data-item-id'), Number(b.getAttribute('data-count'))]; })),
    );
    expect(counts).toEqual({ '700000000001': 2, '700000000002': 1, '700000000003': 1 });
    await page.click('zhanggui-row-badge >>> .badge[data-item-id="700000000001"]');
    await page.waitForFunction(() => [...document.querySelectorAll('zhanggui-row-badge')].some((h) => h.shadowRoot?.textContent?.includes('北欧餐桌主图换成场景图')));
    // The table itself is untouched apart from our hosts.
    expect(await page.$$eval('tr.next-table-row', (rows) => rows.length)).toBe(3);
    await page.close();
  });

  it('follows an SPA route change from the workbench to 商品管理', async () => {
    const page = await sellerPage(WORKBENCH);
    await panelShows(page, '我的任务');
    expect(await page.$('zhanggui-row-badge')).toBeNull();
    await page.evaluate(() => {
      const table = document.createElement('table');
      const row = table.createTBody().insertRow();
      row.className = 'next-table-row';
      const a = document.createElement('a');
      a.href = 'https://item.taobao.com/item.htm?id=700000000002';
      a.textContent = '岩板茶几';
      row.insertCell().append(a);
      document.body.append(table);
      history.pushState({}, '', '/home.htm/SellManage/all');
    });
    await page.waitForSelector('zhanggui-row-badge >>> .badge[data-count="1"]', { timeout: 10_000 });
    // The panel was re-created for the new route.
    await openPanelFrame(page);
    expect(page.frames().some((f) => f.url().includes(encodeURIComponent('/home.htm/SellManage/all')))).toBe(true);
    await page.close();
  });

  it('creates a project from a template in two clicks and shows it on the board', async () => {
    const sp = await openSidePanel(browser, extensionId, '#/projects');
    await domClick(sp, 'button.template', '新品首发');
    await domClick(sp, '.create button.primary', '创建');
    await sp.waitForFunction(() => location.hash.startsWith('#/board?project='));
    // The board renders its columns at once and fills them when the workspace refreshes after the write.
    await sp.waitForFunction(() => document.querySelectorAll('.column').length >= 6 && document.body.innerText.includes('新品主图、白底图与详情页'), { polling: 100, timeout: 10_000 });
    const text = await textOf(sp);
    expect(text).toContain('新品主图、白底图与详情页');
    expect(text).toContain('小美'); // 主图优化 went to the designer
    await sp.close();
  });

  it('logged no errors from the extension on the seller pages', () => {
    expect(problems.join('\n')).toBe('');
  });
});
