import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const HOSTS = ['https://sycm.taobao.com/*', 'https://myseller.taobao.com/*', 'https://qn.taobao.com/*', 'https://item.upload.taobao.com/*', 'https://sell.publish.tmall.com/*'];
const FORBIDDEN = ['<all_urls>', 'tabs', 'cookies', 'webRequest', 'webRequestBlocking', 'scripting', 'history', 'downloads'];
const read = (dir: string): Record<string, unknown> & { permissions?: string[]; host_permissions?: string[] } => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8'));

describe('built manifests ask for the least we need', () => {
  it('Chrome MV3: the five seller hosts, storage/alarms/notifications/sidePanel, nothing else', () => {
    const m = read('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect([...(m.host_permissions ?? [])].sort()).toEqual([...HOSTS].sort());
    expect([...(m.permissions ?? [])].sort()).toEqual(['alarms', 'notifications', 'sidePanel', 'storage']);
    expect(m.side_panel).toEqual({ default_path: 'sidepanel.html' });
    const scripts = m.content_scripts as { matches: string[] }[];
    for (const cs of scripts) for (const match of cs.matches) expect(HOSTS).toContain(match);
  });
  it('Firefox: the same hosts, a sidebar instead of sidePanel, and a gecko id', () => {
    const m = read('firefox-mv2');
    const perms = m.permissions ?? [];
    expect(perms.filter((p) => !p.startsWith('https://')).sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect(perms.filter((p) => p.startsWith('https://')).sort()).toEqual([...HOSTS].sort());
    expect(m.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
    expect((m.browser_specific_settings as { gecko: { id: string } }).gecko.id).toMatch(/@/);
  });
  it.each(['chrome-mv3', 'firefox-mv2'])('%s never asks for broad or sensitive permissions', (dir) => {
    const m = read(dir);
    for (const p of [...(m.permissions ?? []), ...(m.host_permissions ?? [])]) expect(FORBIDDEN).not.toContain(p);
  });
  it.each(['chrome-mv3', 'firefox-mv2'])('%s reserves the panel width from document_start on the pages that show it (dock.js)', (dir) => {
    const dock = (read(dir).content_scripts as { js: string[]; matches: string[]; run_at: string }[]).find((cs) => cs.js.includes('dock.js'));
    expect(dock).toMatchObject({ run_at: 'document_start' });
    expect([...dock!.matches].sort()).toEqual(HOSTS.filter((h) => !h.includes('sycm')).sort());
    expect(readFileSync(`.output/${dir}/dock.js`, 'utf8')).toContain('zhanggui-dock');
  });
  it('ships small content scripts without React or zod (the host page pays for every byte)', () => {
    const dir = '.output/chrome-mv3/content-scripts';
    for (const file of [...readdirSync(dir).filter((f) => f.endsWith('.js')), '../dock.js']) {
      const src = readFileSync(`${dir}/${file}`, 'utf8');
      expect(src.length, file).toBeLessThan(80_000);
      expect(src, file).not.toMatch(/ZodError|react-dom|__SECRET_INTERNALS|react\.element/);
    }
  });
});
