import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer';
import { launchWithExtension } from '../support/browser.mjs';
import { openSellerPage } from '../support/seller-page.mjs';
import { loadSample, storeRows } from '../support/extension-page.mjs';
import { OWN_FIXTURES } from '../support/seller-console.mjs';

/**
 * Where image versions and saved prices come from, beyond the item edit page's own DOM:
 * the picture space (our saved grid and list layouts, tests/fixtures/) gets a 「记录版本」
 * control on each picture that asks for the item and slot; on the item edit page the page's
 * own save response decides the recorded price (source 'response'), once.
 */
const PICTURES_GRID = 'https://myseller.taobao.com/home.htm/sucai-tu/home';
const PICTURES_LIST = 'https://qn.taobao.com/home.htm/sucai-tu/home';
const ITEM_EDIT = 'https://item.upload.taobao.com/sell/v2/publish.htm?itemId=700000000001';

let browser: Browser;
let extensionId: string;
let close: () => Promise<void>;
/** The side panel tab the sample was loaded from; kept open to read the database (DOM only: an extension page). */
let sp: Page;
const problems: string[] = [];

interface VersionRow {
  itemId: string;
  slot: number;
  imageUrl: string;
  imageId: string | null;
  taskId: string | null;
  note: string;
  source: string;
}
const hosts = (page: Page): Promise<string[]> =>
  page.$$eval('zhanggui-picture-version', (hs) => hs.map((h) => h.shadowRoot?.querySelector<HTMLElement>('.zg-rec')?.dataset.imageId ?? ''));
const dialogText = (page: Page): Promise<string> => page.evaluate(() => document.querySelector('zhanggui-picture-record')?.shadowRoot?.querySelector('.zg-pop')?.textContent ?? '');

beforeAll(async () => {
  ({ browser, extensionId, close } = await launchWithExtension());
  sp = await loadSample(browser, extensionId);
});
afterAll(async () => {
  await close?.();
});

