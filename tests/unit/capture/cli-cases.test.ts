/**
 * Every saved-page case (the shared cases.json and our own variant pages) run through the
 * actual capture command, compared with the rules in cases.json: records matched on metric,
 * itemId, date and period, value within relative 1e-9, no extra record, listed shop fields.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { capturedMetricSchema } from '../../../lib/metrics/record';
import { type Case, caseArgs, type ExpectedMetric, loadCases, OWN, pool, type RunResult, runCapture, SHARED } from './helpers';

const shared = loadCases(SHARED).map((c) => ({ dir: SHARED, c }));
const own = loadCases(OWN).map((c) => ({ dir: OWN, c }));
const all = [...shared, ...own];
const byName = new Map(all.map(({ c }) => [c.name, c]));
const results = new Map<string, RunResult>();

function expectedMetrics(c: Case): ExpectedMetric[] {
  if (c.expect.metrics) return c.expect.metrics;
  const ref = c.expect.metrics_same_as ? byName.get(c.expect.metrics_same_as) : undefined;
  if (!ref) throw new Error(`case "${c.name}" has no metrics and no known metrics_same_as`);
  return expectedMetrics(ref);
}

const keyOf = (m: { metric: string; itemId: string | null; date: string; period: string }): string =>
  `${m.metric}|${m.itemId ?? ''}|${m.date}|${m.period}`;

beforeAll(async () => {
  const runs = await pool(all, 2, ({ dir, c }) => runCapture(caseArgs(dir, c)));
  all.forEach(({ c }, i) => results.set(c.name, runs[i] as RunResult));
}, 180_000);

describe.each(all.map(({ c }) => [c.name, c] as const))('capture command: %s', (_name, c) => {
  it('exits 0 with one JSON object in the contract shape', () => {
    const r = results.get(c.name) as RunResult;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['metrics', 'page', 'shop', 'status', 'warnings']);
    for (const m of out.metrics as unknown[]) expect(capturedMetricSchema.strict().safeParse(m).success).toBe(true);
  });

  it('prints exactly the expected figures', () => {
    const out = JSON.parse((results.get(c.name) as RunResult).stdout) as {
      status: string;
      shop: Record<string, string | null> | null;
      metrics: Array<ExpectedMetric & { source: string }>;
      warnings: string[];
    };
    expect(out.status).toBe(c.expect.status);
    for (const [k, v] of Object.entries(c.expect.shop ?? {})) expect(out.shop?.[k]).toBe(v);
    if (c.expect.warnings_nonempty) expect(out.warnings.length).toBeGreaterThan(0);
    const want = expectedMetrics(c);
    const got = new Map(out.metrics.map((m) => [keyOf(m), m]));
    expect(got.size).toBe(out.metrics.length); // one record per figure
    expect([...got.keys()].sort()).toEqual(want.map(keyOf).sort());
    for (const w of want) {
      const g = got.get(keyOf(w));
      expect(g, keyOf(w)).toBeDefined();
      const rel = Math.abs((g?.value ?? NaN) - w.value) / Math.max(Math.abs(w.value), 1e-300);
      expect(rel, `${keyOf(w)}: got ${g?.value}, want ${w.value}`).toBeLessThanOrEqual(1e-9);
    }
  });
});
