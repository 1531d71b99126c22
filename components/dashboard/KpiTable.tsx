import { formatChange, formatMetric, metricLabel } from '@/lib/dashboard/format';
import type { Report } from '@/lib/dashboard/report';

const RANGE = (r: { from: string; to: string }): string => (r.from === r.to ? r.from : `${r.from} ~ ${r.to}`);

/** 日报 / 周报 figures: this period, the comparison period and the change. */
export function KpiTable({ report }: { report: Report }): React.JSX.Element {
  const title = report.kind === 'daily' ? '日报 Daily report' : '周报 Weekly report';
  return (
    <section className="panel kpi" data-report={report.kind}>
      <h3>
        {title} · {RANGE(report.current)} <span className="muted">对比 vs {RANGE(report.previous)}</span>
      </h3>
      <table className="figures">
        <thead>
          <tr>
            <th>指标 Metric</th>
            <th>本期 Current</th>
            <th>对比期 Previous</th>
            <th>变化 Change</th>
          </tr>
        </thead>
        <tbody>
          {report.cards.map((c) => (
            <tr key={c.metric} data-metric={c.metric}>
              <td>{metricLabel(c.metric)}</td>
              <td className="num">
                {formatMetric(c.metric, c.value)}
                {c.provisional && <span className="prov" title="数据未定，仍可能变化 Not final yet">未定</span>}
              </td>
              <td className="num">{formatMetric(c.metric, c.previous)}</td>
              <td className={`num ${c.change === null ? '' : c.change >= 0 ? 'up' : 'down'}`}>{formatChange(c.change)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
