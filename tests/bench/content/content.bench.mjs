// Content-script cost on the host page (issue 2 benchmarks):
//   content.bundleKbGz           gzip size of each content script
//   content.qianniu.mainThreadMs main-thread time our content script adds on the
//                                Qianniu workbench: median over 10 loads with the
//                                extension minus median over 10 loads without it,
//                                the two kinds of load alternating.
// Main-thread time is CDP's Performance.getMetrics TaskDuration (all tasks on the
// renderer main thread, our isolated world included), read after the page and
// our panel have settled. Beside it, `cpuMs`/`cpuBaseline`: the same difference in the CPU time the
// page's main thread ran (Linux /proc), which leaves out the time its tasks waited for a core on a
// busy 2-core machine (there TaskDuration runs ~40% over CPU time, the page's own loads included).
// ZG_EXT_DIR=/path/to/chrome-mv3 measures another build (an A/B).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, launchWithExtension } from '../../support/browser.mjs';
import { loadSample } from '../../support/extension-page.mjs';
import { median } from '../support.mjs';
import { loadWorkbenchMeasured } from './workbench-load.mjs';

const LOADS = 10;

// The content scripts WXT builds, and dock.js, which wxt.config.ts lists as one itself (DOCK_CONTENT_SCRIPT).
const scripts = [...readdirSync(path.join(EXTENSION_DIR, 'content-scripts')).filter((f) => f.endsWith('.js')).map((f) => `content-scripts/${f}`), 'dock.js'];
for (const script of scripts) {
  const file = path.basename(script);
  const kb = gzipSync(readFileSync(path.join(EXTENSION_DIR, script))).length / 1024;
  console.log(JSON.stringify({ name: 'content.bundleKbGz', value: +kb.toFixed(1), unit: 'kB', budget: 120, better: 'lower', script: file }));
}

/** One load of the workbench in a new tab; its main-thread time once the page and our panel have settled. */
const loadOnce = (browser, withExtension) =>
  loadWorkbenchMeasured(browser, async (page) => {
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
const medianOf = (side, k) => median(samples[side].map((s) => s[k]));
const without = medianOf('without', 'taskMs');
const cpu = samples.with[0].cpu === null ? {} : { cpuMs: +(medianOf('with', 'cpu') - medianOf('without', 'cpu')).toFixed(1), cpuBaseline: +medianOf('without', 'cpu').toFixed(1) };
console.log(JSON.stringify({ name: 'content.qianniu.mainThreadMs', value: +(medianOf('with', 'taskMs') - without).toFixed(1), unit: 'ms', budget: 25, better: 'lower', baseline: +without.toFixed(1), ...cpu }));
