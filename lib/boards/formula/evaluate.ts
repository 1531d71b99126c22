/**
 * Evaluates a parsed formula over figures. "No value" is null and it spreads: a missing input,
 * a division by zero or a result that is not a finite number gives null — never 0 or Infinity,
 * which would chart as a real figure (a fake "sales 0" or an off-scale spike).
 */
import type { Formula } from './ast';

export interface FormulaContext {
  /** The figure of a metric code here (a day, or aggregated over a range), or null. */
  metric: (code: string) => number | null;
  /**
   * avg7(x): the mean of x over the 7 days ending here, days without a value left out;
   * null when no day has one. Contexts that cannot look back return null.
   */
  avg7: (arg: Formula) => number | null;
}

const finite = (v: number): number | null => (Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null);

export function evaluate(f: Formula, ctx: FormulaContext): number | null {
  switch (f.kind) {
    case 'num':
      return finite(f.value);
    case 'metric':
      return ctx.metric(f.code);
    case 'neg': {
      const v = evaluate(f.arg, ctx);
      return v === null ? null : finite(-v);
    }
    case 'call':
      return ctx.avg7(f.arg);
    case 'bin': {
      const a = evaluate(f.left, ctx);
      if (a === null) return null;
      const b = evaluate(f.right, ctx);
      if (b === null) return null;
      switch (f.op) {
        case '+':
          return finite(a + b);
        case '-':
          return finite(a - b);
        case '*':
          return finite(a * b);
        case '/':
          return b === 0 ? null : finite(a / b);
      }
    }
  }
}

/**
 * A formula per day over aligned daily figures: `values(code)` gives the metric's daily values
 * (null for missing days) for `length` days. avg7 at day i averages days i-6..i.
 */
export function evaluateDaily(f: Formula, length: number, values: (code: string) => readonly (number | null)[]): (number | null)[] {
  const memo = new Map<Formula, (number | null)[]>();
  const at = (g: Formula, i: number): number | null => {
    let col = memo.get(g);
    if (!col) {
      col = new Array<number | null>(length);
      for (let k = 0; k < length; k++) col[k] = evaluate(g, dayContext(k));
      memo.set(g, col);
    }
    return col[i] ?? null;
  };
  const dayContext = (i: number): FormulaContext => ({
    metric: (code) => values(code)[i] ?? null,
    avg7: (arg) => {
      let sum = 0;
      let n = 0;
      for (let k = Math.max(0, i - 6); k <= i; k++) {
        const v = at(arg, k);
        if (v !== null) {
          sum += v;
          n++;
        }
      }
      return n > 0 ? finite(sum / n) : null;
    },
  });
  const out: (number | null)[] = [];
  for (let i = 0; i < length; i++) out.push(evaluate(f, dayContext(i)));
  return out;
}
