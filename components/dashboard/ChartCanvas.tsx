import { useEffect, useRef } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { Chart } from './chart-setup';

/**
 * One chart.js chart from a configuration built in lib/dashboard/charts.ts. The chart is
 * created after mount and destroyed when the configuration changes or the view goes away.
 */
export function ChartCanvas({ config, height = 220, name, label }: { config: ChartConfiguration<never, never>; height?: number; name: string; label: string }): React.JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config as ChartConfiguration);
    // Printing changes the page width; resize before the print snapshot, and back after.
    const resize = (): void => chart.resize();
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      chart.destroy();
    };
  }, [config]);
  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} data-chart={name} />
    </div>
  );
}

/** Widens a concrete chart configuration for ChartCanvas. */
export function anyConfig<T>(c: T): ChartConfiguration<never, never> {
  return c as unknown as ChartConfiguration<never, never>;
}
