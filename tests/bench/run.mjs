// `npm run bench`: builds the extension, then runs every benchmark; each prints
// JSON lines {"name","value","unit","budget","better","baseline"?}. A summary
// at the end says which lines are over budget (exit 1 if any).
import { spawnSync } from 'node:child_process';

const BENCHES = [
  ['node', ['tests/bench/content/content.bench.mjs']],
  ['node', ['tests/bench/gantt/gantt.bench.mjs']],
  ['npx', ['tsx', 'tests/bench/rules/rules.bench.ts']],
  ['node', ['tests/bench/dashboard/dashboard.bench.mjs']],
  ['node', ['tests/bench/metrics/metrics.bench.mjs']],
  ['node', ['tests/bench/capture/capture.bench.mjs']],
  ['npx', ['tsx', 'tests/bench/sync/sync.bench.ts']],
  ['node', ['tests/bench/collab/collab.bench.mjs']],
  ['npx', ['tsx', 'tests/bench/collab/collab-lib.bench.ts']],
];

const build = spawnSync('npx', ['wxt', 'build'], { stdio: ['inherit', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

const lines = [];
for (const [cmd, args] of BENCHES) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['inherit', 'pipe', 'inherit'] });
  for (const line of (r.stdout ?? '').split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    console.log(line.trim());
    try {
      lines.push(JSON.parse(line));
    } catch {
      /* not a result line */
    }
  }
  if (r.status !== 0) console.error(`benchmark ${args.join(' ')} exited ${r.status}`);
}
const over = lines.filter((l) => (l.better === 'lower' ? l.value > l.budget : l.value < l.budget));
console.error(`\n${lines.length} benchmark lines, ${over.length} over budget${over.length ? `: ${over.map((l) => l.name).join(', ')}` : ''}`);
process.exit(over.length ? 1 : 0);
