import { useMemo, useState } from 'react';
import { beforeAfter, type DailyValue } from '@/lib/collab/before-after';
import type { ImageVersion, PriceChange } from '@/lib/collab/model';
import { buildTimeline } from '@/lib/collab/timeline';
import { timelineChartConfig } from '@/lib/collab/timeline-chart';
import { canSeeFinance, type Task } from '@/lib/domain';
import { localToday } from '@/lib/domain/dates';
import { labelFrom } from '@/lib/items/label';
import type { WorkspaceState } from '@/lib/workspace/types';
import { memberName } from '../shared/format';
import { useRemote } from '../shared/use-remote';
import { BeforeAfterTable } from './BeforeAfterTable';
import { TimelineChart } from './TimelineChart';
import './collab.css';

interface TimelineData {
  itemId: string;
  tasks: Task[];
  imageVersions: ImageVersion[];
  priceChanges: PriceChange[];
  metrics: DailyValue[];
  canEditPricing: boolean;
}
type Change = { key: string; date: string; label: string; thumb: string | null; who: string | null };

const dayOf = (at: number): string => localToday(new Date(at));

/**
 * One item's timeline: its captured KPIs with its tasks, image versions and
 * price changes as markers on the same day axis, and a before/after table
 * for the change you pick (N days each side, 数据不足 when too few).
 */
export function ItemTimelineView({ state, itemId }: { state: WorkspaceState; itemId: string | null }): React.JSX.Element {
  const [input, setInput] = useState(itemId ?? '');
  const valid = itemId !== null && /^\d{5,20}$/.test(itemId);
  const data = useRemote<TimelineData>(valid ? { type: 'item.timeline', itemId } : null, [itemId]);
  const [selected, setSelected] = useState<string | null>(null);
  const [days, setDays] = useState(7);
  const me = state.members.find((m) => m.id === state.meId);
  const showMoney = me ? canSeeFinance(me.role) : false;
  const timeline = useMemo(() => (data.data ? buildTimeline({ ...data.data, dayOf }) : null), [data.data]);
  const config = useMemo(() => (timeline ? timelineChartConfig(timeline, { showMoney }) : null), [timeline, showMoney]);
  const catalog = useRemote<Array<{ itemId: string; title: string }>>({ type: 'items.list' }, []);
  const items = useMemo(() => [...new Set([...state.tasks.flatMap((t) => t.itemIds), ...(catalog.data ?? []).map((e) => e.itemId)])].sort(), [state.tasks, catalog.data]);
  const names = useMemo(() => Object.fromEntries((catalog.data ?? []).map((e) => [e.itemId, e.title])), [catalog.data]);
  const name = valid ? labelFrom(names, itemId) : null;

  const changes: Change[] = data.data
    ? [
        ...data.data.imageVersions.map((v) => ({
          key: `image:${v.id}`,
          date: dayOf(v.liveSince ?? v.at),
          label: `主图${v.slot + 1} v${v.version}${v.liveSince !== null ? ` 上线 live ${new Date(v.liveSince).toLocaleString('zh-CN')}` : ' 已记录，未上线 not live yet'}${v.liveUntil !== null ? ' · 已替换 replaced' : ''}${v.note ? ` · ${v.note}` : ''}`,
          thumb: v.imageUrl,
          who: v.createdBy,
        })),
        ...data.data.priceChanges.map((p) => ({
          key: `price:${p.id}`,
          date: dayOf(p.at),
          label: `改价 ${p.skuLabel || p.skuId || ''}: ${p.oldPrice === null ? '—' : `¥${p.oldPrice.toFixed(2)}`} → ¥${p.newPrice.toFixed(2)}`,
          thumb: null,
          who: p.createdBy,
        })),
      ].sort((a, b) => b.date.localeCompare(a.date))
    : [];
  const pick = changes.find((c) => c.key === selected) ?? null;
  const comparison = pick && data.data ? beforeAfter(data.data.metrics, { changeDate: pick.date, days, metrics: showMoney ? undefined : ['itmUv', 'payRate', 'itemCartCnt'] }) : null;

  return (
    <div className="page item-timeline">
      <h3>商品时间线 Item timeline{name ? ` · ${name}` : ''}</h3>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (/^\d{5,20}$/.test(input.trim())) location.hash = `#/item?id=${input.trim()}`;
        }}
      >
        <input name="itemId" list="zg-items" placeholder="商品ID Item ID" value={input} onChange={(e) => setInput(e.target.value)} inputMode="numeric" />
        <datalist id="zg-items">
          {items.map((i) => (
            <option key={i} value={i}>
              {labelFrom(names, i)}
            </option>
          ))}
        </datalist>
        <button type="submit" className="small">
          查看 Show
        </button>
      </form>
      {data.error && <div className="error">{data.error}</div>}
      {config && <TimelineChart config={config} label={`商品 ${name ?? itemId} 时间线`} />}
      {data.data && data.data.metrics.length === 0 && <p className="empty">还没有这个商品的数据。打开生意参谋商品排行后会自动记录。 No KPIs captured for this item yet.</p>}
      {data.data && (
        <>
          <h4>变更 Changes（点一条看前后对比 pick one for before/after）</h4>
          {changes.length === 0 && <p className="empty">还没有主图版本或价格变更。</p>}
          <ul className="changes">
            {changes.map((c) => (
              <li key={c.key} className={c.key === selected ? 'selected' : ''} data-change={c.key.split(':')[0]}>
                {c.thumb && <img src={c.thumb} alt="" referrerPolicy="no-referrer" loading="lazy" />}
                <button type="button" className="small" onClick={() => setSelected(c.key)}>
                  {c.date}
                </button>
                <span>
                  {c.label}
                  {c.who ? ` · ${memberName(state.members, c.who)}` : ''}
                </span>
              </li>
            ))}
          </ul>
          {comparison && pick && (
            <section className="before-after">
              <div className="row small">
                前后对比 Before/after · {pick.date}
                <select name="days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
                  {[3, 7, 14, 30].map((n) => (
                    <option key={n} value={n}>
                      {n} 天
                    </option>
                  ))}
                </select>
              </div>
              <BeforeAfterTable rows={comparison} days={days} />
            </section>
          )}
          <h4>任务 Tasks</h4>
          <ul className="changes">
            {data.data.tasks.map((t) => (
              <li key={t.id}>
                <a href={`#/task?id=${t.id}`}>{t.title}</a>
                <span className="muted">
                  {t.stage ?? ''} · {memberName(state.members, t.assigneeId)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
