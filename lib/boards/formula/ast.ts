/** A parsed formula: numbers, metric codes, + - * /, unary minus and avg7(…). */
export type Formula =
  | { kind: 'num'; value: number }
  | { kind: 'metric'; code: string }
  | { kind: 'neg'; arg: Formula }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Formula; right: Formula }
  | { kind: 'call'; fn: FormulaFn; arg: Formula };

/** Functions a formula may call; anything else is a parse error. */
export const FUNCTIONS = ['avg7'] as const;
export type FormulaFn = (typeof FUNCTIONS)[number];

/** Metric codes a formula reads (each once, in first-use order). */
export function metricsOf(f: Formula, out: string[] = []): string[] {
  switch (f.kind) {
    case 'metric':
      if (!out.includes(f.code)) out.push(f.code);
      break;
    case 'neg':
    case 'call':
      metricsOf(f.arg, out);
      break;
    case 'bin':
      metricsOf(f.left, out);
      metricsOf(f.right, out);
      break;
  }
  return out;
}

/** Canonical text of a formula (fully parenthesised binary operations). */
export function formulaText(f: Formula): string {
  switch (f.kind) {
    case 'num':
      return String(f.value);
    case 'metric':
      return f.code;
    case 'neg':
      return `-${formulaText(f.arg)}`;
    case 'call':
      return `${f.fn}(${formulaText(f.arg)})`;
    case 'bin':
      return `(${formulaText(f.left)} ${f.op} ${formulaText(f.right)})`;
  }
}
