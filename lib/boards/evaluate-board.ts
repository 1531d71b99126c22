/**
 * A board's figures over the dashboard's date range: each item's value for the range (metrics
 * summed or recomputed as ratios, formulas evaluated over those range figures, avg7 over the
 * last 7 days of the range), its daily series, and where it stands against its lines.
 */
import { aggregate } from '../dashboard/aggregate';
import type { DayIndex } from '../dashboard/day-index';
import { evaluate, evaluateDaily, parseFormula, type Formula } from './formula';
import type { BoardItem } from './model';

export type LineStatus = 'good' | 'ok' | 'warning' | 'none';

export interface BoardItemFigures {
  item: BoardItem;
  value: number | null;
  daily: (number | null)[];
  status: LineStatus;
  error: string | null;
}

function formulaOf(item: BoardItem): { formula: Formula | null; error: string | null } {
  if (item.source.kind === 'metric') return { formula: { kind: 'metric', code: item.source.metric }, error: null };
  const p = parseFormula(item.source.formula);
  return p.ok ? { formula: p.formula, error: null } : { formula: null, error: p.error };
}

/** Good when the target is met, warning when the warning line is crossed to the bad side. */
export function lineStatus(value: number | null, item: Pick<BoardItem, 'target' | 'warning' | 'higherIsBetter'>): LineStatus {
  if (value === null || (item.target === null && item.warning === null)) return 'none';
  const better = (a: number, b: number): boolean => (item.higherIsBetter ? a >= b : a <= b);
  if (item.warning !== null && !better(value, item.warning) && value !== item.warning) return 'warning';
  if (item.target !== null) return better(value, item.target) ? 'good' : 'ok';
  return 'ok';
}

export function evaluateBoardItem(item: BoardItem, index: DayIndex, itemKey: string, days: readonly string[]): BoardItemFigures {
  const { formula, error } = formulaOf(item);
  if (!formula) return { item, value: null, daily: days.map(() => null), status: 'none', error };
  const cache = new Map<string, (number | null)[]>();
  const values = (code: string): (number | null)[] => {
    let v = cache.get(code);
    if (!v) cache.set(code, (v = index.series(code, itemKey, days)));
    return v;
  };
  const daily = evaluateDaily(formula, days.length, values);
  const last7 = days.slice(-7);
  const value = evaluate(formula, {
    metric: (code) => aggregate(index, code, itemKey, days).value,
    avg7: (arg) => {
      const col = evaluateDaily(arg, days.length, values).slice(-last7.length).filter((v): v is number => v !== null);
      return col.length > 0 ? col.reduce((a, b) => a + b, 0) / col.length : null;
    },
  });
  return { item, value, daily, status: lineStatus(value, item), error: null };
}