describe('the picture space', () => {
  it('puts a control on each picture of the grid, none on folders or unfinished cards, and records a picked item’s slot without fetching the picture', async () => {
    const page = await openSellerPage(browser, PICTURES_GRID, { problems });
    const imageRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('alicdn.com')) imageRequests.push(r.url());
    });
    await page.waitForFunction(() => document.querySelectorAll('zhanggui-picture-version').length === 4, { polling: 100, timeout: 10_000 });
    expect(await hosts(page)).toEqual(['O1CN01aa', 'O1CN01Xa9KpM1vZ3qL2wR8f', 'O1CN01mQ7rTz1vZ3qPd4Lx2', 'O1CN01Hk2sWq1vZ3qRfT0aB']);
    // Each control sits in its own picture's card.
    expect(await page.$$eval('zhanggui-picture-version', (hs) => hs.map((h) => h.closest('[role="listitem"]')?.getAttribute('data-id')))).toEqual(['31558800101', '31558800102', '31558800103', '31558800104']);
    // The page's lazy loader sets the last picture's src: it gets its control then.
    await page.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('[data-id="31558800105"] img')!;
      img.src = img.dataset.src!;
    });
    await page.waitForFunction(() => document.querySelectorAll('zhanggui-picture-version').length === 5, { polling: 100, timeout: 10_000 });

    await page.click('[data-id="31558800102"] zhanggui-picture-version >>> .zg-rec');
    await page.waitForSelector('zhanggui-picture-record >>> .zg-pop input.item');
    // The popover shows the picture from the very URL the page shows it with.
    const pageSrc = await page.$eval('[data-id="31558800102"] img', (i) => (i as HTMLImageElement).src);
    expect(await page.$eval('zhanggui-picture-record >>> .zg-pic img', (i) => (i as HTMLImageElement).src)).toBe(pageSrc);
    expect(await page.$$eval('zhanggui-picture-record >>> .zg-items button', (bs) => bs.map((b) => (b as HTMLElement).dataset.itemId))).toEqual(['700000000001', '700000000002']);
    await page.click('zhanggui-picture-record >>> .zg-items button[data-item-id="700000000002"]');
    await page.waitForFunction(() => document.querySelector('zhanggui-picture-record')?.shadowRoot?.textContent?.includes('关联任务 Task: 岩板茶几补充详情页尺寸图'), { polling: 100, timeout: 10_000 });
    await page.select('zhanggui-picture-record >>> select.slot', '1');
    await page.click('zhanggui-picture-record >>> .zg-pop button.primary');
    await page.waitForFunction(() => document.querySelector('zhanggui-picture-record')?.shadowRoot?.textContent?.includes('已记录 v1'), { polling: 100, timeout: 10_000 });

    const tasks = await storeRows<{ id: string; title: string }>(sp, 'tasks');
    const versions = await storeRows<VersionRow>(sp, 'imageVersions');
    expect(versions.map(({ itemId, slot, imageUrl, imageId, taskId, note, source }) => ({ itemId, slot, imageUrl, imageId, taskId, note, source }))).toEqual([
      {
        itemId: '700000000002',
        slot: 1,
        imageUrl: 'https://img.alicdn.com/imgextra/i3/100000001/O1CN01Xa9KpM1vZ3qL2wR8f_!!100000001.jpg',
        imageId: 'O1CN01Xa9KpM1vZ3qL2wR8f',
        taskId: tasks.find((t) => t.title === '岩板茶几补充详情页尺寸图')!.id,
        note: '餐桌-场景图A-客厅.jpg',
        source: 'pictureSpace',
      },
    ]);
    // Only the pictures the page itself shows were requested: never the full-size picture we recorded.
    const html = readFileSync(path.join(OWN_FIXTURES, 'qianniu/picture-space.html'), 'utf8');
    expect(imageRequests.length).toBeGreaterThan(0);
    for (const u of imageRequests) expect(html.includes(u.replace(/^https:/, '')), u).toBe(true);
    expect(imageRequests).not.toContain(versions[0]!.imageUrl);
    await page.close();
  });

  it('on the list layout, skips a row that shows two pictures and records a typed item ID', async () => {
    const page = await openSellerPage(browser, PICTURES_LIST, { problems });
    await page.waitForFunction(() => document.querySelectorAll('zhanggui-picture-version').length === 2, { polling: 100, timeout: 10_000 });
    expect(await hosts(page)).toEqual(['O1CN01Tr5gYh1vZ3qWbN9kQ', 'TB2sYq8XvBNTKJjSszcXXbO2VXa']);
    await page.click('zhanggui-picture-version >>> .zg-rec[data-image-id="O1CN01Tr5gYh1vZ3qWbN9kQ"]');
    await page.waitForSelector('zhanggui-picture-record >>> .zg-pop input.item');
    // No item yet: refused with a reason, nothing sent.
    await page.click('zhanggui-picture-record >>> .zg-pop button.primary');
    await page.waitForFunction(() => document.querySelector('zhanggui-picture-record')?.shadowRoot?.querySelector('.err')?.textContent?.includes('请填写商品ID'), { polling: 100, timeout: 5_000 });
    await page.type('zhanggui-picture-record >>> .zg-pop input.item', '700000000003');
    await page.waitForFunction(() => document.querySelector('zhanggui-picture-record')?.shadowRoot?.textContent?.includes('这个商品没有进行中的主图优化任务'), { polling: 100, timeout: 10_000 });
    await page.click('zhanggui-picture-record >>> .zg-pop button.primary');
    await page.waitForFunction(() => document.querySelector('zhanggui-picture-record')?.shadowRoot?.textContent?.includes('已记录 v1'), { polling: 100, timeout: 10_000 });
    expect(await dialogText(page)).toContain('茶几-场景图-北欧客厅.jpg');
    const v = (await storeRows<VersionRow>(sp, 'imageVersions')).find((r) => r.itemId === '700000000003');
    expect(v).toMatchObject({ slot: 0, imageId: 'O1CN01Tr5gYh1vZ3qWbN9kQ', taskId: null, source: 'pictureSpace' });
    await page.close();
  });

  it('shows no control when the page’s layout is not one we know', async () => {
    // The same page after a redesign renamed its card classes.
    const rename = `for (const c of document.querySelectorAll('[class*="PicCard_card_"]')) c.className = 'MaterialCard_item_9Zz1y';`;
    const page = await openSellerPage(browser, PICTURES_GRID, { problems, serve: { pageScripts: [rename] } });
    // The panel tells the content script ran; give the feature time to have found nothing.
    await page.waitForSelector('zhanggui-panel >>> .preview header');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.$$('zhanggui-picture-version')).toHaveLength(0);
    await page.close();
  });
});

