/**
 * Arguments of the capture command:
 *   --url <page URL> --html <file.html> [--response <endpoint URL>=<file.json> ...] [--today YYYY-MM-DD]
 * Flags also accept the `--flag=value` form. An endpoint URL has '=' in its query, so a
 * --response value is split at the '=' after which an existing file name follows, trying the
 * last '=' first (file names rarely contain '=', query strings always do).
 */

export interface CaptureArgs {
  url: string;
  html: string;
  responses: Array<{ url: string; file: string }>;
  today?: string;
}

export type ParsedArgs = { ok: true; args: CaptureArgs } | { ok: false; error: string };

export const USAGE =
  'usage: capture --url <page URL> --html <file.html> [--response <endpoint URL>=<file.json> ...] [--today YYYY-MM-DD]';

/** Split `<endpoint URL>=<file>` where `<file>` exists; null when no split names a file. */
export function splitResponseSpec(spec: string, exists: (path: string) => boolean): { url: string; file: string } | null {
  for (let i = spec.lastIndexOf('='); i > 0; i = spec.lastIndexOf('=', i - 1)) {
    const url = spec.slice(0, i);
    const file = spec.slice(i + 1);
    if (file !== '' && exists(file)) return { url, file };
  }
  return null;
}

function validUrl(s: string): boolean {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

export function parseCaptureArgs(argv: readonly string[], exists: (path: string) => boolean): ParsedArgs {
  let url: string | undefined;
  let html: string | undefined;
  let today: string | undefined;
  const specs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!['--url', '--html', '--response', '--today'].includes(flag)) return { ok: false, error: `unknown argument "${arg}"` };
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') return { ok: false, error: `${flag} needs a value` };
    if (flag === '--url') url = value;
    else if (flag === '--html') html = value;
    else if (flag === '--today') today = value;
    else specs.push(value);
  }
  if (!url) return { ok: false, error: '--url is required' };
  if (!validUrl(url)) return { ok: false, error: `--url "${url}" is not a URL` };
  if (!html) return { ok: false, error: '--html is required' };
  if (!exists(html)) return { ok: false, error: `cannot read --html file "${html}"` };
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) return { ok: false, error: `--today "${today}" is not YYYY-MM-DD` };
  const responses: CaptureArgs['responses'] = [];
  for (const spec of specs) {
    const split = splitResponseSpec(spec, exists);
    if (!split) return { ok: false, error: `--response "${spec}": expected <endpoint URL>=<existing file>` };
    if (!validUrl(split.url)) return { ok: false, error: `--response endpoint "${split.url}" is not a URL` };
    responses.push(split);
  }
  return { ok: true, args: { url, html, responses, ...(today ? { today } : {}) } };
}
