import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer';
import { launchWithExtension } from '../support/browser.mjs';
import { domClick, domFill, loadSample, openSidePanel, textOf } from '../support/extension-page.mjs';

// Team mode in the built extension: the options page, the background (supabase-js in the
// service worker, session storage over chrome.storage.local) and the SyncBadge.
let browser: Browser;
let extensionId: string;
let close: () => Promise<void>;

const jwt = (claims: object): string => `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`;
const waitText = (page: Page, text: string): Promise<unknown> => page.waitForFunction((t) => document.body.innerText.includes(t), { polling: 100, timeout: 15_000 }, text);

beforeAll(async () => {
  ({ browser, extensionId, close } = await launchWithExtension());
  const sp = await loadSample(browser, extensionId);
  await sp.close();
});
afterAll(async () => {
  await close?.();
});

describe('team mode options page', () => {
  it('starts local-only, refuses a service-role key, connects, and disconnects without losing local data', async () => {
    const page = await browser.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await waitText(page, '本地模式 Local');
    await domFill(page, 'input[name=url]', 'https://abcd.supabase.co');
    await domFill(page, 'input[name=anonKey]', jwt({ iss: 'supabase', ref: 'abcd', role: 'service_role' }));
    await domClick(page, 'button', '连接 Connect');
    await waitText(page, 'service_role');
    expect(await textOf(page)).toContain('本地模式 Local');

    await domFill(page, 'input[name=anonKey]', jwt({ iss: 'supabase', ref: 'abcd', role: 'anon' }));
    await domClick(page, 'button', '连接 Connect');
    await waitText(page, '已连接 Connected');
    await waitText(page, '发送登录链接');
    expect(await textOf(page)).toContain('https://abcd.supabase.co');

    const side = await openSidePanel(browser, extensionId);
    await side.waitForFunction(() => document.querySelector('.sync')?.getAttribute('data-state') === 'error', { polling: 100, timeout: 15_000 });
    expect(await side.$eval('.sync', (e) => e.getAttribute('title'))).toContain('登录');

    await domClick(page, 'button', '断开');
    await waitText(page, '连接 Supabase 项目');
    await side.waitForFunction(() => document.querySelector('.sync')?.textContent?.includes('本地模式'), { polling: 100, timeout: 15_000 });
    expect(await textOf(side)).toContain('木语家居旗舰店');
    await side.close();
    await page.close();
  });
});
