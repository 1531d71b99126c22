import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { metricByCode } from '@/lib/metrics/dictionary';
import type { MetricDetail } from '@/lib/metrics/messages';
import { formatMetric } from '@/lib/dashboard/format';
import { daysOf } from './format';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

/** The last 30 days of one metric, with its warning line or the daily pace of its monthly target. */
export function KpiChart({ detail }: { detail: MetricDetail }): React.JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const days = daysOf(detail.from, detail.to);
    const byDay = new Map(detail.series.map((r) => [r.date, r.value]));
    const label = metricByCode(detail.metric)?.labels[0] ?? detail.metric;
    const datasets = [
      { label, data: days.map((d) => byDay.get(d) ?? null), borderColor: '#ff5000', backgroundColor: '#ff5000', spanGaps: true, pointRadius: 2, tension: 0.2 },
    ];
    const t = detail.target;
    if (t?.line) {
      datasets.push({ label: `警戒线 ${t.line.direction === 'max' ? '≤' : '≥'} ${formatMetric(detail.metric, t.line.value)}`, data: days.map(() => t.line!.value), borderColor: '#f53f3f', backgroundColor: '#f53f3f', spanGaps: true, pointRadius: 0, tension: 0, borderDash: [6, 4] } as never);
    }
    if (t?.monthly) {
      const perDay = (d: string): number => t.monthly! / new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).getUTCDate();
      datasets.push({ label: '月目标日均 Daily pace', data: days.map(perDay), borderColor: '#165dff', backgroundColor: '#165dff', spanGaps: true, pointRadius: 0, tension: 0, borderDash: [4, 4] } as never);
    }
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: { labels: days.map((d) => d.slice(5)), datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { ticks: { callback: (v) => formatMetric(detail.metric, Number(v)) } } },
        plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${formatMetric(detail.metric, c.parsed.y)}` } } },
      },
    });
    return () => chart.destroy();
  }, [detail]);
  return (
    <div className="chart">
      <canvas ref={canvas} aria-label="近30天趋势 Last 30 days" role="img" />
    </div>
  );
}
