import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer';
import { launchWithExtension } from '../support/browser.mjs';
import { openPanelFrame, openSellerPage } from '../support/seller-page.mjs';
import { domClick, domFill, loadSample, openSidePanel, storeRows, textOf } from '../support/extension-page.mjs';

/**
 * Collaboration on the saved seller pages, one browser: record a 主图 version
 * from the item edit page, change a SKU price there and press the page's own
 * submit button (as a user would; the saved page has no handler of its own),
 * see both in the item timeline and the audit log; a comment with an
 * @mention raises the mentioned member's inbox entry.
 */
const ITEM_EDIT = 'https://item.upload.taobao.com/sell/v2/publish.htm?itemId=700000000001';
const SELL_MANAGE = 'https://myseller.taobao.com/home.htm/SellManage/all';

let browser: Browser;
let extensionId: string;
let close: () => Promise<void>;
const problems: string[] = [];

const sellerPage = (url: string): Promise<Page> => openSellerPage(browser, url, { problems });

beforeAll(async () => {
  ({ browser, extensionId, close } = await launchWithExtension());
  const sp = await loadSample(browser, extensionId);
  await sp.close();
});
afterAll(async () => {
  await close?.();
});

describe('collaboration on the seller pages', () => {
  it('records a 主图 version and the SKU price changed at submit, on the item edit page', async () => {
    const page = await sellerPage(ITEM_EDIT);
    // One control under each filled slot (3 of 5), none for the empty ones.
    await page.waitForFunction(() => document.querySelector('zhanggui-image-versions')?.shadowRoot?.querySelectorAll('.zg-rec').length === 3, { polling: 100, timeout: 10_000 });
    // The control sits outside the slots: it covers none of the page's own boxes.
    const overlap = await page.evaluate(() => {
      const host = document.querySelector('zhanggui-image-versions')!;
      const r = host.getBoundingClientRect();
      return [...document.querySelectorAll('#sell-field-mainImagesGroup > [data-index]')].some((s) => {
        const b = s.getBoundingClientRect();
        return r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top;
      });
    });
    expect(overlap).toBe(false);
    // Each control sits right under its own slot.
    await page.waitForFunction(() => [...document.querySelector('zhanggui-image-versions')!.shadowRoot!.querySelectorAll<HTMLElement>('.zg-rec')].every((b) => b.style.visibility === 'visible'), { polling: 100 });
    const offsets = await page.evaluate(() =>
      [...document.querySelector('zhanggui-image-versions')!.shadowRoot!.querySelectorAll<HTMLElement>('.zg-rec')].map((b) => {
        const slot = document.querySelector(`#sell-field-mainImagesGroup > [data-index="${b.dataset.slot}"]`)!.getBoundingClientRect();
        const r = b.getBoundingClientRect();
        return Math.round(r.left - slot.left) + (r.top >= slot.bottom ? 0 : 1000);
      }),
    );
    expect(offsets).toEqual([0, 0, 0]);

    await page.click('zhanggui-image-versions >>> .zg-rec[data-slot="1"]');
    await page.waitForSelector('zhanggui-image-versions >>> .zg-pop input.note');
    await page.type('zhanggui-image-versions >>> .zg-pop input.note', '场景图 A');
    await page.click('zhanggui-image-versions >>> .zg-pop button.primary');
    await page.waitForFunction(() => document.querySelector('zhanggui-image-versions')?.shadowRoot?.querySelector('.zg-pop')?.textContent?.includes('已记录 v1'), { polling: 100, timeout: 10_000 });

    // The confirmation closes by itself.
    await page.waitForFunction(() => !document.querySelector('zhanggui-image-versions')?.shadowRoot?.querySelector('.zg-pop'), { polling: 100, timeout: 5_000 });

    // A person edits one SKU price in the page's own input and presses the page's own submit button.
    const price = await page.$('tr[data-sku-id="5100000000012"] input[name="price"]');
    await price!.click();
    await page.keyboard.press('End');
    for (let i = 0; i < '1499.00'.length; i++) await page.keyboard.press('Backspace');
    await price!.type('1399.00');
    expect(await price!.evaluate((el) => (el as HTMLInputElement).value)).toBe('1399.00');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[_id="button-submit"]')]);
    // The page went on with its own submit (our listener never held it up).
    expect(page.url()).toContain('price=1399.00');
    await page.close();
  });

  it('shows the stage SOP in the in-page panel’s task detail', async () => {
    const page = await sellerPage(ITEM_EDIT);
    const panel = await openPanelFrame(page);
    await panel.waitForFunction(() => [...document.querySelectorAll('.task-title')].some((b) => b.textContent?.includes('北欧餐桌主图换成场景图')), { polling: 100 });
    await panel.evaluate(() => ([...document.querySelectorAll('.task-title')].find((b) => b.textContent?.includes('北欧餐桌主图换成场景图')) as HTMLElement).click());
    await panel.waitForFunction(() => document.body.innerText.includes('主图优化 SOP：如何换主图并量化效果'), { polling: 100, timeout: 10_000 });
    await page.close();
  });

  it('shows a record control on every 商品管理 row without covering the table', async () => {
    const page = await sellerPage(SELL_MANAGE);
    await page.waitForFunction(() => document.querySelectorAll('zhanggui-image-version').length === 3, { polling: 100, timeout: 10_000 });
    expect(await page.$$eval('tr.next-table-row', (rows) => rows.length)).toBe(3);
    await page.click('zhanggui-image-version >>> .zg-rec[data-item-id="700000000002"]');
    await page.waitForSelector('zhanggui-image-version >>> .zg-pop button.primary');
    await page.click('zhanggui-image-version >>> .zg-pop button.primary');
    await page.waitForFunction(() => [...document.querySelectorAll('zhanggui-image-version')].some((h) => h.shadowRoot?.textContent?.includes('已记录 v1')), { polling: 100, timeout: 10_000 });
    await page.close();
  });

  it('puts the version (live since the submit) and the price change in the item timeline and the audit log', async () => {
    const sp = await openSidePanel(browser, extensionId, '#/item?id=700000000001');
    await sp.waitForFunction(() => document.body.innerText.includes('改价'), { polling: 100, timeout: 10_000 });
    const text = await textOf(sp);
    expect(text).toContain('主图2 v1 上线 live');
    expect(text).toContain('场景图 A');
    expect(text).toContain('改价 原木色 1.4米: ¥1499.00 → ¥1399.00');
    expect(await sp.$('canvas[data-chart="item-timeline"]')).not.toBeNull();
    // Before/after for the image change: no KPIs were captured, so it says so instead of guessing.
    await domClick(sp, '.changes li[data-change="image"] button');
    await sp.waitForFunction(() => document.querySelector('table.ba'), { polling: 100 });
    expect(await sp.$$eval('table.ba tr[data-metric]', (rows) => rows.map((r) => r.textContent))).toEqual(expect.arrayContaining([expect.stringContaining('数据不足')]));
    // Only the version recorded from the edit page is for this item; the saved price row names its SKU.
    const prices = await storeRows<{ itemId: string; skuId: string; oldPrice: number; newPrice: number }>(sp, 'priceChanges');
    expect(prices.map((p) => [p.itemId, p.skuId, p.oldPrice, p.newPrice])).toEqual([['700000000001', '5100000000012', 1499, 1399]]);

    await sp.evaluate(() => (location.hash = '#/activity'));
    await sp.waitForFunction(() => document.body.innerText.includes('审计日志'), { polling: 100 });
    // The item is named from the catalog once the edit page showed its title: "改价 商品 <title> (700000000001)".
    await sp.waitForFunction(() => /改价 商品 (.+ \()?700000000001/.test(document.body.innerText), { polling: 100, timeout: 10_000 });
    expect(await textOf(sp)).toContain('主图2 版本 v1');
    await domFill(sp, 'select[name="kind"]', 'price');
    await sp.waitForFunction(() => [...document.querySelectorAll('.audit li')].every((li) => li.getAttribute('data-kind') === 'price'), { polling: 100 });
    expect(await sp.$$eval('.audit li', (lis) => lis.length)).toBe(1);
    await sp.close();
  });

  it('a comment with an @mention raises the mentioned member’s inbox entry; links are links and markup is text', async () => {
    const sp = await openSidePanel(browser, extensionId, '#/item?id=700000000001');
    await domClick(sp, '.changes a', '北欧餐桌主图换成场景图');
    await sp.waitForFunction(() => document.querySelector('textarea[name="comment"]'), { polling: 100 });
    expect(await textOf(sp)).toContain('主图优化 SOP'); // the stage's SOP beside the task
    await domFill(sp, 'textarea[name="comment"]', '@小美 新主图已记录，见 https://example.com/sop <img src=x onerror=alert(1)>');
    await domClick(sp, 'button', '发表评论');
    await sp.waitForFunction(() => document.querySelector('.comments li .body'), { polling: 100, timeout: 10_000 });
    expect(await sp.$$eval('.comments a', (as) => as.map((a) => (a as HTMLAnchorElement).href))).toEqual(['https://example.com/sop']);
    expect(await sp.$$eval('.comments img', (i) => i.length)).toBe(0);
    expect(await sp.$eval('.comments .body', (b) => b.textContent)).toContain('<img src=x onerror=alert(1)>');

    const members = await storeRows<{ id: string; name: string }>(sp, 'members');
    const xiaomei = members.find((m) => m.name === '小美')!.id;
    const alerts = await storeRows<{ kind: string; memberIds: string[]; title: string }>(sp, 'alerts');
    const mentions = alerts.filter((a) => a.kind === 'mention');
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({ memberIds: [xiaomei], title: expect.stringContaining('阿强 在「北欧餐桌主图换成场景图」中提到了你') });
    await sp.close();
    expect(problems).toEqual([]);
  });
});
