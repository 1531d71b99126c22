import type { GanttZoom } from './types';

/** Fixed sizes in CSS pixels. */
export const METRICS = {
  rowHeight: 28,
  barHeight: 16,
  headerHeight: 44,
  labelWidth: 200,
  /** Timeline margin around the earliest and latest dates, in days. */
  padDays: 7,
  /** Grab zone at each end of a bar that changes only the start or the due date. */
  edgeGrab: 6,
} as const;

export type GanttMetrics = typeof METRICS;

/** Pixels per day for each zoom: a day column, a 70px week, a ~90px month. */
export const PX_PER_DAY: Record<GanttZoom, number> = { day: 32, week: 10, month: 3 };

export const THEME = {
  bg: '#ffffff',
  header: '#fafbfc',
  border: '#d0d5dd',
  grid: '#eaecf0',
  gridMajor: '#d0d5dd',
  weekend: '#f5f6f8',
  groupBg: '#f2f4f7',
  groupText: '#344054',
  text: '#1d2939',
  muted: '#667085',
  selected: 'rgba(22, 119, 255, 0.12)',
  bar: '#6a9cff',
  barProgress: '#1f5fd6',
  done: '#b7c0cc',
  doneProgress: '#8390a2',
  late: '#f97066',
  lateProgress: '#b42318',
  atRisk: '#fdb022',
  atRiskProgress: '#b54708',
  critical: '#b42318',
  arrow: '#98a2b3',
  arrowCritical: '#d92d20',
  today: '#e31b54',
  ghostFill: 'rgba(31, 95, 214, 0.18)',
  ghostStroke: '#1f5fd6',
  origin: 'rgba(102, 112, 133, 0.5)',
  font: '12px system-ui, "PingFang SC", "Microsoft YaHei", sans-serif',
  fontBold: 'bold 12px system-ui, "PingFang SC", "Microsoft YaHei", sans-serif',
} as const;

/** Colours of the campaign milestones; others use `default`. */
export const MILESTONE_COLORS: Record<string, string> = {
  报名截止: '#f79009',
  预热: '#7a5af8',
  正式: '#e31b54',
  返场: '#0e9384',
  default: '#475467',
};
