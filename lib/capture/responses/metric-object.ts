/**
 * Figures from one object of a response whose keys are metric codes
 * (`{"payAmt": {"value": 128456.78, "cycleCrc": 0.12}, ...}`). Keys that are not dictionary
 * codes are ignored; values are already canonical (rates are fractions in responses).
 */
import { isPlausible, metricByCode } from '../../metrics/dictionary';
import type { DateContext } from '../dates';
import { parseResponseValue } from '../numbers';
import type { Figure } from '../types';

export function figuresFromMetricObject(
  obj: Record<string, unknown>,
  when: Extract<DateContext, { ok: true }>,
  itemId: string | null,
  warnings: string[],
  where: string,
): Figure[] {
  const out: Figure[] = [];
  for (const [key, raw] of Object.entries(obj)) {
    const def = metricByCode(key);
    if (!def) continue;
    const value = parseResponseValue(raw, def.unit);
    if (value === null) {
      if (raw !== null && raw !== undefined && !(typeof raw === 'object' && (raw as { value?: unknown }).value == null)) {
        warnings.push(`${where} ${key}${itemId ? ` item ${itemId}` : ''}: unexpected value, skipped`);
      }
      continue;
    }
    if (!isPlausible(def, value)) {
      warnings.push(`${where} ${key}${itemId ? ` item ${itemId}` : ''}: implausible value ${value}, skipped`);
      continue;
    }
    out.push({ metric: def.code, value, date: when.date, period: when.period, itemId, source: 'response' });
  }
  return out;
}