describe('saved prices on the item edit page', () => {
  // The page's own requests, as a live page makes them: its SKU data at load, its save on submit.
  const sku = (skuId: number, skuPrice: string, color: string, size: string) => ({ skuId, skuPrice, skuStock: 50, props: [{ pid: 1627207, text: color }, { pid: 20509, text: size }] });
  const skus = (price12: string) => [sku(5100000000011, '1299.00', '原木色', '1.2米'), sku(5100000000012, price12, '原木色', '1.4米'), sku(5100000000013, '1599.00', '胡桃色', '1.4米')];
  const load = JSON.stringify({ success: true, models: { itemId: 700000000001, sku: { value: skus('1499.00') } } });
  const saved = JSON.stringify({
    success: true,
    models: { globalMessage: { type: 'success', msg: '宝贝编辑成功', successUrl: '//item.upload.taobao.com/sell/v2/success.htm?itemId=700000000001' }, sku: { value: skus('1399.00') } },
  });
  const pageScript = `
    fetch('/sell/v2/asyncOpt.htm?optType=skuInfo&itemId=700000000001').then((r) => r.json());
    document.querySelector('form').addEventListener('submit', (e) => {
      e.preventDefault();
      const prices = [...document.querySelectorAll('tr[data-sku-id]')].map((tr) => ({ skuId: tr.dataset.skuId, price: tr.querySelector('input[name="price"]').value }));
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/sell/v2/submit.htm');
      xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
      xhr.onload = () => { const r = JSON.parse(xhr.responseText); document.body.setAttribute('data-saved', r.models.globalMessage.msg); };
      xhr.send('jsonBody=' + encodeURIComponent(JSON.stringify({ sku: prices })));
    });`;

  it('records the price change the page’s save response shows, once, with source response', async () => {
    const page = await openSellerPage(browser, ITEM_EDIT, { problems, serve: { extraResponses: { '/sell/v2/asyncOpt.htm': load, '/sell/v2/submit.htm': saved }, pageScripts: [pageScript] } });
    const price = await page.$('tr[data-sku-id="5100000000012"] input[name="price"]');
    await price!.click({ count: 3 });
    await price!.type('1399.00');
    await page.click('button[_id="button-submit"]');
    // The page's own save went through (our listeners never held it up).
    await page.waitForFunction(() => document.body.getAttribute('data-saved') === '宝贝编辑成功', { polling: 100, timeout: 10_000 });
    expect(page.url()).toBe(ITEM_EDIT);
    type Row = { itemId: string; skuId: string; skuLabel: string; oldPrice: number; newPrice: number; source: string };
    const rows = async (): Promise<Row[]> => (await storeRows<Row>(sp, 'priceChanges')).map(({ itemId, skuId, skuLabel, oldPrice, newPrice, source }) => ({ itemId, skuId, skuLabel, oldPrice, newPrice, source }));
    const want = [{ itemId: '700000000001', skuId: '5100000000012', skuLabel: '原木色 1.4米', oldPrice: 1499, newPrice: 1399, source: 'response' }];
    // Within 3 s, page still open: the save response decided (the table would only decide after 10 s or on leaving).
    for (let i = 0; i < 30 && (await rows()).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await rows()).toEqual(want);
    // Leaving the page records nothing more: the response settled the submit, the table adds no duplicate.
    await page.close();
    await new Promise((r) => setTimeout(r, 500));
    expect(await rows()).toEqual(want);
    expect(problems).toEqual([]);
  });
});
