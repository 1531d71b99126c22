/**
 * Where KPI badges go on the saved pages: each figure's anchor is found from the elements its
 * reader used (selector registry), in the right cell / label, and the figures keep it after the
 * DOM/response merge.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badgeAnchor } from '@/components/features/kpi-anchors';
import { captureWithOrigins } from '@/lib/capture/capture-page';
import { parseHtml } from '@/lib/cli/parse-html';
import { SHARED } from '../capture/helpers';

const page = (file: string, url: string) => parseHtml(readFileSync(join(SHARED, file), 'utf8'), url);
const text = (e: Element | null): string => (e?.textContent ?? '').trim();

describe('badge anchors on the saved pages', () => {
  it('Sycm home: the name part of each KPI cell, also for figures the response supplied', () => {
    const url = 'https://sycm.taobao.com/portal/home.htm?activeKey=operator&dateType=day';
    const { document } = page('sycm/portal-home.html', url);
    const overview = readFileSync(join(SHARED, 'sycm/responses/overview-v2.json'), 'utf8');
    const { figures } = captureWithOrigins({ url, document, responses: [{ url: 'https://sycm.taobao.com/portal/coreIndex/new/overview/v2.json?dateType=day&dateRange=2026-11-23%7C2026-11-23', body: overview }] });
    const pay = figures.find((f) => f.metric === 'payAmt')!;
    expect(pay.source).toBe('response');
    expect(text(badgeAnchor(pay))).toBe('支付金额');
    const anchored = figures.filter((f) => badgeAnchor(f) !== null);
    expect(anchored.map((f) => text(badgeAnchor(f)))).toEqual(expect.arrayContaining(['访客数', '金额退款率', '搜索引导访客数']));
    // uvAvgValue and subPayOrdSubCnt come only from the response: nowhere to put a badge.
    expect(badgeAnchor(figures.find((f) => f.metric === 'uvAvgValue')!)).toBeNull();
  });

  it('Sycm item ranking: the row’s cell in the figure’s column', () => {
    const url = 'https://sycm.taobao.com/cc/item_rank?dateType=day&dateRange=2026-11-23%7C2026-11-23';
    const { document } = page('sycm/item-rank.html', url);
    const { figures } = captureWithOrigins({ url, document });
    const cell = (metric: string, item: string) => text(badgeAnchor(figures.find((f) => f.metric === metric && f.itemId === item)!));
    expect(cell('payAmt', '700000000001')).toBe('45,210.00');
    expect(cell('itmUv', '700000000003')).toBe('1.02万');
    expect(cell('payRate', '700000000002')).toBe('1.94%');
  });

  it('Qianniu workbench: the figure’s label', () => {
    const url = 'https://myseller.taobao.com/home.htm/QnworkbenchHome/';
    const { document } = page('qianniu/workbench-home.html', url);
    const { figures } = captureWithOrigins({ url, document });
    expect(figures.map((f) => text(badgeAnchor(f))).sort()).toEqual(['支付子订单数', '支付转化率', '支付金额', '访客数']);
  });
});
