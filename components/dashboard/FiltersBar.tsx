import { addDays } from '@/lib/domain/dates';
import { labelFrom, type ItemNames } from '@/lib/items/label';
import type { Filters } from './use-dashboard-data';

const QUICK: [number, string][] = [
  [7, '近7天'],
  [30, '近30天'],
  [90, '近90天'],
  [365, '近1年'],
];

/** Date range and item filters. */
export function FiltersBar({
  filters,
  items,
  names = {},
  lastDay,
  onChange,
}: {
  filters: Filters;
  items: readonly string[];
  /** itemId → title (the item catalog): options read "title (ID)". */
  names?: ItemNames;
  lastDay: string | null;
  onChange: (f: Filters) => void;
}): React.JSX.Element {
  const end = lastDay ?? filters.to;
  return (
    <div className="filters no-print" role="group" aria-label="筛选 Filters">
      <label className="inline">
        从 From <input type="date" name="from" value={filters.from} max={filters.to} onChange={(e) => e.target.value && onChange({ ...filters, from: e.target.value })} />
      </label>
      <label className="inline">
        到 To <input type="date" name="to" value={filters.to} min={filters.from} onChange={(e) => e.target.value && onChange({ ...filters, to: e.target.value })} />
      </label>
      {QUICK.map(([n, label]) => (
        <button key={n} type="button" className="small" onClick={() => onChange({ ...filters, from: addDays(end, -(n - 1)), to: end })}>
          {label}
        </button>
      ))}
      <label className="inline">
        商品 Item
        <select name="item" value={filters.itemId ?? ''} onChange={(e) => onChange({ ...filters, itemId: e.target.value || null })}>
          <option value="">全店 Whole shop</option>
          {items.map((id) => (
            <option key={id} value={id}>
              {labelFrom(names, id)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
