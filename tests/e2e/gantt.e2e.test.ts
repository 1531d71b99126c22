import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer';
import { launchWithExtension } from '../support/browser.mjs';
import { domClick, domFill, loadSample, openSidePanel, textOf } from '../support/extension-page.mjs';

interface TaskRow {
  id: string;
  title: string;
  projectId: string | null;
  startDate: string | null;
  dueDate: string | null;
  dependsOn: string[];
}
interface State {
  tasks: TaskRow[];
  projects: { id: string; name: string }[];
}

let browser: Browser;
let extensionId: string;
let close: () => Promise<void>;
let page: Page;
const problems: string[] = [];
const downloads = mkdtempSync(path.join(os.tmpdir(), 'zg-gantt-dl-'));

/** The workspace as the background stores it (the same message the views use). */
async function stored(p: Page): Promise<State> {
  const reply = await p.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'workspace.get' }));
  const r = reply as { ok: boolean; data: State };
  if (!r.ok) throw new Error('workspace.get failed');
  return r.data;
}
const dates = (s: State, titles: string[]): string[] => titles.map((t) => {
  const task = s.tasks.find((x) => x.title === t);
  return `${t} ${task?.startDate}..${task?.dueDate}`;
});

/**
 * Keyboard on the chart, dispatched in the page: trusted input on a top-level extension page
 * crashes headless Chromium (see tests/support/extension-page.mjs).
 */
