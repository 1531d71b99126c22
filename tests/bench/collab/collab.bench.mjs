// The collaboration features' own cost on the host pages (image versions, price history):
//   collab.itemEdit.featureMs        on the saved item edit page: the record controls under
//                                    the 主图 slots, the SKU price reading, the page reports
//   collab.sellManage200.featureMs   on 商品管理 with 200 item rows: a control per row near
//                                    the viewport and one batched report of their pictures
// The two features are bundled alone (esbuild, the background's replies stubbed) and run
// on the saved page after load, like the feature loader does. Time = V8 sampling profiler
// (100 µs) samples in our bundle, layout and style work it forces included, median of RUNS
// loads. Both come out of the content script's 25 ms budget (tests/bench/content), so each
// has a slice of it.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from '../../support/browser.mjs';
import { serveSellerConsole } from '../../support/seller-console.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SCRIPT = '/__zg_collab_bench__.js';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const out = await build({
  entryPoints: [path.join(here, 'harness/entry.ts')],
  bundle: true,
  minify: true,
  format: 'iife',
  write: false,
  alias: { 'wxt/browser': path.join(here, 'harness/browser-stub.ts'), '@': root },
  logLevel: 'error',
});
const code = out.outputFiles[0].text;

/** Milliseconds of samples inside our bundle (or called from it). */
function ourMs(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const ours = (id) => {
    if (memo.has(id)) return memo.get(id);
    const n = byId.get(id);
    const v = !!n && (n.callFrame.url.includes(SCRIPT) || (parent.has(id) && ours(parent.get(id))));
    memo.set(id, v);
    return v;
  };
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (ours(id)) us += profile.timeDeltas[i + 1] ?? 0;
  });
  return us / 1000;
}

const CASES = [
  ['collab.itemEdit.featureMs', 'https://item.upload.taobao.com/sell/v2/publish.htm?itemId=700000000001', 0, 8, 'zhanggui-image-versions', 1],
  ['collab.sellManage200.featureMs', 'https://myseller.taobao.com/home.htm/SellManage/all', 200, 12, 'zhanggui-image-version', 5],
];

const { browser, close } = await launchWithExtension({ withExtension: false });
try {
  for (const [name, url, rows, budget, host, hosts] of CASES) {
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        if (new URL(req.url()).pathname === SCRIPT) void req.respond({ status: 200, contentType: 'text/javascript', body: code });
      });
      await serveSellerConsole(page);
      await page.goto(url, { waitUntil: 'load' });
      if (rows > 0) {
        // A long item list: the saved rows copied with their own item IDs and pictures.
        await page.evaluate((n) => {
          const body = document.querySelector('tbody');
          const proto = [...body.children];
          body.replaceChildren();
          for (let k = 0; k < n; k++) {
            const row = proto[k % proto.length].cloneNode(true);
            const id = String(710000000000 + k);
            row.setAttribute('data-item-id', id);
            row.querySelectorAll('a').forEach((a) => (a.href = a.href.replace(/\d{12}/, id)));
            row.querySelector('img').src = `https://img.alicdn.com/imgextra/i1/1/O1CN01r${k}_!!1.jpg_80x80.jpg`;
            body.append(row);
          }
        }, rows);
      }
      const cdp = await page.createCDPSession();
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await page.addScriptTag({ url: new URL(SCRIPT, url).href });
      await page.waitForFunction((h, n) => document.querySelectorAll(h).length >= n, { polling: 100, timeout: 10_000 }, host, hosts);
      await new Promise((r) => setTimeout(r, 300));
      const { profile } = await cdp.send('Profiler.stop');
      samples.push(ourMs(profile));
      await page.close();
    }
    console.log(JSON.stringify({ name, value: +median(samples).toFixed(1), unit: 'ms', budget, better: 'lower' }));
  }
} finally {
  await close();
}
