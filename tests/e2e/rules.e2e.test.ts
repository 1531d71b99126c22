import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer';
import { launchWithExtension } from '../support/browser.mjs';
import { domClick, domFill, loadSample, openSidePanel, storeRows, textOf } from '../support/extension-page.mjs';
import { serveSellerConsole } from '../support/seller-console.mjs';
import { openPanelFrame } from '../support/seller-page.mjs';

const ITEM = '700000000001';

let browser: Browser;
let extensionId: string;
let close: () => Promise<void>;
let sp: Page;

type Chromeish = { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }> } } };

/** Sends a protocol message from an extension page, as our own UI does. */
async function send<T>(page: Page, message: unknown): Promise<T> {
  const reply = await page.evaluate((m) => (globalThis as unknown as Chromeish).chrome.runtime.sendMessage(m), message);
  if (!reply.ok) throw new Error(`${JSON.stringify(message).slice(0, 80)} refused: ${reply.error}`);
  return reply.data as T;
}

/** Read-only look into the extension's database from its own page (what the inbox shows). */
async function countRows(page: Page, store: string, field?: string, value?: string): Promise<number> {
  return (await storeRows(page, store)).filter((r) => !field || r[field] === value).length;
}

interface Task {
  id: string;
  title: string;
  assigneeId: string | null;
  dueDate: string | null;
  metric: string | null;
  itemIds: string[];
  description: string;
}
interface State {
  tasks: Task[];
  members: Array<{ id: string; name: string }>;
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  ({ browser, extensionId, close } = await launchWithExtension());
  const first = await loadSample(browser, extensionId);
  // The first opening of the day shows the briefing: 阿强 has an overdue task in the sample.
  await first.waitForSelector('[data-testid="daily-briefing"]', { timeout: 10_000 });
  expect(await first.$eval('[data-testid="daily-briefing"]', (e) => e.textContent)).toContain('北欧餐桌 SKU 价格核对');
  await first.close();
  sp = await openSidePanel(browser, extensionId, '#/rules');
});
afterAll(async () => {
  await close?.();
});

