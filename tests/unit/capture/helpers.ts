/** Shared by the capture tests: paths, loading saved pages, running the real command. */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtml, type ParsedPage } from '../../../lib/cli/parse-html';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SHARED = resolve(ROOT, '../shared/fixtures/taobao');
export const OWN = join(ROOT, 'tests/unit/capture-fixtures');

export interface ExpectedMetric {
  metric: string;
  value: number;
  itemId: string | null;
  date: string;
  period: string;
}
export interface Case {
  name: string;
  url: string;
  html: string;
  responses: Record<string, string>;
  expect: {
    status: 'ok' | 'paused';
    shop?: Record<string, string>;
    metrics?: ExpectedMetric[];
    warnings_nonempty?: boolean;
    metrics_same_as?: string;
  };
}

export function loadCases(dir: string): Case[] {
  return (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { cases: Case[] }).cases;
}

export function loadPage(dir: string, file: string, url: string): ParsedPage {
  return parseHtml(readFileSync(join(dir, file), 'utf8'), url);
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

/** Run the capture command exactly as `npm run capture` does (tsx lib/cli/capture.ts). */
export function runCapture(args: string[], viaNpm = false): Promise<RunResult> {
  const [cmd, argv] = viaNpm
    ? ['npm', ['run', '--silent', 'capture', '--', ...args]]
    : [process.execPath, [existsSync(TSX) ? TSX : join(ROOT, 'node_modules/.bin/tsx'), 'lib/cli/capture.ts', ...args]];
  return new Promise((done) => {
    execFile(cmd as string, argv as string[], { cwd: ROOT, timeout: 60_000, maxBuffer: 8 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

export function caseArgs(dir: string, c: Case): string[] {
  const args = ['--url', c.url, '--html', join(dir, c.html)];
  for (const [endpoint, file] of Object.entries(c.responses)) args.push('--response', `${endpoint}=${join(dir, file)}`);
  return args;
}

/** Run async jobs at most `limit` at a time (the machine has two shared cores). */
export async function pool<T, R>(items: readonly T[], limit: number, job: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await job(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
