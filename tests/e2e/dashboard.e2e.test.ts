import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ElementHandle, Page } from 'puppeteer';
import { launchWithExtension } from '../support/browser.mjs';
import { domClick, domFill, loadSample, textOf } from '../support/extension-page.mjs';
import { xlsx } from '../unit/import/zip-writer';

let browser: Browser;
let extensionId: string;
let close: () => Promise<void>;
let page: Page;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'zg-dash-'));
const problems: string[] = [];

const localDay = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysAgo = (n: number): string => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return localDay(d);
};
const ITEMS = ['700000000001', '700000000002', '700000000003'];

/** 60 days of shop figures and item figures, as a Sycm-style export, plus two bad rows. */
function sycmCsv(): string {
  const lines = ['【生意参谋平台】数据导出', '统计日期,商品ID,访客数,加购人数,支付买家数,支付金额(元),支付转化率,金额退款率,成功退款金额'];
  for (let n = 60; n >= 1; n--) {
    const day = daysAgo(n);
    const uv = 1000 + ((n * 37) % 300);
    lines.push(`${day},,"${uv.toLocaleString('en-US')}",${Math.round(uv * 0.12)},${Math.round(uv * 0.03)},${(uv * 4.5).toFixed(2)},${((Math.round(uv * 0.03) / uv) * 100).toFixed(2)}%,${(2 + (n % 5) * 0.5).toFixed(2)}%,${(uv * 0.1).toFixed(2)}`);
    ITEMS.forEach((id, k) => lines.push(`${day},${id},${100 * (k + 1) + n},${10 * (k + 1)},${3 * (k + 1)},${(500 * (k + 1)).toFixed(2)},${(3 / 100).toFixed(2)}%,,`));
  }
  lines.push(`${daysAgo(3)},abc,1,1,1,1,1%,,`); // bad item ID
  lines.push('2026-02-30,,1,1,1,1,1%,,'); // no such day
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function canvasesPainted(p: Page, selector = 'canvas[data-chart]'): Promise<{ total: number; painted: number }> {
  return p.evaluate((sel) => {
    const list = [...document.querySelectorAll<HTMLCanvasElement>(sel)];
    let painted = 0;
    for (const c of list) {
      if (c.width === 0 || c.height === 0) continue;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4 * 7) if (data[i]! > 0) ink++;
      if (ink > 50) painted++;
    }
    return { total: list.length, painted };
  }, selector);
}

/** Clicks the CSV export and returns the downloaded blob's bytes (URL.createObjectURL is observed). */
async function exportCsv(p: Page): Promise<number[]> {
  await p.evaluate(() => {
    const w = window as unknown as { __blobs: Blob[] };
    w.__blobs = [];
    const orig = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => {
      if (b instanceof Blob) w.__blobs.push(b);
      return orig(b);
    };
  });
  await domClick(p, 'button', '导出 CSV');
  await p.waitForFunction(() => (window as unknown as { __blobs: Blob[] }).__blobs.length > 0, { polling: 100 });
  return p.evaluate(async () => [...new Uint8Array(await (window as unknown as { __blobs: Blob[] }).__blobs[0]!.arrayBuffer())]);
}

/** ZG_SCREENSHOTS=dir saves what each step looked like (for reviewing the layout). */
async function shot(p: Page, name: string): Promise<void> {
  if (process.env.ZG_SCREENSHOTS) await p.screenshot({ path: path.join(process.env.ZG_SCREENSHOTS, `dashboard-${name}.png`), fullPage: true });
}

