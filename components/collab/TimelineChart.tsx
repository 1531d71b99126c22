import { useEffect, useRef } from 'react';
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

/** Draws a configuration from lib/collab/timeline-chart.ts; recreated when it changes. */
export function TimelineChart({ config, label }: { config: object; label: string }): React.JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config as ChartConfiguration);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="timeline-chart">
      <canvas ref={canvas} role="img" aria-label={label} data-chart="item-timeline" />
    </div>
  );
}
