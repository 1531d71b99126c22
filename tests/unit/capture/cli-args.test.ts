/** The command's argument handling, and its exit codes through `npm run --silent capture`. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCaptureArgs, splitResponseSpec } from '../../../lib/cli/args';
import { runCapture, SHARED } from './helpers';

const files = new Set(['a.json', 'dir/x=y.json', 'page.html']);
const exists = (p: string): boolean => files.has(p);

describe('splitResponseSpec', () => {
  it('splits an endpoint URL full of "=" from its file', () => {
    const spec = 'https://sycm.taobao.com/x.json?dateType=day&dateRange=2026-11-23%7C2026-11-23&_=1=a.json';
    expect(splitResponseSpec(spec, exists)).toEqual({ url: 'https://sycm.taobao.com/x.json?dateType=day&dateRange=2026-11-23%7C2026-11-23&_=1', file: 'a.json' });
  });
  it('finds a file whose own name contains "="', () => {
    expect(splitResponseSpec('https://h/x.json?a=1=dir/x=y.json', exists)).toEqual({ url: 'https://h/x.json?a=1', file: 'dir/x=y.json' });
  });
  it('gives null when no part after an "=" is a file', () => {
    expect(splitResponseSpec('https://h/x.json?a=1=missing.json', exists)).toBeNull();
    expect(splitResponseSpec('no-equals-sign', exists)).toBeNull();
  });
});

describe('parseCaptureArgs', () => {
  it('accepts both flag forms and repeated --response', () => {
    const r = parseCaptureArgs(['--', '--url=https://sycm.taobao.com/portal/home.htm', '--html', 'page.html', '--response', 'https://h/a?x=1=a.json', '--response=https://h/b=a.json', '--today', '2026-11-24'], exists);
    expect(r).toEqual({
      ok: true,
      args: {
        url: 'https://sycm.taobao.com/portal/home.htm',
        html: 'page.html',
        responses: [
          { url: 'https://h/a?x=1', file: 'a.json' },
          { url: 'https://h/b', file: 'a.json' },
        ],
        today: '2026-11-24',
      },
    });
  });
  it.each([
    [[], '--url is required'],
    [['--url', 'https://sycm.taobao.com/'], '--html is required'],
    [['--url', 'not a url', '--html', 'page.html'], 'is not a URL'],
    [['--url', 'https://sycm.taobao.com/', '--html', 'nope.html'], 'cannot read'],
    [['--url', 'https://sycm.taobao.com/', '--html', 'page.html', '--response', 'https://h/x=none.json'], '--response'],
    [['--url', 'https://sycm.taobao.com/', '--html', 'page.html', '--bogus'], 'unknown argument'],
    [['--url', 'https://sycm.taobao.com/', '--html'], 'needs a value'],
    [['--url', 'https://sycm.taobao.com/', '--html', 'page.html', '--today', '24/11/2026'], 'YYYY-MM-DD'],
  ])('refuses %j', (argv, message) => {
    const r = parseCaptureArgs(argv, exists);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});

describe('capture command exit codes (npm run --silent capture)', () => {
  it('exits 2 with a message for an unreadable --html file', async () => {
    const r = await runCapture(['--url', 'https://sycm.taobao.com/portal/home.htm', '--html', '/nonexistent/page.html'], true);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('cannot read');
  }, 60_000);
  it('exits 2 for a --response whose file does not exist', async () => {
    const r = await runCapture(['--url', 'https://sycm.taobao.com/portal/home.htm', '--html', join(SHARED, 'sycm/portal-home.html'), '--response', 'https://sycm.taobao.com/a.json?x=1=/nonexistent.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--response');
  }, 60_000);
  it('prints the contract object through npm run', async () => {
    const r = await runCapture(['--url', 'https://myseller.taobao.com/home.htm/QnworkbenchHome/', '--html', join(SHARED, 'qianniu/workbench-home.html')], true);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { page: string; metrics: unknown[] };
    expect(out.page).toBe('qianniu.workbench');
    expect(out.metrics).toHaveLength(4);
  }, 60_000);
});
