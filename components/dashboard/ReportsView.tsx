import { useMemo, useState } from 'react';
import { dailyChart, funnelChart, leaderboardChart, refundChart, trendChart } from '@/lib/dashboard/charts';
import { SHOP, type DayIndex } from '@/lib/dashboard/day-index';
import { dayList, type ComparePeriod } from '@/lib/dashboard/days';
import { formatChange, formatMetric, formatValue, metricLabel } from '@/lib/dashboard/format';
import { dailyReport, funnel, leaderboard, LEADERBOARD_METRICS, REPORT_METRICS, refundWatch, trendComparison, visibleMetrics, weeklyReport } from '@/lib/dashboard/report';
import { labeller, labelFrom, type ItemNames } from '@/lib/items/label';
import { anyConfig, ChartCanvas } from './ChartCanvas';
import { KpiTable } from './KpiTable';
import type { Filters } from './use-dashboard-data';

const TREND_METRICS = ['payAmt', 'uv', 'payByrCnt', 'payRate', 'cartByrCnt', 'itmUv', 'payItmCnt', 'payPct', 'pv', 'cltItmCnt', 'seGuideUv', 'stayTime', 'itemLossRate', 'p4pExpendAmt'];

export interface ReportsProps {
  index: DayIndex;
  filters: Filters;
  today: string;
  financeVisible: boolean;
  /** Rendered for printing: no controls, fixed choices. */
  print?: boolean;
  /** itemId → title (the item catalog): the leaderboard names items "title (ID)". */
  names?: ItemNames;
}

