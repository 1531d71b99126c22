import { useState } from 'react';
import type { RetroContext } from '@/lib/collab/retro';
import { METRIC_LABELS } from '@/lib/collab/timeline';
import { labeller, labelFrom, type ItemNames } from '@/lib/items/label';
import { call } from '@/lib/messaging/client';
import type { WorkspaceState } from '@/lib/workspace/types';
import { useItemNames } from '../shared/use-item-names';
import { useRemote } from '../shared/use-remote';
import { BeforeAfterTable } from './BeforeAfterTable';
import './collab.css';

/** The data part of the lesson, written down with it so the template carries the evidence. */
function summaryOf(c: RetroContext, names: ItemNames = {}): string {
  const lines: string[] = [];
  const label = labeller(names);
  for (const it of c.items) {
    for (const k of it.kpis) {
      const name = METRIC_LABELS[k.metric] ?? k.metric;
      lines.push(k.status === 'ok' ? `- 商品 ${label(it.itemId)} ${name}: ${k.before.mean?.toFixed(2)} → ${k.after.mean?.toFixed(2)}${k.deltaRatio !== null ? ` (${(k.deltaRatio * 100).toFixed(1)}%)` : ''}` : `- 商品 ${label(it.itemId)} ${name}: 数据不足`);
    }
  }
  for (const v of c.imageVersions) lines.push(`- 主图 商品 ${label(v.itemId)} 主图${v.slot + 1} v${v.version}${v.note ? ` ${v.note}` : ''}`);
  for (const p of c.priceChanges) lines.push(`- 改价 商品 ${label(p.itemId)} ${p.skuLabel || p.skuId || ''}: ${p.oldPrice ?? '—'} → ${p.newPrice}`);
  return lines.join('\n').slice(0, 8000);
}

function windowDays(k: { after: { from: string; to: string } } | undefined): number {
  return k ? Math.round((Date.parse(k.after.to) - Date.parse(k.after.from)) / 86_400_000) + 1 : 0;
}

/** 复盘 of a closed project: KPI deltas, the changes made, what worked; optionally saved as a template. */
export function RetroView({ state, projectId }: { state: WorkspaceState; projectId: string | null }): React.JSX.Element {
  const ctx = useRemote<RetroContext>(projectId ? { type: 'retro.context', projectId } : null, [projectId]);
  const project = state.projects.find((p) => p.id === projectId);
  const [worked, setWorked] = useState('');
  const [improve, setImprove] = useState('');
  const [asTemplate, setAsTemplate] = useState(true);
  const [templateName, setTemplateName] = useState(project ? `${project.name}（带复盘）` : '');
  const [msg, setMsg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const names = useItemNames(ctx.data ? [...ctx.data.items.map((i) => i.itemId), ...ctx.data.imageVersions.map((v) => v.itemId), ...ctx.data.priceChanges.map((p) => p.itemId)] : []);
  if (!project) return <p className="empty page">项目不存在 / unknown project</p>;
  const c = ctx.data;
  return (
    <div className="page retro">
      <h3>复盘 Review · {project.name}</h3>
      {project.status !== 'closed' && <div className="warn">项目还没有结束：把项目状态改为「已结束」后再保存复盘。</div>}
      {ctx.error && <div className="error">{ctx.error}</div>}
      {c && (
        <>
          <p className="muted small">
            {c.from} ~ {c.to}：项目期间对比开始前同样天数 · the project's days against as many days before it
          </p>
          {c.items.length === 0 && <p className="empty">项目的任务没有关联商品。</p>}
          {c.items.map((it) => (
            <section key={it.itemId}>
              <h4>
                商品 <a href={`#/item?id=${it.itemId}`}>{labelFrom(names, it.itemId)}</a>
              </h4>
              <BeforeAfterTable rows={it.kpis} days={windowDays(it.kpis[0])} />
            </section>
          ))}
          <h4>变更 Changes</h4>
          <ul className="changes">
            {c.imageVersions.map((v) => (
              <li key={v.id}>主图 {v.itemId} 主图{v.slot + 1} v{v.version} {v.note}</li>
            ))}
            {c.priceChanges.map((p) => (
              <li key={p.id}>
                改价 {p.itemId} {p.skuLabel || p.skuId}: {p.oldPrice ?? '—'} → {p.newPrice}
              </li>
            ))}
          </ul>
          <form
            className="create"
            onSubmit={async (e) => {
              e.preventDefault();
              setError(null);
              try {
                const r = await call<{ templateId: string | null }>({ type: 'retro.save', projectId: project.id, worked, improve, summary: summaryOf(c, names), templateName: asTemplate ? templateName : null });
                setMsg(r.templateId ? '复盘已保存，并已另存为模板。 Saved, and saved as a template.' : '复盘已保存。 Saved.');
              } catch (err) {
                setError(err instanceof Error ? err.message : String(err));
              }
            }}
          >
            <label className="small">
              做对了什么 What worked
              <textarea name="worked" rows={3} value={worked} onChange={(e) => setWorked(e.target.value)} />
            </label>
            <label className="small">
              下次改进 Next time
              <textarea name="improve" rows={3} value={improve} onChange={(e) => setImprove(e.target.value)} />
            </label>
            <label className="small">
              <input type="checkbox" checked={asTemplate} onChange={(e) => setAsTemplate(e.target.checked)} /> 另存为模板（带上这次的经验）Save as a template carrying this lesson
            </label>
            {asTemplate && <input name="templateName" value={templateName} onChange={(e) => setTemplateName(e.target.value)} />}
            <button type="submit" className="primary small" disabled={project.status !== 'closed'}>
              保存复盘 Save review
            </button>
            {msg && <p className="small">{msg}</p>}
            {error && <div className="error">{error}</div>}
          </form>
        </>
      )}
    </div>
  );
}
