// Where content.qianniu.mainThreadMs goes: a Chrome trace (devtools.timeline) of N loads of the
// Qianniu workbench, with the same 1.5 s settle as content.bench.mjs, summed per event on the
// taobao page's renderer main thread only (not the extension's process, where our panel renders).
// A diagnostic, not a benchmark: it is not in tests/bench/run.mjs and prints plain text.
//   node tests/bench/content/trace.mjs [on|off] [loads=3]     (build first: npx wxt build)
//   ZG_EXT_DIR=/path/to/chrome-mv3   another build, for an A/B against this one
//   ZG_TIMELINE=1                    also the last load's tasks over 0.4 ms, in order, with what ran in them
//   ZG_FONTS=1                       also the font families the page's renderer looked up (each a
//                                    synchronous call to the browser's font service on Linux) and the
//                                    time the main thread stood blocked on such calls
// Besides wall time it sums the main thread's CPU time of its tasks ("RunTask cpu"): on a shared
// 2-core machine TaskDuration swings with other jobs' load, the CPU time much less, so an A/B
// (ZG_EXT_DIR) is best read on that line.
import { launchWithExtension } from '../../support/browser.mjs';
import { loadSample } from '../../support/extension-page.mjs';
import { serveSellerConsole } from '../../support/seller-console.mjs';

const WORKBENCH = 'https://myseller.taobao.com/home.htm/QnworkbenchHome/';
const withExtension = process.argv[2] !== 'off';
const LOADS = Number(process.argv[3] ?? 3);
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'TimerFire']);

const label = (e) => {
  const d = e.args?.data ?? {};
  if (!SCRIPT_EVENTS.has(e.name)) return e.name;
  const url = String(d.url ?? '');
  const where = url.startsWith('chrome-extension://') ? `ours:${url.split('/').pop()}` : url ? 'page' : '?';
  return `${e.name} ${where}${d.functionName ? `:${d.functionName}` : ''}`;
};

const { browser, extensionId, close } = await launchWithExtension({ withExtension, extensionDir: process.env.ZG_EXT_DIR || undefined });
const sums = {};
try {
  if (withExtension) await (await loadSample(browser, extensionId)).close();
  for (let i = 0; i < LOADS; i++) {
    const page = await browser.newPage();
    await serveSellerConsole(page);
    await page.bringToFront();
    const fontCategories = process.env.ZG_FONTS ? ['fonts', 'base'] : [];
    await page.tracing.start({ categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', ...fontCategories] });
    await page.goto(WORKBENCH, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1500));
    const { TaskDuration } = await page.metrics();
    const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString()).traceEvents;
    // The page's renderer: the process that parsed the workbench HTML; its main thread.
    const pid = events.find((e) => e.name === 'ParseHTML' && JSON.stringify(e.args).includes('myseller'))?.pid;
    const tid = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args.name === 'CrRendererMain')?.tid;
    const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
    const add = (k, us) => (sums[k] = (sums[k] ?? 0) + us / 1000 / LOADS);
    for (const e of main) add(label(e), e.dur ?? 0);
    for (const e of main) if (e.name === 'RunTask') add('RunTask cpu (thread time)', e.tdur ?? 0);
    add('TaskDuration (Performance.getMetrics)', TaskDuration * 1e6);
    if (process.env.ZG_FONTS) {
      const families = events.filter((e) => e.pid === pid && e.name === 'FontDataManager::onMatchFamilyStyle').map((e) => JSON.stringify(e.args?.family_name ?? ''));
      console.log(`load ${i + 1}: ${families.length} font family look-ups ${families.join(' ')}`);
      for (const e of main) if (e.name === 'ScopedBlockingCallWithBaseSyncPrimitives') add('blocked on synchronous calls (fonts…)', e.dur ?? 0);
    }
    if (process.env.ZG_TIMELINE && i === LOADS - 1) {
      const t0 = main.find((e) => e.name === 'ParseHTML')?.ts ?? 0;
      for (const t of main.filter((e) => e.name === 'RunTask' && e.dur > 400).sort((a, b) => a.ts - b.ts)) {
        const inside = main.filter((e) => e !== t && e.name !== 'RunTask' && e.dur > 200 && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
        console.log(`${((t.ts - t0) / 1000).toFixed(0).padStart(6)} ms ${(t.dur / 1000).toFixed(1).padStart(6)} ms (cpu ${((t.tdur ?? 0) / 1000).toFixed(1).padStart(5)})  ${inside.map((e) => `${label(e)}=${(e.dur / 1000).toFixed(1)}`).join(' ')}`);
      }
    }
    await page.close();
  }
} finally {
  await close();
}
console.log(`mean per load over ${LOADS} loads, ${withExtension ? 'with' : 'without'} the extension (events nest: a Layout is inside its RunTask):`);
for (const [k, ms] of Object.entries(sums).sort((a, b) => b[1] - a[1])) if (ms >= 0.3) console.log(`${ms.toFixed(2).padStart(8)} ms  ${k}`);
