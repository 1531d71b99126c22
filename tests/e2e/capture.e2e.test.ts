/**
 * Passive KPI capture in Chromium with the built extension: the saved Sycm pages at their real
 * URLs fetch their own JSON (as the real pages do); the MAIN-world observer forwards it, the
 * capture stores the figures, badges show status / change / open tasks, and a risk-control
 * response pauses capture with a visible notice and nothing stored after it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../support/browser.mjs';
import { loadSample } from '../support/extension-page.mjs';
import { FIXTURES } from '../support/seller-console.mjs';
import { kpiFrame } from '../support/kpi-badges.mjs';
import { openSellerPage } from '../support/seller-page.mjs';

const HOME = 'https://sycm.taobao.com/portal/home.htm?activeKey=operator&dateType=day';
const RANK = 'https://sycm.taobao.com/cc/item_rank?dateType=day&dateRange=2026-11-23%7C2026-11-23';
const OVERVIEW = '/portal/coreIndex/new/overview/v2.json?dateType=day&dateRange=2026-11-23%7C2026-11-23';

/** What the real pages fetch for themselves; the page keeps what it got so we can see it was not altered. */
const fetchScript = (...urls: string[]): string => `
  window.__fetched = {};
  ${JSON.stringify(urls)}.forEach((u) => fetch(u, { credentials: 'include' }).then((r) => r.json()).then((j) => { window.__fetched[u] = j; }).catch((e) => { window.__fetched[u] = 'error ' + e; }));`;

let browser: Browser;
let extensionId: string;
let close: () => Promise<void>;
/** An extension page: messages to the background go from here, as the side panel's do. */
let ext: Page;
const problems: string[] = [];

async function send<T = unknown>(msg: Record<string, unknown>): Promise<T> {
  const reply = (await ext.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), msg)) as { ok: boolean; data?: T; error?: string };
  if (!reply.ok) throw new Error(`${String(msg.type)}: ${reply.error}`);
  return reply.data as T;
}

const sellerPage = (url: string, serve: Parameters<typeof openSellerPage>[2]['serve'] = {}): Promise<Page> => openSellerPage(browser, url, { problems, serve });

type BadgeData = { metric: string; itemId: string; status: string; change: string; tasks: string; text: string };
const badges = (page: Page): Promise<BadgeData[]> =>
  page.$$eval('zhanggui-kpi-badge', (hs) =>
    hs.map((h) => {
      const b = h.shadowRoot!.querySelector('button')!;
      return { metric: b.dataset.metric ?? '', itemId: b.dataset.itemId ?? '', status: b.dataset.status ?? '', change: b.dataset.change ?? '', tasks: b.dataset.tasks ?? '', text: b.textContent ?? '' };
    }),
  );

beforeAll(async () => {
  ({ browser, extensionId, close } = await launchWithExtension());
  ext = await loadSample(browser, extensionId);
});
afterAll(async () => {
  await close?.();
});

