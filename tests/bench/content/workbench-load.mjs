// One load of the Qianniu workbench (served from the demo console) in a new tab, as the content
// benchmark and its diagnostics measure it: a fixed settle after the load event, then the page's
// TaskDuration. The hooks run with the tab open: `beforeLoad` before navigating (start a profiler),
// `beforeClose` after the settle (other measurements of the same load). `loadWorkbenchMeasured`
// also reads the CPU time the page's main thread ran (Linux /proc): TaskDuration is wall time, and
// on a busy 2-core machine it counts the time our tasks waited for a core as well.
import { existsSync } from 'node:fs';
import { serveSellerConsole } from '../../support/seller-console.mjs';
import { chromiumProcesses, threadCpuNs } from './procfs.mjs';

export const WORKBENCH = 'https://myseller.taobao.com/home.htm/QnworkbenchHome/';
/** A fixed settle time in every load: polling for our panel would itself run on the page's main thread. */
export const SETTLE_MS = 1500;

/** Main-thread task time (ms) of one workbench load, once the page and our panel have settled. */
export async function loadWorkbench(browser, beforeClose = async () => {}, beforeLoad = async () => {}) {
  const page = await browser.newPage();
  try {
    await serveSellerConsole(page);
    await page.bringToFront();
    await beforeLoad(page);
    await page.goto(WORKBENCH, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const m = await page.metrics();
    await beforeClose(page);
    return m.TaskDuration * 1000;
  } finally {
    await page.close();
  }
}

/** Page renderers now running: pid → CPU ns run by their main thread (the thread whose id is the pid). */
function renderers() {
  const out = new Map();
  for (const { pid, cmd } of chromiumProcesses()) if (cmd.includes('--type=renderer') && !cmd.includes('--extension-process')) out.set(pid, threadCpuNs(pid, pid));
  return out;
}

/**
 * One load as `loadWorkbench`, with the CPU time (ms) the page's main thread ran during it, or null
 * where there is no /proc. The page's renderer is the one that ran most during the load (often a
 * spare started before the tab opened, so not necessarily a new process); the others idle meanwhile.
 * `check` runs after both are read (anything it asks of the page is not counted).
 */
export async function loadWorkbenchMeasured(browser, check = async () => {}) {
  const procfs = existsSync('/proc/self/schedstat');
  const before = procfs ? renderers() : new Map();
  let cpu = null;
  const taskMs = await loadWorkbench(browser, async (page) => {
    if (procfs) for (const [pid, ns] of renderers()) cpu = Math.max(cpu ?? 0, (ns - (before.get(pid) ?? 0)) / 1e6);
    await check(page);
  });
  return { taskMs, cpu };
}
