import { formatValue } from '@/lib/rules/metrics';
import type { FiringRow } from '@/lib/rules/store';

function numbers(f: FiringRow): string | null {
  const e = f.evidence;
  if (e.kind !== 'metric' || typeof e.metric !== 'string') return null;
  const m = e.metric;
  const parts = [`实际 ${formatValue(m, Number(e.observed))}`, `线 ${formatValue(m, Number(e.line))}`];
  if (typeof e.target === 'number') parts.push(`目标 ${formatValue(m, e.target)}`);
  return parts.join(' · ');
}

/** What the rules did: each firing once, with the numbers that caused it and the task it created. */
export function FiringLog({ firings, go }: { firings: readonly FiringRow[]; go: (to: string) => void }): React.JSX.Element {
  if (firings.length === 0) return <p className="empty">还没有规则触发 · No rule has fired yet</p>;
  return (
    <ul className="firings" data-testid="firing-log">
      {firings.map((f) => (
        <li key={f.key} className="card">
          <div className="title">
            <strong>{f.ruleName}</strong> {f.provisional && <span className="tag" title="数据尚未确定 Figures not final">未定 provisional</span>}
          </div>
          <div>{f.messageZh}</div>
          {numbers(f) && <div className="meta">{numbers(f)}</div>}
          {f.suggestion && <div className="suggestion small">{f.suggestion.zh}</div>}
          <div className="meta">
            <span>{new Date(f.at).toLocaleString('zh-CN', { hour12: false })}</span>
            {f.taskId && (
              <a href={`#/task?id=${encodeURIComponent(f.taskId)}`} onClick={(e) => { e.preventDefault(); go(`task?id=${encodeURIComponent(f.taskId!)}`); }}>
                查看任务 Task
              </a>
            )}
            {f.taskError && <span className="error">任务未创建：{f.taskError}</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}
