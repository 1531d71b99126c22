import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture/capture-page';
import { parseHtml } from '../../../lib/cli/parse-html';
import { loadPage, SHARED } from './helpers';

const HOME = 'https://sycm.taobao.com/portal/home.htm?activeKey=operator&dateType=day';
const OVERVIEW = 'https://sycm.taobao.com/portal/coreIndex/new/overview/v2.json?dateType=day&dateRange=2026-11-23%7C2026-11-23';
const homeHtml = readFileSync(join(SHARED, 'sycm/portal-home.html'), 'utf8');

describe('capturePage', () => {
  it('keeps the response value when the DOM rounds the same figure (one record, source response)', () => {
    const page = parseHtml(homeHtml, HOME);
    const r = capturePage({ url: HOME, document: page.document, responses: [{ url: OVERVIEW, body: '{"code":0,"data":{"seGuideUv":{"value":12634}}}' }] });
    const se = r.metrics.filter((m) => m.metric === 'seGuideUv');
    expect(se).toEqual([{ metric: 'seGuideUv', value: 12634, date: '2026-11-23', period: 'day', itemId: null, source: 'response' }]);
    expect(r.warnings).toEqual([]); // within display rounding of 1.26万
  });

  it('warns when DOM and response disagree beyond rounding, and keeps the response', () => {
    const page = parseHtml(homeHtml, HOME);
    const r = capturePage({ url: HOME, document: page.document, responses: [{ url: OVERVIEW, body: '{"code":0,"data":{"uv":{"value":30000}}}' }] });
    expect(r.metrics.find((m) => m.metric === 'uv')?.value).toBe(30000);
    expect(r.warnings.some((w) => w.includes('uv'))).toBe(true);
  });

  it('drops a figure the page shows twice with different values', () => {
    const dup = homeHtml.replace(
      '<div class="oui-card" id="flowTrend">',
      '<div class="oui-card"><div class="oui-index-cell"><div class="oui-index-cell-indexName">访客数</div><div class="oui-index-cell-indexValue">99</div></div></div><div class="oui-card" id="flowTrend">',
    );
    const r = capturePage({ url: HOME, document: parseHtml(dup, HOME).document });
    expect(r.metrics.some((m) => m.metric === 'uv')).toBe(false);
    expect(r.warnings.some((w) => w.includes('neither kept'))).toBe(true);
  });

  it('refuses figures when two different shops appear', () => {
    const pv = (id: number) => ({ url: 'https://sycm.taobao.com/custom/menu/getPersonalView.json', body: JSON.stringify({ code: 0, data: { runAsShopId: id, runAsShopTitle: 't' } }) });
    const r = capturePage({ url: HOME, document: parseHtml(homeHtml, HOME).document, responses: [pv(1), pv(2)] });
    expect(r.metrics).toEqual([]);
    expect(r.status).toBe('ok');
  });

  it('reads nothing on pages with personal data, and nothing on unknown pages', () => {
    const orders = capturePage({ url: 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold', document: parseHtml(homeHtml, HOME).document });
    expect(orders).toMatchObject({ page: 'qianniu.orders', status: 'ok', shop: null, metrics: [] });
    const other = capturePage({ url: 'https://example.com/', document: parseHtml(homeHtml, HOME).document });
    expect(other).toMatchObject({ page: null, metrics: [] });
  });

  it('never throws: a broken document becomes a warning', () => {
    const broken = {
      querySelector: () => {
        throw new Error('boom');
      },
      querySelectorAll: () => {
        throw new Error('boom');
      },
    } as unknown as Document;
    const r = capturePage({ url: HOME, document: broken });
    expect(r.metrics).toEqual([]);
    expect(r.status).toBe('paused'); // the risk check could not run: paused is the safe side
    expect(() => capturePage({ url: 'not a url', document: null, responses: [{ url: 5 as never, body: 7 as never }] })).not.toThrow();
  });

  it('dates Qianniu workbench figures by the page (today), not yesterday or the caller', () => {
    const page = loadPage(SHARED, 'qianniu/workbench-home.html', 'https://myseller.taobao.com/home.htm/QnworkbenchHome/');
    const r = capturePage({ url: 'https://myseller.taobao.com/home.htm/QnworkbenchHome/', document: page.document, today: '2026-11-30' });
    expect(new Set(r.metrics.map((m) => `${m.date}/${m.period}`))).toEqual(new Set(['2026-11-24/realtime']));
    expect(r.metrics.map((m) => m.value)).not.toContain(31220);
  });

  it('uses the caller’s today only when the workbench shows no date', () => {
    const html = readFileSync(join(SHARED, 'qianniu/workbench-home.html'), 'utf8').replace('更新时间 2026-11-24 14:35', '');
    const url = 'https://myseller.taobao.com/home.htm/QnworkbenchHome/';
    expect(capturePage({ url, document: parseHtml(html, url).document }).metrics).toEqual([]);
    const r = capturePage({ url, document: parseHtml(html, url).document, today: '2026-11-25' });
    expect(r.metrics.map((m) => m.date)).toEqual(['2026-11-25', '2026-11-25', '2026-11-25', '2026-11-25']);
  });
});
