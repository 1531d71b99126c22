import { labelFrom } from '@/lib/items/label';
import { formatValue } from '@/lib/rules/metrics';
import type { PreviewReply } from '@/lib/rules/messages';

/** "这条规则在过去会在这些日期对这些商品触发": the rule replayed over stored history before saving. */
export function RulePreviewList({ reply, metric, loading }: { reply: PreviewReply | null; metric: string | null; loading: boolean }): React.JSX.Element {
  if (!reply) return <p className="muted small">{loading ? '正在回放历史… Replaying history…' : ''}</p>;
  const p = reply.preview;
  if (!p) return <p className="muted small">规则填写完整后显示历史回放 Preview appears once the rule is complete</p>;
  if (!p.supported) return <p className="muted small">任务类规则无法回放历史 Task rules cannot be replayed over history</p>;
  const range = `${reply.from.slice(5)}~${reply.to.slice(5)}`;
  if (p.hits.length === 0) return <p className="preview-none small" data-testid="rule-preview">过去（{range}）这条规则不会触发 · Would not have fired in {range}</p>;
  const fmt = (v: number): string => (metric ? formatValue(metric, v) : String(v));
  const shown = p.hits.slice(-30).reverse();
  return (
    <div className="preview" data-testid="rule-preview">
      <p className="small">
        这条规则在过去（{range}）会在 <strong>{p.days.length}</strong> 天对 <strong>{p.items.length}</strong> 个{p.items.includes(null) && p.items.length === 1 ? '范围（全店）' : '商品'}触发
        <span className="muted"> · would have fired on {p.days.length} day(s) for {p.items.length} scope(s)</span>
      </p>
      <ul className="hits">
        {shown.map((h) => (
          <li key={`${h.date}|${h.itemId ?? ''}`}>
            <span className="date">{h.date.slice(5)}</span> {h.itemId ? `商品 ${labelFrom(reply.itemNames, h.itemId)}` : '全店'} · {fmt(h.observed)}（线 {fmt(h.line)}）{h.provisional ? <span className="tag">未定</span> : null}
          </li>
        ))}
      </ul>
      {p.hits.length > shown.length && <p className="muted small">另有 {p.hits.length - shown.length} 次 · {p.hits.length - shown.length} more</p>}
    </div>
  );
}