describe('rules, commands and the briefing in the built extension', () => {
  it('does not show the briefing twice on the same day', async () => {
    await sp.waitForSelector('[data-testid="command-bar"]');
    expect(await sp.$('[data-testid="daily-briefing"]')).toBeNull();
  });

  it('fires the example rule on imported figures once: one task, one inbox alert, and evaluating again adds nothing', async () => {
    const today = await sp.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    // A monthly sales target for the item (≈ ¥1,000 a day), then 20 days of figures through the
    // real import path: ¥1,500 a day, then ¥300 on each of the last 3 days.
    await send(sp, { type: 'metrics.target.set', target: { metric: 'payAmt', itemId: ITEM, monthly: 30_000, line: null } });
    const figures = Array.from({ length: 20 }, (_, i) => ({ metric: 'payAmt', itemId: ITEM, date: addDays(today, -(i + 1)), period: 'day', value: i < 3 ? 300 : 1500, source: 'import' }));
    await send(sp, { type: 'metrics.import', figures });
    const tasksBefore = (await send<State>(sp, { type: 'workspace.get' })).tasks.length;

    // The editor starts on the example sentence; name the item and watch the preview.
    await sp.waitForSelector('[data-testid="rule-sentence"]');
    await domFill(sp, 'input[name="item-id"]', ITEM);
    expect(await sp.$eval('select[name="metric"]', (e) => (e as HTMLSelectElement).value)).toBe('payAmt');
    expect(await sp.$eval('input[name="days"]', (e) => (e as HTMLInputElement).value)).toBe('3');
    expect(await sp.$eval('input[name="threshold"]', (e) => (e as HTMLInputElement).value)).toBe('80');
    const sentence = await sp.$eval('[data-testid="rule-sentence"]', (e) => (e as HTMLElement).innerText);
    expect(sentence).toContain('当');
    expect(sentence).toContain('并创建任务');
    await sp.waitForFunction(() => document.querySelector('[data-testid="rule-preview"]')?.textContent?.includes('会在'), { polling: 100, timeout: 10_000 });
    expect(await sp.$eval('[data-testid="rule-preview"]', (e) => e.textContent)).toContain(ITEM);

    // Inline validation: a bad item id is refused before saving.
    await domFill(sp, 'input[name="item-id"]', '12ab');
    await sp.waitForFunction(() => document.querySelector('.rule-sentence .reasons')?.textContent?.includes('商品ID'), { polling: 100, timeout: 10_000 });
    expect(await sp.$eval('button[data-action="save-rule"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await domFill(sp, 'input[name="item-id"]', ITEM);
    await sp.waitForFunction(() => !(document.querySelector('button[data-action="save-rule"]') as HTMLButtonElement).disabled && document.querySelector('[data-testid="rule-preview"]'), { polling: 100, timeout: 10_000 });

    await domClick(sp, 'button[data-action="save-rule"]', '保存规则');
    await sp.waitForFunction(() => document.body.innerText.includes('新触发 1 次'), { polling: 100, timeout: 10_000 });
    await sp.waitForFunction(() => document.querySelectorAll('[data-testid="firing-log"] li').length === 1, { polling: 100, timeout: 10_000 });
    const log = await sp.$eval('[data-testid="firing-log"]', (e) => (e as HTMLElement).innerText);
    expect(log).toContain('连续3天');
    expect(log).toMatch(/实际 ¥300/);

    const state = await send<State>(sp, { type: 'workspace.get' });
    expect(state.tasks.length).toBe(tasksBefore + 1);
    const created = state.tasks.filter((t) => t.metric === 'payAmt' && t.itemIds.includes(ITEM));
    expect(created).toHaveLength(1);
    expect(created[0]!.title).toContain('调整关键词/价格');
    expect(created[0]!.assigneeId).toBe(state.members.find((m) => m.name === '阿强')!.id);
    expect(created[0]!.description).toContain('建议');
    expect(await countRows(sp, 'alerts', 'kind', 'rule')).toBe(1);
    expect(await countRows(sp, 'firings')).toBe(1);

    // Evaluating again (and another import) never repeats anything.
    await domClick(sp, 'button[data-action="evaluate"]', '立即评估');
    await sp.waitForFunction(() => document.body.innerText.includes('新触发 0 次'), { polling: 100, timeout: 10_000 });
    await send(sp, { type: 'metrics.import', figures: figures.slice(0, 3) });
    expect((await send<State>(sp, { type: 'workspace.get' })).tasks.length).toBe(tasksBefore + 1);
    expect(await countRows(sp, 'alerts', 'kind', 'rule')).toBe(1);
    expect(await countRows(sp, 'firings')).toBe(1);
    expect(await textOf(sp)).toContain('已保存的规则');
  });

  it('carries out "把主图优化分配给小美，周五前完成" only after 确认', async () => {
    const before = await send<State>(sp, { type: 'workspace.get' });
    await domFill(sp, 'input[name="command"]', '把主图优化分配给小美，周五前完成');
    await domClick(sp, '.command-bar button[type="submit"]', '执行');
    await sp.waitForSelector('.command-result [data-action="confirm-command"]');
    const shown = await sp.$eval('.command-result', (e) => (e as HTMLElement).innerText);
    expect(shown).toContain('小美');
    // Nothing changed yet.
    expect((await send<State>(sp, { type: 'workspace.get' })).tasks).toEqual(before.tasks);
    await domClick(sp, '.command-result [data-action="confirm-command"]', '确认');
    await sp.waitForSelector('[data-outcome="done"]');
    const after = await send<State>(sp, { type: 'workspace.get' });
    const mei = after.members.find((m) => m.name === '小美')!.id;
    const t = after.tasks.find((x) => x.title.includes('主图优化') && x.assigneeId === mei && !before.tasks.some((b) => b.id === x.id && b.assigneeId === mei && b.dueDate === x.dueDate));
    expect(t, 'a task for 小美 about 主图优化').toBeTruthy();
    expect(new Date(`${t!.dueDate}T00:00:00Z`).getUTCDay()).toBe(5); // a Friday

    // Not understood → examples, never a guess.
    await domFill(sp, 'input[name="command"]', '随便说点什么');
    await domClick(sp, '.command-bar button[type="submit"]', '执行');
    await sp.waitForSelector('[data-proposal="unrecognised"]');
    expect(await sp.$$eval('[data-proposal="unrecognised"] button', (b) => b.length)).toBeGreaterThanOrEqual(1);
    expect(await sp.$('[data-action="confirm-command"]')).toBeNull();
  });

  it('offers the same command bar in the in-page panel; nothing happens without 确认', async () => {
    const page = await browser.newPage();
    await serveSellerConsole(page);
    await page.goto('https://myseller.taobao.com/home.htm/QnworkbenchHome/', { waitUntil: 'load' });
    const frame = await openPanelFrame(page);
    await frame.waitForSelector('[data-testid="command-bar"] input[name="command"]:not([disabled])');
    const before = (await send<State>(sp, { type: 'workspace.get' })).tasks.length;
    await frame.type('input[name="command"]', '给小美建个任务：补拍主图，明天截止');
    await frame.click('[data-testid="command-bar"] button[type="submit"]');
    await frame.waitForSelector('[data-action="confirm-command"]');
    await frame.click('.command-result button:not([data-action])'); // 取消 Cancel
    await frame.waitForFunction(() => !document.querySelector('[data-action="confirm-command"]'), { polling: 100 });
    expect((await send<State>(sp, { type: 'workspace.get' })).tasks.length).toBe(before);
    await page.close();
  });

  it('shows risk cards, or the data it still needs', async () => {
    await sp.evaluate(() => (location.hash = '#/insights'));
    await sp.waitForSelector('[data-testid="risk-view"]');
    const text = await sp.$eval('[data-testid="risk-view"]', (e) => (e as HTMLElement).innerText);
    // Only item figures were imported: the shop has too few days for a forecast.
    expect(text).toContain('需要至少 14 天数据');
  });
});
