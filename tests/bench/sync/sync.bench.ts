/**
 * Sync benchmarks (npx tsx tests/bench/sync/sync.bench.ts), one JSON line per metric on stdout:
 *   rls.hotQueryP95Ms      "my shop's open tasks" as an authenticated operator with 1M tasks in the
 *                          database (2000 shops × 500 + the seed shop): p95 server-side execution
 *                          time incl. RLS over 300 runs; EXPLAIN must show an index scan.
 *   sync.push500Ms         500 offline edits queued by the workspace, pushed by the engine through
 *                          supabase-js → PostgREST test adapter (psql) → PostgreSQL, all acknowledged.
 *   sync.pullRowsPerSec    initial pull of a 100,000-task shop into IndexedDB in headless Chromium
 *                          (real IndexedDB), through supabase-js and the same adapter served on localhost.
 * Progress on stderr. Env: CHROMIUM (default /usr/lib/chromium/chromium); ZG_SYNC_BENCH=push500,pull100k,rls picks some;
 * ZG_SYNC_MICRO=1 prints the client-side cost breakdown of one page (zod, Dexie put, raw IndexedDB put
 * per durability) instead of the pull measurement; ZG_SYNC_BREAKDOWN=1 instead times the two halves of
 * the pull apart: every page fetched back to back without writing (serverMs), then the same pages
 * applied by the engine from memory (clientMs); ZG_SYNC_PAGE=<n> sets the page size (both modes; default: the
 * engine's),
 * ZG_SYNC_PROFILE=<file> saves a CPU profile of the client half (Chrome DevTools format).
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer';
import { build } from 'vite';
import { TEST_ANON_KEY } from '../../sync/support/jwt';
import { createPgFetch } from '../../sync/support/pg-fetch';
import { PsqlSession, lit } from '../../sync/support/psql';
import { browserFor, clientFor, createShop, jwtFor, supabaseServer } from '../../sync/support/world';
import { SEED_OPERATOR, SEED_SHOP, bulkTasks } from './data';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const log = (...a: unknown[]): void => console.error('[sync.bench]', ...a);
const emit = (line: Record<string, unknown>): void => console.log(JSON.stringify(line));
const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

/**
 * CPU time (ms) all threads of a process have run (Linux /proc schedstat, ns). Chromium's IndexedDB
 * backend runs in the browser process, so its CPU during a pull is what the writes cost beyond the page.
 */
function processCpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) || 0;
    } catch {
      // a thread that ended meanwhile
    }
  }
  return ns / 1e6;
}

async function rlsHotQuery(admin: PsqlSession): Promise<void> {
  const t0 = Date.now();
  await bulkTasks(admin, { shops: 2000, perShop: 500, ownerUser: 'a1000000-0000-4000-8000-000000000001', extraShop: { id: SEED_SHOP, count: 500 } });
  const total = Number((await admin.must('select count(*) from public.tasks;'))[0]);
  log(`generated ${total} tasks in ${Date.now() - t0} ms`);
  const claims = lit(JSON.stringify({ sub: SEED_OPERATOR.userId, role: 'authenticated' }));
  const query = `select id, title, status, due_date, assignee_id from public.tasks where shop_id = ${lit(SEED_SHOP)} and deleted_at is null and status <> 'done' order by due_date nulls last, id limit 100`;
  const asUser = (sql: string): string => `begin; set local role authenticated; select set_config('request.jwt.claims', ${claims}, true) is null; \\echo __RESULT__\n${sql}\ncommit;`;
  const plan = (await admin.must(asUser(`explain ${query};`))).join('\n');
  log(`plan:\n${plan}`);
  if (/Seq Scan on tasks/.test(plan) || !/Index/.test(plan)) throw new Error('rls.hotQueryP95Ms: the query does not use an index');
  const rows = await admin.must(
    asUser(`
      do $$
      declare t0 timestamptz; ds float8[] := '{}'; n int;
      begin
        for i in 1..300 loop
          t0 := clock_timestamp();
          select count(*) into n from (${query}) q;
          ds := ds || extract(epoch from clock_timestamp() - t0) * 1000;
        end loop;
        perform set_config('zg.p95', (select percentile_disc(0.95) within group (order by d) from unnest(ds) d)::text, true);
        perform set_config('zg.n', n::text, true);
      end $$;
      select current_setting('zg.p95') || ' ' || current_setting('zg.n');`),
  );
  const [p95, n] = rows[rows.length - 1]!.split(' ').map(Number) as [number, number];
  log(`hot query returned ${n} open tasks of the operator's shop; p95 ${p95} ms over 300 runs at ${total} tasks`);
  emit({ name: 'rls.hotQueryP95Ms', value: round(p95, 3), unit: 'ms', budget: 5, better: 'lower', note: `server-side execution as authenticated (RLS on), ${total} tasks, index scans checked with EXPLAIN` });
}

