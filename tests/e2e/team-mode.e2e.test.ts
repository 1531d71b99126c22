import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer';
import { launchWithExtension } from '../support/browser.mjs';
import { domClick, domFill, loadSample, openSidePanel, textOf } from '../support/extension-page.mjs';
import { signJwt, TEST_ANON_KEY } from '../sync/support/jwt';
import { createPgFetch } from '../sync/support/pg-fetch';
import { PsqlSession, lit } from '../sync/support/psql';

// Team mode in the built extension: the options page, the background (supabase-js in the
// service worker, session storage over chrome.storage.local) and the SyncBadge.
let browser: Browser;
let extensionId: string;
let close: () => Promise<void>;

const jwt = (claims: object): string => `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`;
const waitText = (page: Page, text: string): Promise<unknown> => page.waitForFunction((t) => document.body.innerText.includes(t), { polling: 100, timeout: 15_000 }, text);

let pgDir: string;
let admin: PsqlSession;
let api: PsqlSession;
let server: Server;
let origin: string;

/** PostgREST stand-in on localhost for the extension's service worker (CORS like Supabase's gateway). */
function servePostgrest(session: PsqlSession): Promise<Server> {
  const pgFetch = createPgFetch(session);
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET,POST,PATCH,DELETE,OPTIONS' };
  const srv = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (!url.pathname.startsWith('/rest/v1/')) return void res.writeHead(404, cors).end();
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
        const r = await pgFetch(`http://127.0.0.1${url.pathname}${url.search}`, { method: req.method, headers, body: req.method === 'GET' ? undefined : Buffer.concat(chunks) });
        res.writeHead(r.status, { ...cors, 'content-type': 'application/json' });
        res.end(Buffer.from(await r.arrayBuffer()));
      })();
    });
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv)));
}

beforeAll(async () => {
  pgDir = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'zg-e2e-pg.'));
  const out = execFileSync('bash', ['tests/db/cluster.sh', 'start', pgDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const m = /PGHOST=(\S+) PGPORT=(\d+)/.exec(out)!;
  process.env.PGHOST = m[1];
  process.env.PGPORT = m[2];
  process.env.PGUSER = 'postgres';
  admin = new PsqlSession();
  api = new PsqlSession();
  server = await servePostgrest(api);
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  ({ browser, extensionId, close } = await launchWithExtension());
  const sp = await loadSample(browser, extensionId);
  await sp.close();
});
afterAll(async () => {
  await close?.();
  server?.close();
  admin?.close();
  api?.close();
  if (pgDir) execFileSync('bash', ['tests/db/cluster.sh', 'stop', pgDir], { stdio: 'inherit' });
});

describe('team mode options page', () => {
  it('starts local-only, refuses a service-role key, connects, and disconnects without losing local data', async () => {
    const page = await browser.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await waitText(page, '本地模式 Local');
    await domFill(page, 'input[name=url]', 'https://abcd.supabase.co');
    await domFill(page, 'input[name=anonKey]', jwt({ iss: 'supabase', ref: 'abcd', role: 'service_role' }));
    await domClick(page, 'button', '连接 Connect');
    await waitText(page, 'service_role');
    expect(await textOf(page)).toContain('本地模式 Local');

    await domFill(page, 'input[name=anonKey]', jwt({ iss: 'supabase', ref: 'abcd', role: 'anon' }));
    await domClick(page, 'button', '连接 Connect');
    await waitText(page, '已连接 Connected');
    await waitText(page, '发送登录链接');
    expect(await textOf(page)).toContain('https://abcd.supabase.co');

    const side = await openSidePanel(browser, extensionId);
    await side.waitForFunction(() => document.querySelector('.sync')?.getAttribute('data-state') === 'error', { polling: 100, timeout: 15_000 });
    expect(await side.$eval('.sync', (e) => e.getAttribute('title'))).toContain('登录');

    await domClick(page, 'button', '断开');
    await waitText(page, '连接 Supabase 项目');
    await side.waitForFunction(() => document.querySelector('.sync')?.textContent?.includes('本地模式'), { polling: 100, timeout: 15_000 });
    expect(await textOf(side)).toContain('木语家居旗舰店');
    await side.close();
    await page.close();
  });

  it('the owner signs in and puts the sample shop on the server; server changes come back on "sync now"', async () => {
    const userId = crypto.randomUUID();
    const email = `owner.e2e@zg.example`;
    await admin.must(`insert into auth.users (id, aud, role, email) values (${lit(userId)}, 'authenticated', 'authenticated', ${lit(email)});`);
    // A signed-in session as supabase-js stores it (what signInWithPassword would leave in chrome.storage.local).
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const access = signJwt({ sub: userId, role: 'authenticated', aud: 'authenticated', email, exp });
    const session = { access_token: access, token_type: 'bearer', expires_in: 3600, expires_at: exp, refresh_token: 'e2e-refresh', user: { id: userId, aud: 'authenticated', role: 'authenticated', email, app_metadata: {}, user_metadata: {}, created_at: new Date().toISOString() } };
    const page = await browser.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await waitText(page, '本地模式 Local');
    await page.evaluate((v) => (globalThis as unknown as { chrome: { storage: { local: { set(x: object): Promise<void> } } } }).chrome.storage.local.set({ 'zg:supabase-auth': v }), JSON.stringify(session));
    await domFill(page, 'input[name=url]', origin);
    await domFill(page, 'input[name=anonKey]', TEST_ANON_KEY);
    await domClick(page, 'button', '连接 Connect');
    await waitText(page, email);
    await domClick(page, 'button', '创建团队店铺');
    await waitText(page, '邀请成员 Invite a member');
    await page.waitForFunction(() => document.querySelector('.sync')?.getAttribute('data-state') === 'synced', { polling: 100, timeout: 20_000 });
    const shopTasks = Number((await admin.must(`select count(*) from public.tasks t join public.shops s on s.id = t.shop_id where s.name = '木语家居旗舰店' and s.created_by = ${lit(userId)};`))[0]);
    expect(shopTasks).toBeGreaterThan(5);

    // Someone else changes a task on the server; "sync now" (the badge) pulls it.
    const [id] = await admin.must(`select t.id from public.tasks t join public.shops s on s.id = t.shop_id where s.created_by = ${lit(userId)} order by t.title limit 1;`);
    await admin.must(`update public.tasks set title = '服务器上改的标题' where id = ${lit(id!)};`);
    await domClick(page, '.sync', '');
    const side = await openSidePanel(browser, extensionId, `#/task?id=${id}`);
    await side.waitForFunction(() => [...document.querySelectorAll('input')].some((i) => i.value === '服务器上改的标题') || document.body.innerText.includes('服务器上改的标题'), { polling: 100, timeout: 20_000 });
    await side.close();
    await page.close();
  });
});
