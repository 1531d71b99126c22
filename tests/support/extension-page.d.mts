import type { Browser, Page } from 'puppeteer';
export function domClick(page: Page, selector: string, text?: string): Promise<void>;
export function domFill(page: Page, selector: string, value: string): Promise<void>;
export function textOf(page: Page): Promise<string>;
export function openSidePanel(browser: Browser, extensionId: string, hash?: string): Promise<Page>;
export function loadSample(browser: Browser, extensionId: string): Promise<Page>;
export function storeRows<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]>;
export function sendFrom<T = unknown>(page: Page, msg: Record<string, unknown>): Promise<T>;
