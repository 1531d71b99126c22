import type { Browser, Frame, Page } from 'puppeteer';
import type { serveSellerConsole } from './seller-console.mjs';
export function openSellerPage(browser: Browser, url: string, opts: { problems: string[]; consoleErrors?: boolean; serve?: Parameters<typeof serveSellerConsole>[1] }): Promise<Page>;
export function openPanelFrame(page: Page): Promise<Frame>;
export function panelPreviewText(page: Page, contains: string): Promise<string>;
