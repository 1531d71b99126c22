// What one Qianniu workbench load costs outside the page: CPU per Chromium process kind (/proc,
// all threads; the browser process includes the test's own request interception) and, for our
// service worker, a V8 profile summed by function (inclusive, mean ms per load). The panel's
// request and the capture's ingest are answered there; on a 2-core machine that work competes
// with the page. A diagnostic, not a benchmark: not in tests/bench/run.mjs.
//   node tests/bench/content/background-cost.mjs [loads=6]     ZG_EXT_DIR=<build> another build
//   (build without minifying to read function names: see profile.mjs)
import { launchWithExtension } from '../../support/browser.mjs';
import { loadSample } from '../../support/extension-page.mjs';
import { chromiumProcesses, threadCpuNs, threadIds } from './procfs.mjs';
import { loadWorkbench } from './workbench-load.mjs';

const LOADS = Number(process.argv[2] ?? 6);

/** pid → {kind, ns}: CPU run so far by every thread of each Chromium process. */
function processes() {
  const out = new Map();
  for (const { pid, cmd } of chromiumProcesses()) {
    const kind = (/--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser') + (cmd.includes('--extension-process') ? ' (extension)' : '');
    let ns = 0;
    for (const tid of threadIds(pid)) ns += threadCpuNs(pid, tid);
    out.set(pid, { kind, ns });
  }
  return out;
}

/** Inclusive time per function name over a CPU profile (each function counted once per stack). */
function inclusive(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = new Map();
  for (const [id, us] of self) {
    if (['(idle)', '(program)'].includes(byId.get(id).callFrame.functionName)) continue;
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const f = byId.get(x).callFrame;
      const name = `${f.functionName || '(anonymous)'}:${f.lineNumber + 1}`;
      if (!seen.has(name)) total.set(name, (total.get(name) ?? 0) + us);
      seen.add(name);
    }
  }
  return total;
}

const { browser, extensionId, close } = await launchWithExtension({ extensionDir: process.env.ZG_EXT_DIR || undefined });
const cpu = new Map();
try {
  await (await loadSample(browser, extensionId)).close();
  await loadWorkbench(browser); // the first load starts what later loads find running
  for (let i = 0; i < LOADS; i++) {
    const before = processes();
    await loadWorkbench(browser);
    for (const [pid, { kind, ns }] of processes()) cpu.set(kind, (cpu.get(kind) ?? 0) + (ns - (before.get(pid)?.ns ?? 0)) / 1e6 / LOADS);
  }
  // Then as many loads again under the profiler (which costs the worker's process CPU of its own).
  const worker = await (await browser.waitForTarget((t) => t.type() === 'service_worker')).createCDPSession();
  await worker.send('Profiler.enable');
  await worker.send('Profiler.setSamplingInterval', { interval: 100 });
  await worker.send('Profiler.start');
  for (let i = 0; i < LOADS; i++) await loadWorkbench(browser);
  const { profile } = await worker.send('Profiler.stop');
  console.log(`CPU per workbench load, mean of ${LOADS} (ms, all threads):`);
  for (const [kind, ms] of [...cpu].sort((a, b) => b[1] - a[1])) console.log(`${ms.toFixed(1).padStart(8)}  ${kind}`);
  console.log('service worker, inclusive ms per load:');
  for (const [name, us] of [...inclusive(profile)].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(us / 1000 / LOADS).toFixed(2).padStart(8)}  ${name}`);
} finally {
  await close();
}
