// Launches Debian's Firefox ESR with the built Firefox extension (.output/firefox-mv2), installed
// through WebDriver BiDi as a temporary add-on, as "Load Temporary Add-on" does for a person.
// The add-on's internal UUID is fixed per launch (a Firefox pref), so its pages have a known
// moz-extension:// origin.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIREFOX_EXTENSION_DIR = path.join(root, '.output/firefox-mv2');
/** browser_specific_settings.gecko.id in wxt.config.ts. */
export const FIREFOX_ADDON_ID = 'zhanggui@zhanggui.app';

export function firefoxPath() {
  for (const p of [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']) if (p && existsSync(p)) return p;
  throw new Error('Firefox not found: apt-get install --no-install-recommends firefox-esr (npm test does this for you)');
}

export async function launchFirefoxWithExtension({ extensionDir = FIREFOX_EXTENSION_DIR } = {}) {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`no built extension in ${extensionDir}: run npm run build:firefox`);
  const uuid = randomUUID();
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'zg-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir,
    defaultViewport: { width: 1400, height: 900 },
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: uuid }) },
  });
  const close = async () => {
    await browser.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    await browser.installExtension(extensionDir);
  } catch (e) {
    await close();
    throw e;
  }
  return { browser, origin: `moz-extension://${uuid}`, close };
}
