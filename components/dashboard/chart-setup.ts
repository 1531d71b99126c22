/**
 * Registers only the chart.js parts the dashboard uses (smaller bundle than `registerables`).
 * Imported once by ChartCanvas; the benchmark harness uses the same registration.
 */
import { BarController, BarElement, CategoryScale, Chart, Decimation, Legend, LinearScale, LineController, LineElement, PointElement, Title, Tooltip } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, CategoryScale, Decimation, Legend, Title, Tooltip);
Chart.defaults.font.family = '-apple-system, "PingFang SC", "Microsoft YaHei", sans-serif';

export { Chart };
