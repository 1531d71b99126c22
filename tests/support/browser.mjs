// Launches Debian's Chromium with the built extension loaded (see toolchain.md).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(root, '.output/chrome-mv3');

export function chromiumPath() {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium']) if (p && existsSync(p)) return p;
  throw new Error('Chromium not found: apt-get install --no-install-recommends chromium (npm test does this for you)');
}

export async function launchWithExtension({ headless = true, extensionDir = EXTENSION_DIR, withExtension = true, args = [] } = {}) {
  if (withExtension && !existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`no built extension in ${extensionDir}: run npm run build`);
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'zg-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless,
    userDataDir,
    pipe: process.env.ZG_PIPE !== '0',
    enableExtensions: withExtension ? [extensionDir] : false,
    env: { ...process.env, XDG_CONFIG_HOME: userDataDir, XDG_CACHE_HOME: userDataDir },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--window-size=1400,900', ...args],
    dumpio: !!process.env.ZG_DUMPIO,
    defaultViewport: headless ? { width: 1400, height: 900 } : null,
  });
  let extensionId = null;
  if (withExtension) {
    const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 15000 });
    extensionId = new URL(worker.url()).host;
  }
  const close = async () => {
    await browser.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { browser, extensionId, close };
}
