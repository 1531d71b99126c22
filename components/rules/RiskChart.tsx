import { useEffect, useRef } from 'react';
import { CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { RiskChart as RiskChartData } from '@/lib/forecast';
import { formatValue } from '@/lib/rules/metrics';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Legend, Tooltip);

/** The evidence behind a risk card: observed history, the forecast with its 95% band, the warning line, the usual value of a flagged day. */
export function RiskChart({ chart, metric }: { chart: RiskChartData; metric: string }): React.JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const dates = [...new Set([...chart.history.map((p) => p.date), ...chart.forecast.map((p) => p.date)])].sort();
    const at = <T extends { date: string }>(points: readonly T[], pick: (p: T) => number): Array<number | null> => {
      const by = new Map(points.map((p) => [p.date, pick(p)]));
      return dates.map((d) => by.get(d) ?? null);
    };
    const last = chart.history[chart.history.length - 1];
    // The forecast line starts at the last observed day so the two read as one line.
    const forecastPoints = last ? [{ date: last.date, value: last.value, lower: last.value, upper: last.value }, ...chart.forecast] : chart.forecast;
    const datasets = [
      { label: '历史 History', data: at(chart.history, (p) => p.value), borderColor: '#165dff', backgroundColor: '#165dff', pointRadius: 1.5, borderWidth: 1.5 },
      { label: '预测 Forecast', data: at(forecastPoints, (p) => p.value), borderColor: '#ff7d00', backgroundColor: '#ff7d00', borderDash: [4, 3], pointRadius: 1.5, borderWidth: 1.5 },
      { label: '区间下限', data: at(chart.forecast, (p) => p.lower), borderColor: 'rgba(255,125,0,0.25)', pointRadius: 0, borderWidth: 1, fill: false },
      { label: '95% 区间 Band', data: at(chart.forecast, (p) => p.upper), borderColor: 'rgba(255,125,0,0.25)', backgroundColor: 'rgba(255,125,0,0.15)', pointRadius: 0, borderWidth: 1, fill: '-1' as const },
      ...(chart.line !== null ? [{ label: '警戒线 Line', data: dates.map(() => chart.line), borderColor: '#f53f3f', borderDash: [2, 2], pointRadius: 0, borderWidth: 1 }] : []),
      ...(chart.expected
        ? [{ label: '通常 Usual', data: dates.map((d) => (d === chart.expected!.date ? chart.expected!.value : null)), borderColor: '#00b42a', backgroundColor: '#00b42a', pointRadius: 4, pointStyle: 'rectRot' as const, showLine: false }]
        : []),
    ];
    const c = new Chart(canvas.current, {
      type: 'line',
      data: { labels: dates.map((d) => d.slice(5)), datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        spanGaps: false,
        plugins: {
          legend: { labels: { boxWidth: 10, font: { size: 10 }, filter: (item) => item.text !== '区间下限' } },
          tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${formatValue(metric, Number(ctx.parsed.y))}` } },
        },
        scales: { y: { ticks: { font: { size: 10 }, callback: (v) => formatValue(metric, Number(v)) } }, x: { ticks: { font: { size: 10 }, maxTicksLimit: 8 } } },
      },
    });
    return () => c.destroy();
  }, [chart, metric]);
  return <canvas ref={canvas} role="img" aria-label="证据图 Evidence chart" />;
}