async function send<T>(p: Page, msg: unknown): Promise<T> {
  const reply = (await p.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage: (x: unknown) => Promise<unknown> } } }).chrome.runtime.sendMessage(m), msg as never)) as { ok: boolean; data: T; error?: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

let beforeSetup = '';

beforeAll(async () => {
  ({ browser, extensionId, close } = await launchWithExtension());
  // Before the shop is set up the dashboard says so and links to the setup.
  const early = await browser.newPage();
  await early.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await early.waitForSelector('[role=alert] a[href="/sidepanel.html#/setup"]', { timeout: 10_000 });
  beforeSetup = await textOf(early);
  await early.close();
  const sp = await loadSample(browser, extensionId);
  // The side panel links to the dashboard.
  expect(await sp.$eval('a.dash-link', (a) => (a as HTMLAnchorElement).href)).toBe(`chrome-extension://${extensionId}/dashboard.html`);
  await sp.close();
  page = await browser.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${(e as Error).message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await page.bringToFront();
});
afterAll(async () => {
  await close?.();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the data dashboard', () => {
  it('asks for the shop setup first, then says what to do when there are no figures yet', async () => {
    expect(beforeSetup).toContain('去完成店铺设置');
    await page.waitForSelector('[data-empty]');
    const text = await textOf(page);
    expect(text).toContain('还没有数据');
    expect(text).toContain('生意参谋首页');
    expect(text).toContain('导入生意参谋导出的 CSV / Excel 文件');
  });

  it('imports a Sycm CSV through the page: bad rows reported with their row numbers, good rows stored', async () => {
    await page.evaluate(() => (location.hash = '#/import'));
    const file = path.join(tmp, '生意参谋导出.csv');
    writeFileSync(file, sycmCsv());
    const input = (await page.waitForSelector('input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await page.waitForSelector('[data-preview]');
    await shot(page, 'import');
    expect(await page.$eval('[data-good-rows]', (e) => e.getAttribute('data-good-rows'))).toBe('240');
    expect(await page.$eval('[data-bad-rows]', (e) => e.getAttribute('data-bad-rows'))).toBe('2');
    const text = await textOf(page);
    expect(text).toContain('第 243 行');
    expect(text).toContain('商品ID“abc”不是数字');
    expect(text).toContain('第 244 行');
    await domClick(page, 'button.primary', '导入 240 行');
    await page.waitForSelector('[data-import-result]', { timeout: 20_000 });
    // 60 shop rows × 7 figures + 180 item rows × 5 figures (empty refund cells are left out, not stored as 0).
    expect(await page.$eval('[data-import-result]', (e) => e.getAttribute('data-import-result'))).toBe(String(60 * 7 + 180 * 5));
  });

  it('imports an .xlsx export in the browser (DecompressionStream), the same validation', async () => {
    const file = path.join(tmp, '店铺概况.xlsx');
    writeFileSync(file, xlsx([['【生意参谋平台】店铺概况'], ['统计日期', '浏览量', '平均停留时长'], [daysAgo(2), 5200, 41.5], [daysAgo(1), 'x', 40]]));
    const input = (await page.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await page.waitForFunction(() => document.querySelector('[data-good-rows]')?.getAttribute('data-good-rows') === '1', { polling: 100 });
    expect(await textOf(page)).toContain('浏览量“x”不是有效数字');
    await domClick(page, 'button.primary', '导入 1 行');
    await page.waitForFunction(() => document.querySelector('[data-import-result]')?.getAttribute('data-import-result') === '2', { polling: 100 });
  });

  it('renders the reports with real charts on canvas', async () => {
    await page.evaluate(() => (location.hash = '#/reports'));
    await page.waitForSelector('[data-report="weekly"]');
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart]').length >= 5, { polling: 100 });
    await page.waitForFunction(() => [...document.querySelectorAll('canvas[data-chart]')].every((c) => (c as HTMLCanvasElement).width > 0), { polling: 100 });
    const c = await canvasesPainted(page);
    expect(c.total).toBe(5); // trend comparison, range trend, funnel, refund watch, leaderboard
    expect(c.painted).toBe(c.total);
    await shot(page, 'reports');
    const text = await textOf(page);
    expect(text).toContain('日报 Daily report');
    expect(text).toContain('周报 Weekly report');
    expect(text).toContain('商品排行');
    expect(await page.$$eval('table.leaders tbody tr', (rows) => rows.map((r) => r.getAttribute('data-item')))).toEqual(['700000000003', '700000000002', '700000000001']);
    // The daily report has money figures for an operator.
    expect(await page.$$eval('[data-report="daily"] tr[data-metric]', (rows) => rows.map((r) => r.getAttribute('data-metric')))).toContain('payAmt');
  });

  it('filters by item', async () => {
    await domFill(page, 'select[name=item]', '700000000002');
    await page.waitForFunction(() => !document.body.innerText.includes('商品排行 Item leaderboard'), { polling: 100 });
    const uv = await page.$eval('[data-report="daily"] tr[data-metric="uv"] td.num', (e) => e.textContent);
    expect(uv).toBe('201'); // 100 × 2 + 1 day ago
    await domFill(page, 'select[name=item]', '');
  });

  it('exports a CSV that Excel opens: BOM, CRLF, quoted fields, Chinese headers', async () => {
    const bytes = await exportCsv(page);
    expect(bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(new Uint8Array(bytes));
    // 商品名称 (the item catalog's title, empty while unknown) follows 商品ID; the importer ignores it.
    expect(text.split('\r\n')[0]).toContain('"统计日期","商品ID","商品名称","支付金额","访客数"');
    expect(text).toContain(`"${daysAgo(1)}","700000000003"`);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('composes a custom board with a formula and shows it against its lines', async () => {
    await page.evaluate(() => (location.hash = '#/boards'));
    await domClick(page, 'button', '新建看板');
    await domFill(page, 'input[name=boardName]', '我的转化看板');
    await domClick(page, 'button', '+ 加购率');
    await domFill(page, 'input[name=formula-1]', 'cartByrCnt / (uv - uv)');
    await page.waitForSelector('[data-formula-error]', { hidden: true });
    await domFill(page, 'input[name=formula-1]', 'constructor(1)');
    await page.waitForSelector('[data-formula-error]');
    expect(await page.$eval('[data-formula-error]', (e) => e.textContent)).toContain('unknown function');
    await domFill(page, 'input[name=formula-1]', 'cartByrCnt / uv');
    await domFill(page, 'input[name=target-1]', '15');
    await domFill(page, 'input[name=warning-1]', '10');
    await domClick(page, 'button.primary', '保存');
    await page.waitForSelector('[data-board="我的转化看板"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-board-item] canvas').length === 2, { polling: 100 });
    const rate = await page.$eval('[data-board-item="加购率"] .tile-value', (e) => e.textContent);
    expect(rate).toMatch(/^1[12]\.\d\d%$/); // about 12% of visitors add to cart
    expect(await page.$eval('[data-board-item="加购率"]', (e) => e.className)).toContain('status-ok');
    await shot(page, 'board');
    const c = await canvasesPainted(page, '[data-board-item] canvas');
    expect(c.painted).toBe(2);
  });

  it('prints the weekly report without controls', async () => {
    await page.evaluate(() => (location.hash = '#/print'));
    await page.waitForSelector('.print-view [data-report="weekly"]');
    await page.emulateMediaType('print');
    const hidden = await page.evaluate(() => [...document.querySelectorAll('button, .tabs, select')].every((e) => getComputedStyle(e).display === 'none'));
    expect(hidden).toBe(true);
    await shot(page, 'print');
    expect(await textOf(page)).toContain('周报 Weekly report');
    await page.emulateMediaType(null as never);
  });

  it('hides money figures for a role that cannot see finance, and leaves them out of the export', async () => {
    const ws = await send<{ members: { id: string; role: string }[] }>(page, { type: 'workspace.get' });
    const cs = ws.members.find((m) => m.role === 'cs')!;
    await send(page, { type: 'me.set', memberId: cs.id });
    await page.evaluate(() => (location.hash = '#/reports'));
    await page.waitForFunction(() => document.body.innerText.includes('资金类指标'), { polling: 100 });
    await page.waitForSelector('[data-report="daily"]');
    const metrics = await page.$$eval('[data-report="daily"] tr[data-metric]', (rows) => rows.map((r) => r.getAttribute('data-metric')));
    expect(metrics).not.toContain('payAmt');
    expect(metrics).not.toContain('rfdSucAmt');
    expect(metrics).toContain('payAmtRfdRate');
    // The background left them out: the page never received them.
    const data = await send<{ records: { metric: string }[]; financeHidden: boolean }>(page, { type: 'dashboard.data', from: daysAgo(30), to: daysAgo(1) });
    expect(data.financeHidden).toBe(true);
    expect(data.records.some((r) => r.metric === 'payAmt')).toBe(false);
    const text = new TextDecoder().decode(new Uint8Array(await exportCsv(page)));
    expect(text).not.toContain('支付金额');
    expect(text).toContain('访客数');
    expect(problems).toEqual([]);
  });
});
