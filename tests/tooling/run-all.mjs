// `npm test`: every suite, then one line of totals over all of them.
//   unit  vitest (tests/unit)             e2e  vitest + Chromium on the built extension (tests/e2e)
//   db    pgTAP + RLS mutation check on a throwaway PostgreSQL 15 (tests/db/run.sh)
//   sync  supabase-js against a throwaway PostgreSQL 15 through the PostgREST test adapter,
//         incl. the seeded convergence suite (tests/sync, its own vitest config and cluster)
// A suite that cannot run (build failure, crash) counts as one failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);
mkdirSync('.tmp', { recursive: true });

function run(cmd, args, opts = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: opts.capture ? ['inherit', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', env: { ...process.env, ...opts.env } });
}

function vitestSuite(name, config) {
  const out = `.tmp/${name}.json`;
  rmSync(out, { force: true });
  const r = run('npx', ['vitest', 'run', ...(config ? ['-c', config] : []), '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  if (!existsSync(out)) return { name, passed: 0, failed: 1, skipped: 0, note: `vitest exited ${r.status} without a report` };
  const j = JSON.parse(readFileSync(out, 'utf8'));
  // Files that failed to load have no test results: count each as a failure.
  const brokenFiles = (j.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  return { name, passed: j.numPassedTests, failed: j.numFailedTests + brokenFiles, skipped: j.numPendingTests + j.numTodoTests };
}

const results = [];
if (want('unit')) results.push(vitestSuite('unit', 'tests/vitest.config.ts'));
if (want('e2e')) {
  const chrome = run('npx', ['wxt', 'build']);
  const firefox = run('npx', ['wxt', 'build', '-b', 'firefox']);
  if (chrome.status !== 0 || firefox.status !== 0) results.push({ name: 'build', passed: 0, failed: 1, skipped: 0, note: 'wxt build failed' });
  else results.push(vitestSuite('e2e', 'tests/vitest.e2e.config.ts'));
}
if (want('db')) {
  const r = run('bash', ['tests/db/run.sh'], { capture: true });
  process.stdout.write(r.stdout ?? '');
  const m = /DB_TOTALS passed=(\d+) failed=(\d+) skipped=(\d+)/.exec(r.stdout ?? '');
  if (m) results.push({ name: 'db', passed: +m[1], failed: +m[2] + (r.status !== 0 && +m[2] === 0 ? 1 : 0), skipped: +m[3] });
  else results.push({ name: 'db', passed: 0, failed: 1, skipped: 0, note: `tests/db/run.sh exited ${r.status} without totals` });
}

if (want('sync')) results.push(vitestSuite('sync', 'tests/sync/vitest.config.ts'));

console.log('\nSuites:');
for (const s of results) console.log(`  ${s.name.padEnd(5)} ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}${s.note ? `  (${s.note})` : ''}`);
const total = results.reduce((a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed, skipped: a.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
