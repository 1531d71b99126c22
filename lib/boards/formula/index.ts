export { FUNCTIONS, formulaText, metricsOf, type Formula, type FormulaFn } from './ast';
export { evaluate, evaluateDaily, type FormulaContext } from './evaluate';
export { MAX_DEPTH, MAX_FORMULA_LENGTH, MAX_TOKENS, parseFormula, type ParseResult } from './parse';
