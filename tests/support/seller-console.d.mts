import type { Page } from 'puppeteer';
export const FIXTURES: string;
export const HOST_SCRIPT: string;
export const BUNDLED_FIXTURES: string;
export const OWN_FIXTURES: string;
export function pageFor(url: string, opts?: { fixtures?: string; extraResponses?: Record<string, string>; demoNav?: boolean; pageScripts?: string[] }): { contentType: string; body: string | Buffer } | null;
export function serveSellerConsole(page: Page, opts?: { fixtures?: string; extraResponses?: Record<string, string>; demoNav?: boolean; pageScripts?: string[] }): Promise<void>;