async function push500(admin: PsqlSession): Promise<void> {
  const session = new PsqlSession();
  try {
    const { shopId, users } = await createShop(admin, `push${Date.now()}`, ['owner']);
    const c = browserFor('bench-push', shopId, users[0]!, supabaseServer(clientFor(session, users[0]!)), { batchSize: 200 });
    await c.engine.sync({ force: true });
    const me = users[0]!.memberId;
    for (let i = 0; i < 250; i++) {
      const t = await c.ws.createTask(me, { projectId: null, title: `离线任务 ${i}` });
      await c.ws.updateTask(me, t.id, { priority: 'P1', status: 'doing' });
    }
    const queued = await c.db.table('outbox').count();
    const t0 = performance.now();
    const r = await c.engine.push();
    const ms = performance.now() - t0;
    if (queued !== 500 || r.acknowledged !== 500 || (await c.db.table('outbox').count()) !== 0) throw new Error(`push500: queued ${queued}, acknowledged ${r.acknowledged}`);
    log(`pushed and acknowledged ${r.acknowledged} mutations in ${round(ms)} ms`);
    emit({ name: 'sync.push500Ms', value: round(ms), unit: 'ms', budget: 3000, better: 'lower', note: 'engine in Node (fake-indexeddb) → supabase-js → PostgREST test adapter (psql) → PostgreSQL 15' });
  } finally {
    session.close();
  }
}

