// A/B of content.qianniu.mainThreadMs between builds: one browser without the extension and one per
// build, their workbench loads interleaved (plain, A, B, plain, B, A, …) so the machine's drift hits
// every side alike. Besides TaskDuration (the benchmark's measure, wall time of the page's main-thread
// tasks, which on a busy 2-core machine swings with other processes) it reads the CPU time the page's
// main thread actually ran (/proc schedstat of the renderer's main thread, ns), which separates builds
// a few ms apart where TaskDuration cannot. A diagnostic, not a benchmark: not in tests/bench/run.mjs.
//   node tests/bench/content/ab.mjs /tmp/ext-a /tmp/ext-b [loads=15]
import { launchWithExtension } from '../../support/browser.mjs';
import { loadSample } from '../../support/extension-page.mjs';
import { median } from '../support.mjs';
import { loadWorkbenchMeasured as loadOnce } from './workbench-load.mjs';

const dirs = process.argv.slice(2).filter((a) => !/^\d+$/.test(a));
const LOADS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 15);

const plain = await launchWithExtension({ withExtension: false });
const builds = [];
for (const dir of dirs) {
  const b = await launchWithExtension({ withExtension: true, extensionDir: dir });
  await (await loadSample(b.browser, b.extensionId)).close();
  builds.push({ dir, ...b, samples: [] });
}
const base = [];
try {
  for (let i = 0; i < LOADS; i++) {
    base.push(await loadOnce(plain.browser));
    // Which build loads right after the plain one alternates: a load overlaps the previous tab's
    // teardown, and a fixed order gave the first build ~5 ms less in every round.
    for (const b of i % 2 ? [...builds].reverse() : builds) b.samples.push(await loadOnce(b.browser));
  }
} finally {
  await plain.close();
  for (const b of builds) await b.close();
}
const m = (xs, k) => median(xs.map((x) => x[k]));
console.log(`plain: TaskDuration ${m(base, 'taskMs').toFixed(1)} ms, main-thread CPU ${m(base, 'cpu').toFixed(1)} ms (medians of ${LOADS})`);
for (const b of builds) console.log(`${b.dir}: TaskDuration +${(m(b.samples, 'taskMs') - m(base, 'taskMs')).toFixed(1)} ms, CPU +${(m(b.samples, 'cpu') - m(base, 'cpu')).toFixed(1)} ms`);
if (builds.length === 2) {
  const [a, b] = builds.map((x) => x.samples);
  for (const k of ['taskMs', 'cpu']) console.log(`${k}: B below A in ${b.filter((s, i) => s[k] < a[i][k]).length} of ${LOADS} rounds; median B−A ${median(b.map((s, i) => s[k] - a[i][k])).toFixed(1)} ms`);
}
