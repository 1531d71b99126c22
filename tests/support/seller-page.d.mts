import type { Browser, Page } from 'puppeteer';
import type { serveSellerConsole } from './seller-console.mjs';
export function openSellerPage(browser: Browser, url: string, opts: { problems: string[]; consoleErrors?: boolean; serve?: Parameters<typeof serveSellerConsole>[1] }): Promise<Page>;
