import { describe, expect, it } from 'vitest';
import { evaluate, evaluateDaily, formulaText, MAX_DEPTH, metricsOf, parseFormula, type Formula, type FormulaContext } from '@/lib/boards/formula';

function parsed(src: string): Formula {
  const p = parseFormula(src);
  if (!p.ok) throw new Error(`${src}: ${p.error}`);
  return p.formula;
}
const ctx = (values: Record<string, number | null>, avg: number | null = null): FormulaContext => ({
  metric: (code) => (Object.hasOwn(values, code) ? values[code]! : null),
  avg7: () => avg,
});

describe('formula parser', () => {
  it('honours precedence, associativity, parentheses and unary minus', () => {
    expect(formulaText(parsed('1 + 2 * 3'))).toBe('(1 + (2 * 3))');
    expect(formulaText(parsed('(1 + 2) * 3'))).toBe('((1 + 2) * 3)');
    expect(formulaText(parsed('8 / 4 / 2'))).toBe('((8 / 4) / 2)');
    expect(formulaText(parsed('10 - 3 - 2'))).toBe('((10 - 3) - 2)');
    expect(formulaText(parsed('--uv'))).toBe('--uv');
    expect(formulaText(parsed('-uv * 2'))).toBe('(-uv * 2)');
    expect(formulaText(parsed('cartByrCnt / uv'))).toBe('(cartByrCnt / uv)');
    expect(formulaText(parsed('0.4*payRate/avg7(payRate) + .5e1'))).toBe('(((0.4 * payRate) / avg7(payRate)) + 5)');
    expect(formulaText(parsed('（cartByrCnt + 1）/ uv'))).toBe('((cartByrCnt + 1) / uv)'); // full-width parentheses
  });

  it('lists the metrics a formula reads', () => {
    expect(metricsOf(parsed('payByrCnt / uv + avg7(uv) * payRate'))).toEqual(['payByrCnt', 'uv', 'payRate']);
  });

  it('reports errors with their position', () => {
    expect(parseFormula('')).toMatchObject({ ok: false, error: expect.stringContaining('empty') });
    expect(parseFormula('uv +')).toMatchObject({ ok: false, at: 4 });
    expect(parseFormula('(uv')).toMatchObject({ ok: false, error: expect.stringContaining('expected “)”') });
    expect(parseFormula('uv uv')).toMatchObject({ ok: false, at: 3 });
    expect(parseFormula('uvx / 2')).toMatchObject({ ok: false, error: expect.stringContaining('unknown metric: uvx'), at: 0 });
    expect(parseFormula('1 ** 2')).toMatchObject({ ok: false, at: 3 });
    expect(parseFormula('avg7()')).toMatchObject({ ok: false });
  });

  it('refuses code in every disguise: names, calls, property access, strings, templates', () => {
    for (const src of [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'alert(1)',
      'constructor.constructor("alert(1)")()',
      'uv.constructor',
      'uv["constructor"]',
      "'x'",
      '`${1}`',
      'globalThis',
      'this',
      'eval(uv)',
      'Function("return 1")',
      'uv; alert(1)',
      'uv, 1',
      'uv = 1',
      'avg7(uv)(1)',
      'a=>1',
      '<script>',
      'uv // comment',
      '1e999',
    ]) {
      const r = parseFormula(src);
      expect(r.ok, src).toBe(false);
    }
  });

  it('limits length and nesting depth (no stack overflow on hostile input)', () => {
    expect(parseFormula(`${'('.repeat(MAX_DEPTH)}uv${')'.repeat(MAX_DEPTH)}`).ok).toBe(false);
    expect(parseFormula(`${'('.repeat(5)}uv${')'.repeat(5)}`).ok).toBe(true);
    expect(parseFormula('-'.repeat(100) + 'uv').ok).toBe(false);
    expect(parseFormula(`${'('.repeat(100_000)}`)).toMatchObject({ ok: false, error: expect.stringContaining('500') });
    expect(parseFormula(Array(150).fill('uv').join('+'))).toMatchObject({ ok: false, error: expect.stringContaining('tokens') });
    expect(parseFormula(Array(40).fill('uv').join('+')).ok).toBe(true);
  });
});

describe('formula evaluation', () => {
  it('computes derived indicators', () => {
    expect(evaluate(parsed('cartByrCnt / uv'), ctx({ cartByrCnt: 30, uv: 1000 }))).toBeCloseTo(0.03);
    expect(evaluate(parsed('-(payAmt - 100) * 2'), ctx({ payAmt: 150 }))).toBe(-100);
    expect(evaluate(parsed('0.4 * payRate / avg7(payRate) + 0.6'), ctx({ payRate: 0.04 }, 0.02))).toBeCloseTo(1.4);
  });

  it('gives no value (null) for division by zero and missing inputs — never 0 or Infinity', () => {
    expect(evaluate(parsed('cartByrCnt / uv'), ctx({ cartByrCnt: 30, uv: 0 }))).toBeNull();
    expect(evaluate(parsed('cartByrCnt / uv'), ctx({ cartByrCnt: 30 }))).toBeNull();
    expect(evaluate(parsed('uv * 0 + 1'), ctx({}))).toBeNull();
    expect(evaluate(parsed('payRate / avg7(payRate)'), ctx({ payRate: 0.1 }, null))).toBeNull();
    expect(evaluate(parsed('uv / (payByrCnt - payByrCnt)'), ctx({ uv: 1, payByrCnt: 5 }))).toBeNull();
    expect(evaluate(parsed('uv * uv * uv * uv'), ctx({ uv: 1e100 }))).toBeNull(); // overflow is not a figure
    expect(evaluate(parsed('0 / uv'), ctx({ uv: 5 }))).toBe(0);
  });

  it('evaluates per day with avg7 over the 7 days ending each day, skipping missing days', () => {
    const uv = [10, 20, null, 40, 50, 60, 70, 80];
    const daily = evaluateDaily(parsed('uv / avg7(uv)'), uv.length, (code) => (code === 'uv' ? uv : []));
    expect(daily[0]).toBe(1);
    expect(daily[1]).toBeCloseTo(20 / 15);
    expect(daily[2]).toBeNull();
    // Day 7 averages days 1..7: 20, 40, 50, 60, 70, 80 (day 2 missing).
    expect(daily[7]).toBeCloseTo(80 / ((20 + 40 + 50 + 60 + 70 + 80) / 6));
    expect(evaluateDaily(parsed('avg7(avg7(uv))'), 2, () => [2, 4])).toEqual([2, 2.5]);
  });
});
