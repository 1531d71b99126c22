import type { Browser, Frame, Page } from 'puppeteer';
import type { serveSellerConsole } from './seller-console.mjs';
export function openSellerPage(browser: Browser, url: string, opts: { problems: string[]; consoleErrors?: boolean; serve?: Parameters<typeof serveSellerConsole>[1] }): Promise<Page>;
export function ourFrame(page: Page, urlPart: string, selector?: string, timeout?: number): Promise<Frame>;
export function untilInOurFrame(browser: Browser, urlPart: string, expression: string, timeout?: number): Promise<unknown>;
export function openPanelFrame(page: Page): Promise<Frame>;
export function panelPreviewText(page: Page, contains: string): Promise<string>;
