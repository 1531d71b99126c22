import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonBody } from '../../../lib/capture/responses/json';
import { readResponses } from '../../../lib/capture/responses/index';
import { SHARED } from './helpers';

const body = (f: string): string => readFileSync(join(SHARED, 'sycm/responses', f), 'utf8');
const PAGE = 'https://sycm.taobao.com/portal/home.htm';
const OVERVIEW = 'https://sycm.taobao.com/portal/coreIndex/new/overview/v2.json?needCycleCrc=true&dateType=day&dateRange=2026-11-23%7C2026-11-23';
const TOP = 'https://sycm.taobao.com/cc/item/view/top.json?dateType=day&dateRange=2026-11-23%7C2026-11-23';

describe('parseJsonBody', () => {
  it('keeps item IDs beyond 2^53 exact by quoting them', () => {
    const r = parseJsonBody('{"item":{"itemId":9007199254740993123,"title":"a 12345678901234567890 b"},"n":1.5}');
    expect(r).toEqual({ ok: true, json: { item: { itemId: '9007199254740993123', title: 'a 12345678901234567890 b' }, n: 1.5 } });
  });
  it('unwraps mtop JSONP', () => {
    expect(parseJsonBody('mtopjsonp3({"ret":["SUCCESS::调用成功"]})')).toEqual({ ok: true, json: { ret: ['SUCCESS::调用成功'] } });
  });
  it.each(['', '<html>', '{"a":', 'callback('])('%j is not JSON', (t) => expect(parseJsonBody(t).ok).toBe(false));
});

describe('readResponses', () => {
  it('reads identity from getPersonalView', () => {
    const r = readResponses([{ url: 'https://sycm.taobao.com/custom/menu/getPersonalView.json?_=1', body: body('getPersonalView.json') }], PAGE);
    expect(r.identities).toEqual([{ shopId: '100000001', shopTitle: '木语家居旗舰店', loginUserName: 'muyu_home:小美' }]);
    expect(r.figures).toEqual([]);
  });

  it('reads overview v2 with rates already as fractions, dated by the request', () => {
    const r = readResponses([{ url: OVERVIEW, body: body('overview-v2.json') }], PAGE);
    expect(r.warnings).toEqual([]);
    expect(r.figures).toHaveLength(12);
    expect(r.figures.find((f) => f.metric === 'payRate')).toEqual({
      metric: 'payRate', value: 0.0321, date: '2026-11-23', period: 'day', itemId: null, source: 'response',
    });
  });

  it('reads item top rows keyed by item ID', () => {
    const r = readResponses([{ url: TOP, body: body('item-top.json') }], PAGE);
    expect(r.figures).toHaveLength(15);
    expect(new Set(r.figures.map((f) => f.itemId))).toEqual(new Set(['700000000001', '700000000002', '700000000003']));
  });

  it('reads the live ranking as real-time figures for the requested day', () => {
    const r = readResponses([{ url: TOP.replace('/item/view/', '/item/live/view/').replace('dateType=day', 'dateType=today'), body: body('item-top.json') }], PAGE);
    expect(r.figures.every((f) => f.period === 'realtime' && f.date === '2026-11-23')).toBe(true);
  });

  it('skips an encrypted data string with a warning', () => {
    const r = readResponses([{ url: TOP, body: body('encrypted.json') }, { url: OVERVIEW, body: body('encrypted.json') }], PAGE);
    expect(r.figures).toEqual([]);
    expect(r.warnings).toHaveLength(2);
  });

  it.each([
    ['an error envelope', '{"hasError":true,"content":{"code":5001,"message":"系统繁忙"}}'],
    ['a code that is not 0', '{"code":403,"message":"无权限","data":{"payAmt":{"value":1}}}'],
    ['no data', '{"code":0}'],
    ['an array data', '{"code":0,"data":[1,2]}'],
    ['HTML', '<html><body>登录</body></html>'],
  ])('skips %s with a warning', (_what, text) => {
    const r = readResponses([{ url: OVERVIEW, body: text }], PAGE);
    expect(r.figures).toEqual([]);
    expect(r.warnings.length).toBeGreaterThan(0);
  });

  it('refuses a statDate that contradicts the request, and implausible values', () => {
    const contradict = readResponses([{ url: OVERVIEW, body: '{"code":0,"data":{"statDate":"2026-11-22","payAmt":{"value":5}}}' }], PAGE);
    expect(contradict.figures).toEqual([]);
    const bad = readResponses([{ url: OVERVIEW, body: '{"code":0,"data":{"payRate":{"value":3.21},"uv":{"value":12.5},"pv":{"value":-1},"payAmt":{"value":"abc"}}}' }], PAGE);
    expect(bad.figures).toEqual([]);
    expect(bad.warnings.length).toBe(4);
  });

  it('dates a request without dateRange by its statDate', () => {
    const r = readResponses([{ url: 'https://sycm.taobao.com/portal/coreIndex/new/overview/v2.json?dateType=day', body: '{"code":0,"data":{"statDate":"2026-11-23","uv":{"value":7}}}' }], PAGE);
    expect(r.figures).toEqual([{ metric: 'uv', value: 7, date: '2026-11-23', period: 'day', itemId: null, source: 'response' }]);
  });

  it('ignores endpoints it does not know and other hosts', () => {
    const r = readResponses(
      [
        { url: 'https://sycm.taobao.com/some/other.json', body: body('overview-v2.json') },
        { url: 'https://evil.example.com/portal/coreIndex/new/overview/v2.json?dateType=day&dateRange=2026-11-23%7C2026-11-23', body: body('overview-v2.json') },
        { url: 'not a url at all ::', body: '{}' },
      ],
      PAGE,
    );
    expect(r.figures).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('reports a failed mtop call', () => {
    const r = readResponses([{ url: 'https://h5api.m.taobao.com/h5/mtop.taobao.sell.pc.manage.async/1.0/?x=1', body: '{"api":"mtop.taobao.sell.pc.manage.async","ret":["FAIL_SYS_SESSION_EXPIRED::Session过期"]}' }], PAGE);
    expect(r.warnings[0]).toContain('FAIL_SYS_SESSION_EXPIRED');
  });
});
