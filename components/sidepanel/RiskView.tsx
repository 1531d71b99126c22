import { labelFrom } from '@/lib/items/label';
import type { RiskReport } from '@/lib/rules/insights';
import '../rules/rules.css';
import { RiskChart } from '../rules/RiskChart';
import { useRemote } from '../shared/use-remote';

/** 洞察 Insights: risk cards over the stored figures (shop metrics and top items), each with its evidence chart. */
export function RiskView(): React.JSX.Element {
  const r = useRemote<RiskReport>({ type: 'rules.risks' }, []);
  if (r.error) return <p className="error page">{r.error}</p>;
  if (!r.data) return <p className="muted page">加载中… Loading…</p>;
  const d = r.data;
  return (
    <div className="page insights" data-testid="risk-view">
      <p className="muted small">
        根据已采集的每日数据预测未来3天，并与往常同一天（周几）比较。Forecasts the next 3 days from the captured daily figures and compares the latest day with the same weekday in earlier weeks.
      </p>
      {d.days < d.minDays && d.cards.length === 0 ? (
        <p className="empty" data-testid="risk-empty">
          需要至少 {d.minDays} 天数据（目前 {d.days} 天）；与往常周几比较需要约 {d.anomalyDays} 天。打开生意参谋页面即可采集。 Needs at least {d.minDays} days of figures (now {d.days}); weekday comparisons need about {d.anomalyDays}.
        </p>
      ) : d.cards.length === 0 ? (
        <p className="empty">暂无风险：各项指标都在通常范围内。 No risks: every figure is within its usual range.</p>
      ) : (
        d.cards.map((c) => (
          <section key={c.id} className={`risk-card ${c.severity}`} data-card={c.id}>
            <div className="title">
              <strong>{c.titleZh}</strong>
              {c.itemId && <span className="muted item-name"> · 商品 {labelFrom(d.itemNames, c.itemId)}</span>} {c.provisional && <span className="tag">数据未定</span>}
            </div>
            <div className="muted small">{c.titleEn}</div>
            <div className="small">{c.detailZh}</div>
            <RiskChart chart={c.chart} metric={c.metric} />
          </section>
        ))
      )}
      {d.hiddenFinance > 0 && <p className="muted small">另有 {d.hiddenFinance} 张资金类卡片仅对店主/运营可见。 {d.hiddenFinance} money card(s) are shown to finance roles only.</p>}
    </div>
  );
}
