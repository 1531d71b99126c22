/**
 * The capture command (taobao-pages.md, "The capture command contract"): runs the extension's
 * own capture engine on a saved page and prints one JSON object. Exit 0 with the object; exit 2
 * with a message on stderr for unusable arguments or an unreadable file.
 *
 *   npm run --silent capture -- --url <page URL> --html <file.html> [--response <endpoint URL>=<file.json> ...]
 */
import { readFileSync, statSync } from 'node:fs';
import { capturePage } from '../capture/capture-page';
import { parseCaptureArgs, USAGE } from './args';
import { parseHtml } from './parse-html';

const isFile = (p: string): boolean => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

function fail(message: string): never {
  process.stderr.write(`capture: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    return fail(`cannot read "${path}": ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function main(): Promise<void> {
  const parsed = parseCaptureArgs(process.argv.slice(2), isFile);
  if (!parsed.ok) fail(parsed.error);
  const { url, html, responses, today } = parsed.args;
  const bodies = responses.map((r) => ({ url: r.url, body: read(r.file) }));
  const page = parseHtml(read(html), url);
  const result = capturePage({ url, document: page.document, responses: bodies, ...(today ? { today } : {}) });
  await page.close();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((e: unknown) => {
  // capturePage never throws; this is for a broken environment (happy-dom missing …).
  process.stderr.write(`capture: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
