import type { Browser } from 'puppeteer';
export const FIREFOX_EXTENSION_DIR: string;
export const FIREFOX_ADDON_ID: string;
export function firefoxPath(): string;
export function launchFirefoxWithExtension(opts?: { extensionDir?: string }): Promise<{ browser: Browser; origin: string; close: () => Promise<void> }>;
