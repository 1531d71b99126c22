/** Canvas Gantt chart (issue "Gantt chart, schedule and bottlenecks"). */
export { GanttChart, type GanttChartProps, type GanttHandle } from './gantt-chart';
export type { GanttGroupBy, GanttMember, GanttMilestone, GanttTask, GanttZoom, PendingMove } from './types';
export { buildModel, timeScale, visibleRows, visibleDays, type GanttModel } from './layout';
export { drawGantt, type DrawStats, type Scene } from './draw';