/** The daily/weekly report, trends with period comparison, funnel, leaderboard and refund watch. */
export function ReportsView({ index, filters, today, financeVisible, print = false, names }: ReportsProps): React.JSX.Element {
  const itemKey = filters.itemId ?? SHOP;
  const days = useMemo(() => dayList(filters), [filters]);
  const reportMetrics = useMemo(() => visibleMetrics(REPORT_METRICS, financeVisible), [financeVisible]);
  const trendMetrics = useMemo(() => visibleMetrics(TREND_METRICS, financeVisible), [financeVisible]);
  const [trendMetric, setTrendMetric] = useState(trendMetrics[0] ?? 'uv');
  const [period, setPeriod] = useState<ComparePeriod>('week');
  const boardMetrics = useMemo(() => visibleMetrics(LEADERBOARD_METRICS, financeVisible), [financeVisible]);
  const [sortBy, setSortBy] = useState(boardMetrics[0] ?? 'itmUv');

  const daily = useMemo(() => dailyReport(index, filters.to, itemKey, reportMetrics), [index, filters.to, itemKey, reportMetrics]);
  const weekly = useMemo(() => weeklyReport(index, filters.to, itemKey, reportMetrics), [index, filters.to, itemKey, reportMetrics]);
  const metric = trendMetrics.includes(trendMetric) ? trendMetric : (trendMetrics[0] ?? 'uv');
  const trend = useMemo(() => trendComparison(index, metric, itemKey, period, filters.to), [index, metric, itemKey, period, filters.to]);
  const trendCfg = useMemo(() => anyConfig(trendChart(trend)), [trend]);
  const rangeCfg = useMemo(() => anyConfig(dailyChart(days, [{ label: metricLabel(metric), values: index.series(metric, itemKey, days) }], metric)), [days, index, metric, itemKey]);
  const stages = useMemo(() => funnel(index, itemKey, days), [index, itemKey, days]);
  const funnelCfg = useMemo(() => anyConfig(funnelChart(stages)), [stages]);
  const sort = boardMetrics.includes(sortBy) ? sortBy : (boardMetrics[0] ?? 'itmUv');
  const leaders = useMemo(() => (filters.itemId ? [] : leaderboard(index, days, sort, boardMetrics)), [filters.itemId, index, days, sort, boardMetrics]);
  const leadersCfg = useMemo(() => anyConfig(leaderboardChart(leaders.slice(0, 10), sort, labeller(names, 20))), [leaders, sort, names]);
  const refunds = useMemo(() => refundWatch(index, itemKey, days, financeVisible, today), [index, itemKey, days, financeVisible, today]);
  const refundCfg = useMemo(() => anyConfig(refundChart(refunds, financeVisible)), [refunds, financeVisible]);
  const provisionalDays = refunds.filter((r) => r.provisional && (r.rate !== null || r.amount !== null)).length;
  const [cur, prev] = period === 'week' ? ['本周', '上周'] : ['本月', '上月'];

  return (
    <div className="reports">
      <div className="grid two">
        <KpiTable report={daily} />
        <KpiTable report={weekly} />
      </div>

      <section className="panel" aria-label="趋势 Trends">
        <h3>趋势对比 Trend comparison</h3>
        {!print && (
          <div className="row no-print">
            <select name="trendMetric" value={metric} onChange={(e) => setTrendMetric(e.target.value)}>
              {trendMetrics.map((m) => (
                <option key={m} value={m}>
                  {metricLabel(m)}
                </option>
              ))}
            </select>
            <button type="button" className={period === 'week' ? 'small active' : 'small'} onClick={() => setPeriod('week')}>
              本周 vs 上周
            </button>
            <button type="button" className={period === 'month' ? 'small active' : 'small'} onClick={() => setPeriod('month')}>
              本月 vs 上月
            </button>
          </div>
        )}
        <p className="small" data-trend-total>
          {cur} {formatMetric(metric, trend.currentTotal)} · {prev}同期 {formatMetric(metric, trend.previousTotal)} · 变化 {formatChange(trend.change)}
        </p>
        <div className="grid two">
          <ChartCanvas config={trendCfg} name={`trend-${period}`} label={`${metricLabel(metric)}：${cur} vs ${prev}`} />
          <ChartCanvas config={rangeCfg} name="range" label={`${metricLabel(metric)}：${filters.from} ~ ${filters.to}`} />
        </div>
      </section>

      <div className="grid two">
        <section className="panel" aria-label="转化漏斗 Funnel">
          <h3>转化漏斗 Funnel · 访客 → 加购 → 支付</h3>
          <ChartCanvas config={funnelCfg} height={160} name="funnel" label="转化漏斗 访客 → 加购 → 支付 funnel" />
          <table className="figures">
            <tbody>
              {stages.map((s) => (
                <tr key={s.metric}>
                  <td>{s.label}</td>
                  <td className="num">{formatValue(s.value, 'count')}</td>
                  <td className="num muted">{s.stepRate === null ? '' : `环节转化 ${formatValue(s.stepRate, 'rate')}`}</td>
                  <td className="num muted">{s.overallRate === null ? '' : `总转化 ${formatValue(s.overallRate, 'rate')}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="panel" aria-label="退款监控 Refund watch">
          <h3>退款监控 Refund watch</h3>
          <ChartCanvas config={refundCfg} height={200} name="refunds" label="退款率与退款金额 refund rate and amount" />
          <p className="small muted">
            退款数据约 14 天后才稳定，浅色/虚线为未定数据{provisionalDays > 0 ? `（${provisionalDays} 天）` : ''}。 Refund figures settle over ~14 days; light/dashed marks days not final yet.
          </p>
        </section>
      </div>

      {!filters.itemId && (
        <section className="panel" aria-label="商品排行 Item leaderboard">
          <h3>商品排行 Item leaderboard</h3>
          {leaders.length === 0 ? (
            <p className="empty">这段时间还没有商品级数据：打开生意参谋的“商品排行”页采集，或导入商品排行导出文件。 No item figures in this range yet.</p>
          ) : (
            <>
              {!print && (
                <div className="row no-print">
                  排序 Sort by
                  <select name="sortBy" value={sort} onChange={(e) => setSortBy(e.target.value)}>
                    {boardMetrics.map((m) => (
                      <option key={m} value={m}>
                        {metricLabel(m)}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <div className="grid two">
                <table className="figures leaders">
                  <thead>
                    <tr>
                      <th>#</th>
                      <th>商品 Item</th>
                      {boardMetrics.map((m) => (
                        <th key={m} className={m === sort ? 'sorted' : ''}>
                          {metricLabel(m).split(' ')[0]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {leaders.map((r, i) => (
                      <tr key={r.itemId} data-item={r.itemId}>
                        <td>{i + 1}</td>
                        <td className="item-name">{labelFrom(names, r.itemId)}</td>
                        {boardMetrics.map((m) => (
                          <td key={m} className="num">
                            {formatMetric(m, r.values[m] ?? null)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
                <ChartCanvas config={leadersCfg} height={Math.max(160, leaders.slice(0, 10).length * 26)} name="leaderboard" label={`商品排行 按 ${metricLabel(sort)}`} />
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
}
