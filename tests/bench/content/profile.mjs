// Where our scripts' JavaScript time goes on the Qianniu workbench: a V8 CPU profile (50 µs
// sampling) of N loads, summed per call path from the first frame of one of our content scripts
// (dock.js, observer.js, qianniu.js), as an indented tree of mean ms per load. Build without
// minifying to read names (temporarily add `vite: () => ({ build: { minify: false } })` to
// wxt.config.ts). A diagnostic, not a benchmark: not in tests/bench/run.mjs.
//   node tests/bench/content/profile.mjs [loads=5] [minMs=0.2]     ZG_EXT_DIR=<build> another build
import { launchWithExtension } from '../../support/browser.mjs';
import { loadSample } from '../../support/extension-page.mjs';
import { loadWorkbench } from './workbench-load.mjs';

const LOADS = Number(process.argv[2] ?? 5);
const MIN_MS = Number(process.argv[3] ?? 0.2);
const OURS = /(qianniu|dock|observer)\.js/;
const DEPTH = Number(process.env.ZG_DEPTH ?? 6);

const frameName = (f) => `${f.functionName || '(anonymous)'}@${f.url.split('/').pop()}:${f.lineNumber + 1}`;
const paths = new Map();

const { browser, extensionId, close } = await launchWithExtension({ extensionDir: process.env.ZG_EXT_DIR || undefined });
try {
  await (await loadSample(browser, extensionId)).close();
  for (let i = 0; i < LOADS; i++) {
    let cdp;
    const start = async (page) => {
      cdp = await page.createCDPSession();
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
    };
    const stop = async () => {
      const { profile } = await cdp.send('Profiler.stop');
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      profile.samples.forEach((id, k) => {
        const us = profile.timeDeltas[k + 1] ?? 0;
        const chain = [];
        for (let c = id; c !== undefined; c = parent.get(c)) chain.unshift(frameName(byId.get(c).callFrame));
        const first = chain.findIndex((x) => OURS.test(x));
        if (first < 0) return;
        for (let d = 1; d <= DEPTH && first + d <= chain.length; d++) {
          const key = chain.slice(first, first + d).join(' > ');
          paths.set(key, (paths.get(key) ?? 0) + us / 1000 / LOADS);
        }
      });
    };
    await loadWorkbench(browser, stop, start);
  }
} finally {
  await close();
}
console.log(`mean ms per load over ${LOADS} loads, by call path from our scripts' first frame (inclusive):`);
for (const [key, ms] of [...paths].filter(([, ms]) => ms >= MIN_MS).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const parts = key.split(' > ');
  console.log(`${ms.toFixed(2).padStart(7)}  ${'  '.repeat(parts.length - 1)}${parts.at(-1)}`);
}
