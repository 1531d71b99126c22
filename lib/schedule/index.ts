/** Schedule engine: pure functions over tasks with ISO day dates (issue "Gantt chart, schedule and bottlenecks"). */
export * from './dates';
export * from './types';
export * from './span';
export * from './graph';
export * from './cpm';
export * from './preview-move';
export * from './workload';
export * from './apply-move';
export * from './move-text';
export * from './gantt-view';
export * from './heat';
