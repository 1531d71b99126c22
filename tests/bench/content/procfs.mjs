// The Chromium processes on this machine as /proc shows them, for the diagnostics that read CPU
// time straight from the kernel (ab.mjs, background-cost.mjs). Linux only.
import { readdirSync, readFileSync } from 'node:fs';

/** A /proc file's text, or '' when the process or thread has gone meanwhile. */
export function readProc(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Running Chromium processes: pid and command line. */
export function chromiumProcesses() {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .map((pid) => ({ pid, cmd: readProc(`/proc/${pid}/cmdline`) }))
    .filter((p) => p.cmd.includes('chrom'));
}

/** A process's thread ids (none once it has gone). */
export function threadIds(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
}

/** CPU time (ns) one thread of a process has run. */
export const threadCpuNs = (pid, tid) => Number(readProc(`/proc/${pid}/task/${tid}/schedstat`).split(' ')[0] || 0);
