// Content-script cost on the host page (issue 2 benchmarks):
//   content.bundleKbGz           gzip size of each content script
//   content.qianniu.mainThreadMs main-thread time our content script adds on the
//                                Qianniu workbench: median over 10 loads with the
//                                extension minus median over 10 loads without it,
//                                the two kinds of load alternating.
// Main-thread time is CDP's Performance.getMetrics TaskDuration (all tasks on the
// renderer main thread, our isolated world included), read after the page and
// our panel have settled. ZG_EXT_DIR=/path/to/chrome-mv3 measures another build (an A/B).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, launchWithExtension } from '../../support/browser.mjs';
import { loadSample } from '../../support/extension-page.mjs';
import { loadWorkbench } from './workbench-load.mjs';

const LOADS = 10;

// The content scripts WXT builds, and dock.js, which wxt.config.ts lists as one itself (DOCK_CONTENT_SCRIPT).
const scripts = [...readdirSync(path.join(EXTENSION_DIR, 'content-scripts')).filter((f) => f.endsWith('.js')).map((f) => `content-scripts/${f}`), 'dock.js'];
for (const script of scripts) {
  const file = path.basename(script);
  const kb = gzipSync(readFileSync(path.join(EXTENSION_DIR, script))).length / 1024;
  console.log(JSON.stringify({ name: 'content.bundleKbGz', value: +kb.toFixed(1), unit: 'kB', budget: 120, better: 'lower', script: file }));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One load of the workbench in a new tab; its main-thread time once the page and our panel have settled. */
const loadOnce = (browser, withExtension) =>
  loadWorkbench(browser, async (page) => {
    if (withExtension && !(await page.$('zhanggui-panel'))) throw new Error('the task panel did not appear');
  });

// Both browsers are open for the whole run and their loads alternate (without, with, without, …):
// a shared machine's load drifts over a minute, and alternating gives both sides the same drift.
const plain = await launchWithExtension({ withExtension: false });
const ours = await launchWithExtension({ withExtension: true, extensionDir: process.env.ZG_EXT_DIR || undefined });
const samples = { without: [], with: [] };
try {
  await (await loadSample(ours.browser, ours.extensionId)).close();
  for (let i = 0; i < LOADS; i++) {
    samples.without.push(await loadOnce(plain.browser, false));
    samples.with.push(await loadOnce(ours.browser, true));
  }
} finally {
  await plain.close();
  await ours.close();
}
const without = median(samples.without);
const withExt = median(samples.with);
console.log(JSON.stringify({ name: 'content.qianniu.mainThreadMs', value: +(withExt - without).toFixed(1), unit: 'ms', budget: 25, better: 'lower', baseline: +without.toFixed(1) }));