function serve(dist: string, session: PsqlSession): Promise<Server> {
  const pgFetch = createPgFetch(session);
  const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (url.pathname.startsWith('/rest/v1/')) {
          const headers = new Headers();
          for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
          const r = await pgFetch(`http://127.0.0.1${url.pathname}${url.search}`, { method: req.method, headers, body: req.method === 'GET' ? undefined : Buffer.concat(chunks) });
          res.writeHead(r.status, { 'content-type': 'application/json' });
          res.end(Buffer.from(await r.arrayBuffer()));
          return;
        }
        const path = normalize(url.pathname).replace(/^(\.\.[/\\])+/, '');
        const file = path === '/' ? 'index.html' : path.slice(1);
        let body: Buffer;
        try {
          body = readFileSync(join(dist, file));
        } catch {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      })();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function pull100k(admin: PsqlSession, tmp: string): Promise<void> {
  const { shopId, users } = await createShop(admin, `pull${Date.now()}`, ['owner']);
  await bulkTasks(admin, { shops: 0, perShop: 0, ownerUser: users[0]!.userId, extraShop: { id: shopId, count: 100_000 } });
  const dist = join(tmp, 'harness');
  await build({
    root: join(here, 'harness'),
    base: './',
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { outDir: dist, emptyOutDir: true, minify: true, reportCompressedSize: false, chunkSizeWarningLimit: 8192 },
  });
  const session = new PsqlSession();
  const server = await serve(dist, session);
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM ?? '/usr/lib/chromium/chromium', headless: true, args: ['--no-sandbox', `--user-data-dir=${join(tmp, 'profile')}`] });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.title === 'ready', { polling: 100 });
    if (process.env.ZG_SYNC_MICRO) {
      // Diagnostics only: one page's client-side costs, then stop.
      log('micro', JSON.stringify(await page.evaluate((n) => (window as unknown as { zgMicro: (n: number) => Promise<unknown> }).zgMicro(n), 1000)));
      for (const d of ['default', 'relaxed', 'strict', 'default', 'relaxed']) {
        log(`raw put 1000 (${d}) ms`, await page.evaluate((x) => (window as unknown as { zgRawPut: (n: number, d: string) => Promise<number> }).zgRawPut(1000, x), d));
      }
      return;
    }
    if (process.env.ZG_SYNC_BREAKDOWN) {
      // Diagnostics only: server path and client path measured apart (optionally with a CPU profile
      // of the client path: ZG_SYNC_PROFILE=<file.cpuprofile>), then stop.
      const o = { url: origin, anonKey: TEST_ANON_KEY, token: jwtFor(users[0]!), shopId, userId: users[0]!.userId, pageSize: Number(process.env.ZG_SYNC_PAGE ?? 1000) };
      type W = { zgFetchAll: (x: unknown) => Promise<unknown>; zgApplyAll: (x: unknown) => Promise<unknown> };
      const server = await page.evaluate((x) => (window as unknown as W).zgFetchAll(x), o);
      const cdp = process.env.ZG_SYNC_PROFILE ? await page.createCDPSession() : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const client = await page.evaluate((x) => (window as unknown as W).zgApplyAll(x), o);
      if (cdp) writeFileSync(process.env.ZG_SYNC_PROFILE!, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      log('breakdown', JSON.stringify({ pageSize: o.pageSize, ...(server as object), ...(client as object) }));
      return;
    }
    const backendBefore = processCpuMs(browser.process()?.pid);
    const r = (await page.evaluate(
      (o) => (window as unknown as { zgPull: (x: unknown) => Promise<{ rows: number; tasks: number; ms: number; inFlightMs: number; waitMs: number }> }).zgPull(o),
      { url: origin, anonKey: TEST_ANON_KEY, token: jwtFor(users[0]!), shopId, userId: users[0]!.userId, pageSize: process.env.ZG_SYNC_PAGE ? Number(process.env.ZG_SYNC_PAGE) : undefined },
    ));
    if (r.tasks !== 100_000) throw new Error(`pull100k: ${r.tasks} tasks in IndexedDB after pulling ${r.rows} rows`);
    const perSec = (r.rows / r.ms) * 1000;
    // How busy the browser process (IndexedDB's backend) kept the machine's cores during the pull.
    const backendCpuMs = processCpuMs(browser.process()?.pid) - backendBefore;
    const backendCores = backendCpuMs / r.ms;
    log(`browser process (IndexedDB backend) CPU during the pull: ${round(backendCpuMs)} ms, ${round(backendCores, 2)} of ${availableParallelism()} cores, ${round((backendCpuMs * 1000) / r.rows)} µs per row`);
    // The same browser's ceiling: rows put straight into IndexedDB, nothing else (harness/main.ts rawPut).
    const ceiling = await page.evaluate((n) => (window as unknown as { zgCeiling: (n: number) => Promise<{ withIndexes: number; withoutIndexes: number }> }).zgCeiling(n), 20_000);
    log(`ceiling on this machine: raw IndexedDB puts ${ceiling.withIndexes} rows/s with the tasks indexes, ${ceiling.withoutIndexes} rows/s with none`);
    log(
      `pulled ${r.rows} rows (${r.tasks} tasks) into Chromium IndexedDB in ${round(r.ms)} ms; pull_changes calls in flight ${round(r.inFlightMs)} ms ` +
        `(overlapping the writes: the next page is asked for first), of which the engine stood waiting ${round(r.waitMs)} ms`,
    );
    emit({
      name: 'sync.pullRowsPerSec',
      value: Math.round(perSec),
      unit: 'rows/s',
      budget: 20000,
      better: 'higher',
      ceilingRowsPerSec: ceiling.withIndexes,
      backendCpuUsPerRow: round((backendCpuMs * 1000) / r.rows),
      backendCores: round(backendCores, 2),
      cores: availableParallelism(),
      note: `headless Chromium, real IndexedDB; server: PostgreSQL 15 pull_changes via the PostgREST test adapter (psql) on localhost; ceilingRowsPerSec = raw IndexedDB puts of task rows with the same indexes in the same browser (${ceiling.withoutIndexes}/s with no index); backendCpuUsPerRow/backendCores = CPU of the browser process, where IndexedDB's backend runs, during the pull`,
    });
  } finally {
    await browser.close();
    server.close();
    session.close();
  }
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'zg-sync-bench.'));
  const dir = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'zg-sync-bench-pg.'));
  const out = execFileSync('bash', [join(root, 'tests/db/cluster.sh'), 'start', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const m = /PGHOST=(\S+) PGPORT=(\d+)/.exec(out)!;
  process.env.PGHOST = m[1];
  process.env.PGPORT = m[2];
  process.env.PGUSER = 'postgres';
  const admin = new PsqlSession();
  let failed = false;
  try {
    const only = process.env.ZG_SYNC_BENCH?.split(',');
    for (const [name, fn] of [
      ['push500', () => push500(admin)],
      ['pull100k', () => pull100k(admin, tmp)],
      ['rls', () => rlsHotQuery(admin)],
    ] as const) {
      if (only && !only.includes(name)) continue;
      try {
        await fn();
      } catch (e) {
        failed = true;
        log(`${name} failed:`, e);
      }
    }
  } finally {
    admin.close();
    execFileSync('bash', [join(root, 'tests/db/cluster.sh'), 'stop', dir], { stdio: 'inherit' });
  }
  process.exit(failed ? 1 : 0);
}

void main();