describe('passive KPI capture on Sycm', () => {
  it('captures the home page from its DOM and its own responses, binds the shop and badges every KPI cell', async () => {
    // History for the 7-day average, a warning line and a task on 支付金额.
    const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];
    await send({ type: 'metrics.import', figures: days.flatMap((date) => [{ metric: 'payAmt', value: 100_000, date, period: 'day', itemId: null }, { metric: 'payAmtRfdRate', value: 0.04, date, period: 'day', itemId: null }]) });
    await send({ type: 'metrics.target.set', target: { metric: 'payAmtRfdRate', itemId: null, monthly: null, line: { direction: 'max', value: 0.05 } } });
    await send({ type: 'task.create', draft: { title: '冲刺本周支付金额', projectId: null, metric: 'payAmt' } });

    const page = await sellerPage(HOME, { pageScripts: [fetchScript('/custom/menu/getPersonalView.json', OVERVIEW)] });
    await page.waitForFunction(
      () => [...document.querySelectorAll('zhanggui-kpi-badge')].filter((h) => h.shadowRoot?.querySelector('button')?.dataset.tasks !== undefined).length >= 12,
      { polling: 100, timeout: 15_000 },
    );
    const all = await badges(page);
    const pay = all.find((b) => b.metric === 'payAmt' && b.itemId === '')!;
    // 128 456.78 against a 7-day average of 100 000: +28%; one open task on the metric.
    expect(Number(pay.change)).toBeCloseTo(0.2846, 3);
    expect(pay.text).toContain('↑28%');
    expect(pay.tasks).toBe('1');
    expect(pay.status).toBe('none');
    // 金额退款率 4.68% under a 5% line: within 10% of it.
    expect(all.find((b) => b.metric === 'payAmtRfdRate')!.status).toBe('watch');
    // The empty 跳失率 cell (--) has no figure, so no badge.
    expect(all.some((b) => b.metric === 'itemLossRate')).toBe(false);

    // The page got its own responses, unchanged, and saw no error.
    const fetched = await page.evaluate(() => (window as unknown as { __fetched: Record<string, { content?: { data?: { payAmt?: { value: number } } } }> }).__fetched);
    expect(fetched[OVERVIEW]!.content!.data!.payAmt!.value).toBe(128456.78);
    expect(await page.evaluate(() => (window as unknown as { __hostErrors: string[] }).__hostErrors)).toEqual([]);

    // Records in IndexedDB, read through the background.
    const series = await send<Array<{ value: number; source: string; provisional: boolean }>>({ type: 'metrics.series', metric: 'payAmt', itemId: null, from: '2026-11-23', to: '2026-11-23' });
    expect(series).toMatchObject([{ value: 128456.78, source: 'response', provisional: false }]);
    const search = await send<Array<{ value: number; source: string }>>({ type: 'metrics.series', metric: 'seGuideUv', itemId: null, from: '2026-11-23', to: '2026-11-23' });
    expect(search).toMatchObject([{ value: 12600, source: 'dom' }]);
    const ws = await send<{ shop: { taobaoShopId: string } }>({ type: 'workspace.get' });
    expect(ws.shop.taobaoShopId).toBe('100000001');
    // Logged in as 小美 while I am 阿强: a visible warning, figures still stored.
    await page.waitForFunction(() => document.querySelector('zhanggui-capture-warning')?.shadowRoot?.textContent?.includes('muyu_home:小美'), { polling: 100, timeout: 5000 });

    // The badge opens the KPI detail; 创建任务 creates a task on the metric.
    await page.click('zhanggui-kpi-badge >>> button[data-metric="payAmt"]');
    const frame = await kpiFrame(page);
    await frame.waitForFunction(() => document.querySelector('canvas') && document.body.innerText.includes('创建任务'), { polling: 100, timeout: 10_000 });
    expect(await frame.evaluate(() => document.body.innerText)).toContain('¥128,456.78');
    await frame.click('.create-task button[type="submit"]');
    await frame.waitForFunction(() => document.body.innerText.includes('已创建'), { polling: 100, timeout: 10_000 });
    const tasks = (await send<{ tasks: Array<{ metric: string | null; title: string }> }>({ type: 'workspace.get' })).tasks.filter((t) => t.metric === 'payAmt');
    expect(tasks.map((t) => t.title)).toContain('跟进支付金额（全店）：¥128,456.78，较7日均值↑28%');
    await page.waitForFunction(() => [...document.querySelectorAll('zhanggui-kpi-badge')].some((h) => h.shadowRoot?.querySelector('button[data-metric="payAmt"]')?.getAttribute('data-tasks') === '2'), { polling: 100, timeout: 10_000 });

    // 「今天不再提醒」: the login warning goes, and does not come back on the next load today.
    // The KPI detail is a dialog over our notices: a click beside it closes it first.
    await page.mouse.click(10, 880);
    await page.waitForFunction(() => !document.querySelector('zhanggui-kpi-frame'), { polling: 100, timeout: 5000 });
    await page.click('zhanggui-capture-warning >>> button.mute');
    await page.waitForFunction(() => !document.querySelector('zhanggui-capture-warning'), { polling: 100, timeout: 5000 });
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => Number(document.querySelector('zhanggui-kpi-status')?.getAttribute('data-stored') ?? 0) > 0 && document.querySelector('zhanggui-kpi-badge'), { polling: 100, timeout: 10_000 });
    expect(await page.$('zhanggui-capture-warning')).toBeNull();
    await page.close();
  });

  it('badges every item-ranking row cell with the item’s open tasks and stores item figures', async () => {
    const page = await sellerPage(RANK, { pageScripts: [fetchScript('/custom/menu/getPersonalView.json', '/cc/item/view/top.json?dateType=day&dateRange=2026-11-23%7C2026-11-23')] });
    await page.waitForFunction(() => [...document.querySelectorAll('zhanggui-kpi-badge')].filter((h) => h.shadowRoot?.querySelector('button')?.dataset.tasks !== undefined).length === 15, {
      polling: 100,
      timeout: 15_000,
    });
    const all = await badges(page);
    const row1 = all.filter((b) => b.itemId === '700000000001');
    expect(row1.map((b) => b.metric).sort()).toEqual(['itemCartCnt', 'itmUv', 'payAmt', 'payItmCnt', 'payRate']);
    expect(row1.every((b) => b.tasks === '2')).toBe(true); // the sample's two tasks on 北欧餐桌
    // Each badge sits in its own column's cell.
    const cellText = await page.$eval('tr[data-row-key="700000000001"]', (tr) => [...tr.querySelectorAll('td')].map((td) => td.querySelector('zhanggui-kpi-badge')?.shadowRoot?.querySelector('button')?.dataset.metric ?? ''));
    expect(cellText).toEqual(['', 'itmUv', 'payAmt', 'payRate', 'itemCartCnt', 'payItmCnt', '']);
    const rec = await send<Array<{ value: number }>>({ type: 'metrics.series', metric: 'payAmt', itemId: '700000000003', from: '2026-11-23', to: '2026-11-23' });
    expect(rec).toMatchObject([{ value: 13500 }]);
    await page.close();
  });

  it('pauses on a risk-control response: notice shown, nothing stored after it, even after the page changes', async () => {
    const punish = readFileSync(path.join(FIXTURES, 'sycm/responses/punish.json'), 'utf8');
    const changeLater = `setTimeout(() => { document.querySelector('.oui-index-cell[value="uv"] .oui-index-cell-indexValue').textContent = '99,999'; }, 1500);`;
    const page = await sellerPage(HOME, { extraResponses: { '/portal/coreIndex/new/overview/v2.json': punish }, pageScripts: [fetchScript('/custom/menu/getPersonalView.json', OVERVIEW), changeLater] });
    await page.waitForFunction(() => document.querySelector('zhanggui-risk-notice')?.shadowRoot?.textContent?.includes('掌柜已暂停读取'), { polling: 100, timeout: 10_000 });
    const pausedAt = Date.now();
    const notice = await page.$eval('zhanggui-risk-notice', (h) => h.shadowRoot!.textContent!);
    expect(notice).toContain('检测到淘宝安全验证（risk-control');
    expect(notice).toContain('刷新页面后恢复');
    await new Promise((r) => setTimeout(r, 3000)); // the page changes its KPI cell after 1.5 s
    expect(await page.$eval('.oui-index-cell[value="uv"] .oui-index-cell-indexValue', (e) => e.textContent)).toBe('99,999');
    expect(await page.$eval('zhanggui-kpi-status', (e) => (e as HTMLElement).dataset.state)).toBe('paused');
    const uv = await send<Array<{ value: number; capturedAt: number }>>({ type: 'metrics.series', metric: 'uv', itemId: null, from: '2026-11-23', to: '2026-11-23' });
    expect(uv.map((r) => r.value)).not.toContain(99999);
    const latest = await send<Record<string, { capturedAt: number }>>({ type: 'metrics.latest', itemId: null });
    expect(Math.max(...Object.values(latest).map((r) => r.capturedAt))).toBeLessThan(pausedAt);
    // An SPA route change does not resume capture; only a new page load would.
    await page.evaluate(() => history.pushState({}, '', '/cc/item_rank?dateType=day&dateRange=2026-11-23%7C2026-11-23'));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await page.$$('zhanggui-kpi-badge')).toHaveLength(0);
    await page.close();
    expect(problems).toEqual([]);
  });
});

