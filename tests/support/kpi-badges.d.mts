import type { Frame, Page } from 'puppeteer';
export interface BadgeData {
  metric: string;
  itemId: string;
  status: string;
  change: string;
  tasks: string;
  text: string;
  label: string;
  anchorClass: string;
  anchorText: string;
}
export function readBadges(page: Page): Promise<BadgeData[]>;
export function waitForBadges(page: Page, count: number, timeout?: number): Promise<BadgeData[]>;
export function waitForBadge(page: Page, metric: string, attr: string, value: string, timeout?: number): Promise<void>;
export function kpiFrame(page: Page, timeout?: number): Promise<Frame>;
