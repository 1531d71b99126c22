import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture/capture-page';
import { detectRisk, riskInBody, riskInUrl } from '../../../lib/capture/risk';
import { parseHtml } from '../../../lib/cli/parse-html';
import { loadPage, SHARED } from './helpers';

const HOME = 'https://sycm.taobao.com/portal/home.htm?activeKey=operator&dateType=day';
const homeHtml = readFileSync(join(SHARED, 'sycm/portal-home.html'), 'utf8');
const withInBody = (snippet: string): string => homeHtml.replace('</body>', `${snippet}</body>`);

describe('risk signals', () => {
  it('punish.json pauses capture with no figures', () => {
    const page = loadPage(SHARED, 'sycm/portal-home.html', HOME);
    const r = capturePage({
      url: HOME,
      document: page.document,
      responses: [{ url: 'https://sycm.taobao.com/portal/coreIndex/new/overview/v2.json?dateType=day', body: readFileSync(join(SHARED, 'sycm/responses/punish.json'), 'utf8') }],
    });
    expect(r.status).toBe('paused');
    expect(r.metrics).toEqual([]);
    expect(r.warnings.join(' ')).toContain('rgv587');
  });

  it.each([
    ['a baxia iframe', '<iframe id="baxia-dialog-content" src="about:blank"></iframe>'],
    ['a tmd punish frame', '<iframe src="https://sycm.taobao.com/_____tmd_____/punish?x=1"></iframe>'],
    ['a punish template frame', '<iframe src="https://bixi.alicdn.com/punish/punish:resource:template:sycm:default_0.html"></iframe>'],
    ['slider text', '<div class="dialog">请完成滑块验证</div>'],
    ['a retry-later message', '<p>系统繁忙，请稍后再试</p>'],
    ['an access-denied message', '<h1>访问被拒绝</h1>'],
  ])('%s in the DOM pauses capture', (_what, snippet) => {
    const page = parseHtml(withInBody(snippet), HOME);
    const r = capturePage({ url: HOME, document: page.document });
    expect(r.status).toBe('paused');
    expect(r.metrics).toEqual([]);
  });

  it('the same page without the signal is read (the tests above are not vacuous)', () => {
    const page = parseHtml(withInBody('<div>一切正常</div>'), HOME);
    const r = capturePage({ url: HOME, document: page.document });
    expect(r.status).toBe('ok');
    expect(r.metrics.length).toBe(12);
  });

  it('ignores challenge text that is hidden by markup, and text in scripts', () => {
    const page = parseHtml(withInBody('<template><p>请稍后再试</p></template><div hidden>请稍后再试</div><script>var t="滑块验证"</script>'), HOME);
    expect(capturePage({ url: HOME, document: page.document }).status).toBe('ok');
  });

  it.each([
    'https://sycm.taobao.com/portal/home.htm?x5sec=abc',
    'https://sec.taobao.com/query.htm',
    'https://bixi.alicdn.com/punish/punish%3Aresource%3Atemplate%3Asycm.html',
    'https://sycm.taobao.com/_____tmd_____/punish?x=1',
  ])('URL %s is a signal', (url) => expect(riskInUrl(url)).not.toBeNull());

  it.each([
    '{"ret":["RGV587_ERROR::SM::哎哟喂,被挤爆啦,请稍后重试"]}',
    '{"ret":["FAIL_SYS_USER_VALIDATE::哎哟喂"],"data":{"url":"https://h5api.m.taobao.com/x"}}',
    '{"rgv587_flag":"sm","url":"https://bixi.alicdn.com/punish/x"}',
  ])('body %s is a signal', (body) => expect(riskInBody(body)).not.toBeNull());

  it('ordinary pages, URLs and bodies are not signals', () => {
    expect(riskInUrl('https://sycm.taobao.com/portal/home.htm?dateType=day')).toBeNull();
    expect(riskInBody(readFileSync(join(SHARED, 'sycm/responses/overview-v2.json'), 'utf8'))).toBeNull();
    expect(detectRisk({ url: HOME, document: loadPage(SHARED, 'sycm/item-rank.html', HOME).document })).toEqual([]);
  });

  it('a risk URL in a response URL pauses even with an empty body', () => {
    const r = capturePage({ url: HOME, document: null, responses: [{ url: 'https://h5api.m.taobao.com/h5/x/1.0/?x5sec=1', body: '' }] });
    expect(r.status).toBe('paused');
  });
});