async function key(p: Page, k: string, shiftKey = false): Promise<void> {
  await p.evaluate(
    (kk, sh) => {
      document.querySelector('[role="listbox"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: kk, shiftKey: sh, bubbles: true, cancelable: true }));
    },
    k,
    shiftKey,
  );
  await new Promise((r) => setTimeout(r, 30));
}
const selectedRow = (p: Page): Promise<string> =>
  p.evaluate(() => {
    const id = document.querySelector('[role="listbox"]')?.getAttribute('aria-activedescendant');
    return id ? (document.getElementById(id)?.textContent ?? '') : '';
  });
async function selectTask(p: Page, title: string): Promise<void> {
  await key(p, 'Home');
  for (let i = 0; i < 40 && !(await selectedRow(p)).startsWith(`${title}，`); i++) await key(p, 'ArrowDown');
  expect(await selectedRow(p)).toContain(`${title}，小美`);
}

/**
 * Drags the selected task's bar by `days` with pointer events dispatched in the page (no trusted
 * input on extension pages). The bar is found on the canvas itself: along the selected row's
 * middle, the first run of strongly coloured pixels wider than half a day.
 */
async function dragSelectedBar(p: Page, days: number, pxPerDay = 32): Promise<void> {
  const ok = await p.evaluate(
    async (d, ppd) => {
      const list = document.querySelector('[role="listbox"]')!;
      const option = document.getElementById(list.getAttribute('aria-activedescendant') ?? '');
      const canvas = document.querySelector('.zg-gantt canvas') as HTMLCanvasElement;
      if (!option || !canvas) return 'no selection';
      const c = canvas.getBoundingClientRect();
      const y = option.getBoundingClientRect().top + 14;
      const dpr = canvas.width / c.width;
      const px = canvas.getContext('2d')!.getImageData(0, Math.round((y - c.top) * dpr), canvas.width, 1).data;
      let start = -1;
      let x = -1;
      for (let i = Math.round(200 * dpr); i < canvas.width; i++) {
        const [r, g, b] = [px[i * 4]!, px[i * 4 + 1]!, px[i * 4 + 2]!];
        const strong = Math.max(r, g, b) - Math.min(r, g, b) > 80;
        if (strong && start < 0) start = i;
        if (!strong && start >= 0) {
          if (i - start > (ppd / 2) * dpr) {
            x = c.left + (start + i) / 2 / dpr;
            break;
          }
          start = -1;
        }
      }
      if (x < 0) return 'no bar on the selected row';
      const ev = (type: string, clientX: number): PointerEvent => new PointerEvent(type, { clientX, clientY: y, button: 0, buttons: 1, pointerId: 1, isPrimary: true, bubbles: true, cancelable: true });
      canvas.dispatchEvent(ev('pointerdown', x));
      for (let k = 1; k <= 4; k++) {
        window.dispatchEvent(ev('pointermove', x + (k / 4) * d * ppd));
        await new Promise((r) => requestAnimationFrame(r));
      }
      window.dispatchEvent(ev('pointerup', x + d * ppd));
      return 'ok';
    },
    days,
    pxPerDay,
  );
  expect(ok).toBe('ok');
}

const CHAIN = ['预热主图', '预热会场页面搭建', '正式与返场页面更新'];

beforeAll(async () => {
  ({ browser, extensionId, close } = await launchWithExtension());
  await (await loadSample(browser, extensionId)).close();
  const cdp = await browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  page = await browser.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${(e as Error).message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await page.goto(`chrome-extension://${extensionId}/gantt.html`);
  await page.bringToFront();
});
afterAll(async () => {
  await close?.();
  rmSync(downloads, { recursive: true, force: true });
});

describe('the Gantt page', () => {
  it("renders the demo project's rows on the canvas with the critical path and the bottleneck list", async () => {
    const s = await stored(page);
    const project = s.projects.find((p) => p.name === '双12大促（示例）')!;
    await domFill(page, 'select[name="project"]', project.id);
    await page.waitForFunction(() => location.hash.includes('project='), { polling: 100 });
    await page.waitForFunction(() => document.querySelectorAll('[role="option"]').length >= 10, { polling: 100, timeout: 10_000 });
    const canvas = await page.$eval('.zg-gantt canvas', (c) => ({ w: (c as HTMLCanvasElement).width, h: (c as HTMLCanvasElement).height }));
    expect(canvas.w).toBeGreaterThan(300);
    expect(canvas.h).toBeGreaterThan(200);
    const rows = await page.$$eval('[role="option"]', (os) => os.map((o) => o.textContent ?? ''));
    // Only this project's tasks, each row named for screen readers.
    expect(rows.some((r) => r.startsWith('预热主图，小美') && r.includes('关键路径 critical path'))).toBe(true);
    expect(rows.some((r) => r.startsWith('大促数据复盘'))).toBe(true);
    expect(rows.some((r) => r.startsWith('北欧餐桌 SKU 价格核对'))).toBe(false);
    const expectedRows = s.tasks.filter((t) => t.projectId === project.id && t.startDate).length;
    expect(await page.$eval('[role="option"]', (o) => Number(o.getAttribute('aria-setsize')))).toBe(expectedRows);

    // The bottleneck list names the overloaded person, and her heat row is over the limit.
    const panel = await page.$eval('aside.zg-bottlenecks', (a) => (a as HTMLElement).innerText);
    expect(panel).toMatch(/小美 .{2,6}有 4 个任务到期，其中 3 个在关键路径上/);
    expect(await page.$('aside.zg-bottlenecks tr.over[data-member="小美"] td.over')).not.toBeNull();
  });

  it('cancelling a move applies nothing', async () => {
    const before = dates(await stored(page), CHAIN);
    await selectTask(page, '预热主图');
    await key(page, 'ArrowRight', true);
    await page.waitForSelector('[role="dialog"]');
    const dialog = await page.$eval('[role="dialog"]', (d) => (d as HTMLElement).innerText);
    expect(dialog).toContain('移动「预热主图」');
    expect(dialog).toContain('将顺延 2 个后续任务');
    expect(dialog).toContain('「预热会场页面搭建」');
    await domClick(page, '[data-action="cancel-move"]');
    await page.waitForFunction(() => !document.querySelector('[role="dialog"]'), { polling: 100 });
    expect(await textOf(page)).toContain('未做任何修改');
    await new Promise((r) => setTimeout(r, 300));
    expect(dates(await stored(page), CHAIN)).toEqual(before);
  });

  it('a dragged bar, once confirmed, saves the task and pushes its dependents', async () => {
    const s0 = await stored(page);
    const before = CHAIN.map((t) => s0.tasks.find((x) => x.title === t)!);
    await selectTask(page, '预热主图');
    await dragSelectedBar(page, 1);
    await page.waitForSelector('[role="dialog"]');
    expect(await page.$eval('[role="dialog"]', (d) => (d as HTMLElement).innerText)).toContain('（推后 1 天），将顺延 2 个后续任务');
    await domClick(page, '[data-action="confirm-move"]');
    await page.waitForFunction(() => !document.querySelector('[role="dialog"]') && document.body.innerText.includes('已保存'), { polling: 100 });
    const plusOne = (iso: string | null): string => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 50; i++) {
      const s = await stored(page);
      if (s.tasks.find((t) => t.id === before[0]!.id)?.startDate === plusOne(before[0]!.startDate)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const after = (await stored(page)).tasks;
    for (const b of before) {
      const a = after.find((t) => t.id === b.id)!;
      expect([a.title, a.startDate, a.dueDate]).toEqual([b.title, plusOne(b.startDate), plusOne(b.dueDate)]);
    }
    // The chart shows the saved dates.
    await page.waitForFunction((d) => [...document.querySelectorAll('[role="option"]')].some((o) => o.textContent?.startsWith('预热主图') && o.textContent.includes(d)), { polling: 100 }, plusOne(before[0]!.startDate));
  });

  it('exports the chart as a PNG', async () => {
    await domClick(page, 'button', '导出 PNG');
    let file: string | undefined;
    for (let i = 0; i < 50 && !file; i++) {
      file = readdirSync(downloads).find((f) => f.endsWith('.png'));
      if (!file) await new Promise((r) => setTimeout(r, 100));
    }
    expect(file).toMatch(/^gantt-\d{4}-\d{2}-\d{2}\.png$/);
    const bytes = readFileSync(path.join(downloads, file!));
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(2000);
  });

  it('is a side panel tab too, and the task editor refuses a dependency cycle before submit', async () => {
    const sp = await openSidePanel(browser, extensionId, '#/gantt');
    await sp.waitForSelector('.zg-gantt canvas');
    expect(await sp.$eval('[data-action="open-gantt-page"]', (a) => (a as HTMLAnchorElement).href)).toContain(`chrome-extension://${extensionId}/gantt.html#`);
    const s = await stored(sp);
    const hero = s.tasks.find((t) => t.title === '预热主图')!;
    const venue = s.tasks.find((t) => t.title === '预热会场页面搭建')!;
    await sp.evaluate((id) => (location.hash = `#/task?id=${id}`), hero.id);
    await sp.waitForSelector('select[name="dependsOn"]');
    await domFill(sp, 'select[name="dependsOn"]', venue.id);
    await sp.waitForFunction(() => document.querySelector('[data-field="dependsOn"]')?.textContent?.includes('依赖关系成环'), { polling: 100 });
    await domClick(sp, 'button[type="submit"]');
    await new Promise((r) => setTimeout(r, 300));
    expect((await stored(sp)).tasks.find((t) => t.id === hero.id)?.dependsOn).toEqual([]);
    await sp.close();
  });

  it('logged no errors', () => {
    expect(problems.join('\n')).toBe('');
  });
});
