/**
 * The formula language of custom boards, parsed by hand and never evaluated as code: numbers,
 * metric codes from the dictionary, + - * /, parentheses, unary minus and avg7(x). Anything
 * else — unknown names (`constructor`, `__proto__`), calls (`alert(1)`), strings, brackets,
 * property access — is a parse error with its position. Length, token count and nesting depth
 * are bounded so a hostile formula cannot exhaust the stack or the CPU.
 *
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := '-' unary | primary
 *   primary := number | metric | fn '(' expr ')' | '(' expr ')'
 */
import { metricByCode } from '../../metrics/dictionary';
import { FUNCTIONS, type Formula, type FormulaFn } from './ast';

export const MAX_FORMULA_LENGTH = 500;
export const MAX_TOKENS = 200;
export const MAX_DEPTH = 24;

type Token =
  | { t: 'num'; value: number; at: number }
  | { t: 'name'; name: string; at: number }
  | { t: 'op'; op: '+' | '-' | '*' | '/' | '(' | ')'; at: number }
  | { t: 'end'; at: number };

export type ParseResult = { ok: true; formula: Formula } | { ok: false; error: string; at: number };

class FormulaError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const FN_SET: ReadonlySet<string> = new Set(FUNCTIONS);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u3000') {
      i++;
      continue;
    }
    const num = /^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i, i + 40));
    if (num) {
      const value = Number(num[0]);
      if (!Number.isFinite(value)) throw new FormulaError(`数字过大 / number out of range: ${num[0]}`, i);
      out.push({ t: 'num', value, at: i });
      i += num[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 64))![0];
      out.push({ t: 'name', name, at: i });
      i += name.length;
    } else if ('+-*/()'.includes(c)) {
      out.push({ t: 'op', op: c as '+', at: i });
      i++;
    } else if (c === '（' || c === '）') {
      out.push({ t: 'op', op: c === '（' ? '(' : ')', at: i }); // full-width parentheses typed with a Chinese IME
      i++;
    } else {
      throw new FormulaError(`不允许的字符 / character not allowed: “${c}”`, i);
    }
    if (out.length > MAX_TOKENS) throw new FormulaError(`公式过长 / formula too long (more than ${MAX_TOKENS} tokens)`, i);
  }
  out.push({ t: 'end', at: src.length });
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.op === op;
  }

  parseAll(): Formula {
    const f = this.expr(0);
    const t = this.peek();
    if (t.t !== 'end') throw new FormulaError(`多余的内容 / unexpected ${describe(t)}`, t.at);
    return f;
  }

  private guard(depth: number): void {
    if (depth > MAX_DEPTH) throw new FormulaError(`嵌套过深 / nested more than ${MAX_DEPTH} levels`, this.peek().at);
  }

  private expr(depth: number): Formula {
    this.guard(depth);
    let left = this.term(depth + 1);
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.next() as { op: '+' | '-' }).op;
      left = { kind: 'bin', op, left, right: this.term(depth + 1) };
    }
    return left;
  }

  private term(depth: number): Formula {
    this.guard(depth);
    let left = this.unary(depth + 1);
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.next() as { op: '*' | '/' }).op;
      left = { kind: 'bin', op, left, right: this.unary(depth + 1) };
    }
    return left;
  }

  private unary(depth: number): Formula {
    this.guard(depth);
    if (this.isOp('-')) {
      this.next();
      return { kind: 'neg', arg: this.unary(depth + 1) };
    }
    return this.primary(depth + 1);
  }

  private primary(depth: number): Formula {
    this.guard(depth);
    const t = this.next();
    if (t.t === 'num') return { kind: 'num', value: t.value };
    if (t.t === 'op' && t.op === '(') {
      const inner = this.expr(depth + 1);
      this.expect(')');
      return inner;
    }
    if (t.t === 'name') {
      if (this.isOp('(')) {
        if (!FN_SET.has(t.name)) throw new FormulaError(`未知函数 / unknown function: ${t.name}（可用 / allowed: ${FUNCTIONS.join(', ')}）`, t.at);
        this.next();
        const arg = this.expr(depth + 1);
        this.expect(')');
        return { kind: 'call', fn: t.name as FormulaFn, arg };
      }
      // Map lookup on the dictionary: `constructor`, `__proto__`, `toString` are just unknown names.
      if (!metricByCode(t.name)) throw new FormulaError(`未知指标 / unknown metric: ${t.name}`, t.at);
      return { kind: 'metric', code: t.name };
    }
    throw new FormulaError(`此处需要数字、指标或括号 / expected a number, a metric or “(”, found ${describe(t)}`, t.at);
  }

  private expect(op: ')'): void {
    const t = this.next();
    if (t.t !== 'op' || t.op !== op) throw new FormulaError(`缺少“${op}” / expected “${op}”, found ${describe(t)}`, t.at);
  }
}

function describe(t: Token): string {
  switch (t.t) {
    case 'num':
      return String(t.value);
    case 'name':
      return t.name;
    case 'op':
      return `“${t.op}”`;
    case 'end':
      return '公式结尾 / end of formula';
  }
}

/** Parses a formula; never throws. */
export function parseFormula(src: string): ParseResult {
  if (typeof src !== 'string' || src.trim() === '') return { ok: false, error: '公式为空 / empty formula', at: 0 };
  if (src.length > MAX_FORMULA_LENGTH) return { ok: false, error: `公式过长 / longer than ${MAX_FORMULA_LENGTH} characters`, at: MAX_FORMULA_LENGTH };
  try {
    return { ok: true, formula: new Parser(tokenize(src)).parseAll() };
  } catch (e) {
    if (e instanceof FormulaError) return { ok: false, error: e.message, at: e.at };
    return { ok: false, error: `无法解析 / cannot parse: ${e instanceof Error ? e.message : String(e)}`, at: 0 };
  }
}
