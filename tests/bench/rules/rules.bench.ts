/**
 * Rule engine budget: 100 rules over one year of daily figures for 1,000 items ≤ 200 ms.
 * Run: `tsx tests/bench/rules/rules.bench.ts`. Prints ONE JSON line (the bench runner reads it).
 */
import { evaluateRules } from '../../../lib/rules/engine';
import { BENCH_TODAY, benchRecords, benchRules } from './generate';

const records = benchRecords(1000, 365, 42);
const rules = benchRules(100, 7);

function run(): number {
  const t0 = performance.now();
  const res = evaluateRules({ rules, records, today: BENCH_TODAY });
  const ms = performance.now() - t0;
  if (res.firings.length === 0) throw new Error('bench rules fired nothing: the workload is not exercising the engine');
  return ms;
}

run(); // warm-up: JIT and lazy allocations
const times = Array.from({ length: 5 }, run).sort((a, b) => a - b);
const median = times[2]!;
console.log(JSON.stringify({ name: 'rules.evalMs', value: Math.round(median * 10) / 10, unit: 'ms', budget: 200, better: 'lower' }));
