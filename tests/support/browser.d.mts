import type { Browser } from 'puppeteer';
export const EXTENSION_DIR: string;
export function chromiumPath(): string;
export function launchWithExtension(opts?: { headless?: boolean; extensionDir?: string; withExtension?: boolean; args?: string[] }): Promise<{ browser: Browser; extensionId: string; close: () => Promise<void> }>;
