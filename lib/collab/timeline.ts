import type { Task } from '../domain';
import type { DailyValue } from './before-after';
import type { ImageVersion, PriceChange } from './model';

/**
 * One item's history on a single day axis: its captured daily KPIs as lines
 * and its tasks, image versions and price changes as markers. Pure; the
 * chart (components/collab/ItemTimelineChart.tsx) draws what this returns.
 */
export const TIMELINE_METRICS = ['itmUv', 'payRate', 'itemCartCnt', 'payAmt'] as const;
export const METRIC_LABELS: Record<string, string> = { itmUv: '访客数', payRate: '支付转化率', itemCartCnt: '加购件数', payAmt: '支付金额' };

export type MarkerKind = 'task' | 'image' | 'price';
export interface TimelineMarker {
  date: string;
  at: number;
  kind: MarkerKind;
  id: string;
  label: string;
}
export interface Timeline {
  dates: string[];
  series: { metric: string; values: (number | null)[] }[];
  markers: TimelineMarker[];
}

export function buildTimeline(src: {
  tasks: readonly Task[];
  imageVersions: readonly ImageVersion[];
  priceChanges: readonly PriceChange[];
  metrics: readonly DailyValue[];
  dayOf: (at: number) => string;
}): Timeline {
  const markers: TimelineMarker[] = [];
  for (const t of src.tasks) {
    const at = t.createdAt;
    markers.push({ date: t.dueDate ?? src.dayOf(at), at, kind: 'task', id: t.id, label: `任务 ${t.title}${t.status === 'done' ? '（已完成）' : ''}` });
  }
  for (const v of src.imageVersions) {
    const at = v.liveSince ?? v.at;
    markers.push({ date: src.dayOf(at), at, kind: 'image', id: v.id, label: `主图${v.slot + 1} v${v.version}${v.liveSince !== null ? ' 上线' : ' 已记录'}${v.note ? ` · ${v.note}` : ''}` });
  }
  for (const p of src.priceChanges) {
    markers.push({ date: src.dayOf(p.at), at: p.at, kind: 'price', id: p.id, label: `改价 ${p.skuLabel || p.skuId || ''} ${p.oldPrice ?? '—'} → ${p.newPrice}` });
  }
  markers.sort((a, b) => a.at - b.at);
  const days = new Set<string>([...src.metrics.map((m) => m.date), ...markers.map((m) => m.date)]);
  const dates = fillDays([...days].sort());
  const series = TIMELINE_METRICS.map((metric) => {
    const byDate = new Map(src.metrics.filter((r) => r.metric === metric).map((r) => [r.date, r.value]));
    return { metric, values: dates.map((d) => byDate.get(d) ?? null) };
  });
  return { dates, series, markers };
}

/** Every day from the first to the last (at most a year), so gaps show as gaps. */
function fillDays(sorted: string[]): string[] {
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return [];
  const out: string[] = [];
  const d = new Date(`${first}T00:00:00Z`);
  const end = Date.parse(`${last}T00:00:00Z`);
  while (d.getTime() <= end && out.length < 366) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}
