// Serves the saved seller-console pages at their real URLs through puppeteer's
// request interception, so the content scripts see the real hosts and paths.
// Nothing leaves the machine: every other request is answered locally or aborted.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The shared saved pages when present (CI, tests), else the copies bundled with the demo. */
export const SHARED_FIXTURES = path.resolve(here, '../../../shared/fixtures/taobao');
export const BUNDLED_FIXTURES = path.resolve(here, '../demo/console');
export const FIXTURES = existsSync(SHARED_FIXTURES) ? SHARED_FIXTURES : BUNDLED_FIXTURES;
/** Our own synthetic pages of views nobody has shared a saved copy of (tests/fixtures/README.md). */
export const OWN_FIXTURES = path.resolve(here, '../fixtures');

/** Route table: [host, path test, fixture file]. */
const PAGES = [
  ['myseller.taobao.com', (p) => p === '/home.htm' || p.startsWith('/home.htm/QnworkbenchHome'), 'qianniu/workbench-home.html'],
  ['qn.taobao.com', (p) => p === '/home.htm' || p.startsWith('/home.htm/QnworkbenchHome'), 'qianniu/workbench-home.html'],
  ['myseller.taobao.com', (p) => p.startsWith('/home.htm/SellManage'), 'qianniu/sell-manage.html'],
  ['item.upload.taobao.com', (p) => p.startsWith('/sell/v2/publish.htm'), 'qianniu/item-edit.html'],
  ['sell.publish.tmall.com', (p) => p.startsWith('/sell/v2/publish.htm'), 'qianniu/item-edit.html'],
  ['sycm.taobao.com', (p) => p.startsWith('/portal/home'), 'sycm/portal-home.html'],
  ['sycm.taobao.com', (p) => p.startsWith('/cc/item_rank'), 'sycm/item-rank.html'],
  // The picture space: the grid view on myseller, the list view on qn (two layouts of one page).
  ['myseller.taobao.com', (p) => p.startsWith('/home.htm/sucai-tu'), path.join(OWN_FIXTURES, 'qianniu/picture-space.html')],
  ['qn.taobao.com', (p) => p.startsWith('/home.htm/sucai-tu'), path.join(OWN_FIXTURES, 'qianniu/picture-space-list.html')],
];

const RESPONSES = [
  ['sycm.taobao.com', '/custom/menu/getPersonalView.json', 'sycm/responses/getPersonalView.json'],
  ['sycm.taobao.com', '/portal/coreIndex/new/overview/v2.json', 'sycm/responses/overview-v2.json'],
  ['sycm.taobao.com', '/cc/item/view/top.json', 'sycm/responses/item-top.json'],
];

/**
 * The host page's own script: it proves the page keeps working with us
 * present (a counter it updates, a flag, errors it records).
 */
export const HOST_SCRIPT = `<script>
  window.__hostErrors = [];
  window.addEventListener('error', (e) => window.__hostErrors.push(String(e.message)));
  window.__hostAlive = true;
  window.__hostTicks = 0;
  setInterval(() => { window.__hostTicks++; }, 50);
  document.documentElement.setAttribute('data-host-script', 'ran');
</script>`;

/** A strip of links between the demo pages (only in `npm run demo`), since the saved pages have no menu of their own. */
export const DEMO_NAV = `<div style="position:sticky;top:0;z-index:10;background:#fff7e8;border-bottom:1px solid #ffd8a8;padding:6px 10px;font:13px sans-serif">
  掌柜演示卖家后台 Demo seller console:
  <a href="https://myseller.taobao.com/home.htm/QnworkbenchHome/">千牛工作台</a> ·
  <a href="https://myseller.taobao.com/home.htm/SellManage/all">商品管理</a> ·
  <a href="https://item.upload.taobao.com/sell/v2/publish.htm?itemId=700000000001">编辑商品</a> ·
  <a href="https://myseller.taobao.com/home.htm/sucai-tu/home">图片空间</a> ·
  <a href="https://sycm.taobao.com/portal/home.htm?activeKey=operator&amp;dateType=day">生意参谋首页</a> ·
  <a href="https://sycm.taobao.com/cc/item_rank?dateType=day&amp;dateRange=2026-11-23%7C2026-11-23">商品排行</a>
</div>`;

const TRANSPARENT_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

export function pageFor(url, { fixtures = FIXTURES, extraResponses = {}, demoNav = false, pageScripts = [] } = {}) {
  const u = new URL(url);
  if (extraResponses[u.pathname]) return { contentType: 'application/json; charset=utf-8', body: extraResponses[u.pathname] };
  for (const [host, p, file] of RESPONSES) {
    if (u.hostname === host && u.pathname === p) return { contentType: 'application/json; charset=utf-8', body: readFileSync(path.join(fixtures, file), 'utf8') };
  }
  for (const [host, test, file] of PAGES) {
    if (u.hostname === host && test(u.pathname)) {
      let html = readFileSync(path.isAbsolute(file) ? file : path.join(fixtures, file), 'utf8').replace(/<head>/i, `<head>${HOST_SCRIPT}`);
      if (demoNav) html = html.replace(/<body([^>]*)>/i, `<body$1>${DEMO_NAV}`);
      // The saved pages are static; a test can make one fetch what the real page fetches (same-origin JSON).
      if (pageScripts.length) html = html.replace(/<\/body>/i, `${pageScripts.map((src) => `<script>${src}</script>`).join('')}</body>`);
      return { contentType: 'text/html; charset=utf-8', body: html };
    }
  }
  if (/\.(png|jpe?g|gif|webp|ico)(_\d+x\d+\.\w+)?$/i.test(u.pathname)) return { contentType: 'image/png', body: TRANSPARENT_PNG };
  return null;
}

/** Answers the seller hosts from fixtures; lets our extension's own URLs through; aborts anything else. */
export async function serveSellerConsole(page, opts = {}) {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isInterceptResolutionHandled()) return;
    const url = req.url();
    if (url.startsWith('chrome-extension://') || url.startsWith('moz-extension://') || url.startsWith('data:') || url.startsWith('blob:')) return void req.continue();
    const hit = pageFor(url, opts);
    if (hit) return void req.respond({ status: 200, contentType: hit.contentType, body: hit.body });
    if (/^https:\/\/[^/]*\.(taobao|tmall)\.com\//.test(url)) {
      return void req.respond({ status: 404, contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>演示页面不存在</title>${HOST_SCRIPT}<p>这个演示页面不存在 (demo page not available)</p>` });
    }
    void req.abort();
  });
}
