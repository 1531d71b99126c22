import type { MetricComparison } from '@/lib/collab/before-after';
import { METRIC_LABELS } from '@/lib/collab/timeline';

function fmt(metric: string, v: number | null): string {
  if (v === null) return '—';
  if (metric === 'payRate') return `${(v * 100).toFixed(2)}%`;
  if (metric === 'payAmt') return `¥${v.toFixed(0)}`;
  return v.toFixed(v >= 100 ? 0 : 1);
}

/** Before/after means of the item's KPIs around one change, with the days of data on each side. */
export function BeforeAfterTable({ rows, days }: { rows: readonly MetricComparison[]; days: number }): React.JSX.Element {
  return (
    <table className="ba">
      <thead>
        <tr>
          <th>指标 Metric</th>
          <th>前 {days} 天 Before</th>
          <th>后 {days} 天 After</th>
          <th>变化 Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.metric} data-metric={r.metric}>
            <td>{METRIC_LABELS[r.metric] ?? r.metric}</td>
            <td>
              {fmt(r.metric, r.before.mean)} <span className="muted">({r.before.days}天)</span>
            </td>
            <td>
              {fmt(r.metric, r.after.mean)} <span className="muted">({r.after.days}天)</span>
            </td>
            <td>
              {r.status === 'insufficient' ? (
                <span className="muted">数据不足 not enough data</span>
              ) : (
                <span className={r.delta >= 0 ? 'up' : 'down'}>
                  {r.delta >= 0 ? '+' : ''}
                  {fmt(r.metric, r.delta)}
                  {r.deltaRatio !== null ? ` (${r.deltaRatio >= 0 ? '+' : ''}${(r.deltaRatio * 100).toFixed(1)}%)` : ''}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
