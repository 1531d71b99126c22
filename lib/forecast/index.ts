/** Forecasts, anomalies and risk cards over daily series (pure; the caller loads the records). */
export { forecastSeries, forecastDense, type Forecast, type ForecastOptions, type ForecastPoint } from './forecast';
export { detectAnomalies, type Anomaly, type AnomalyOptions } from './anomaly';
export { riskCards, crossingCard, anomalyCard, DEFAULT_LINES, type RiskCard, type RiskChart, type RiskSeries, type WarningLine } from './risk';
export { seriesFromRecords } from './from-records';
export { backtest, type BacktestResult } from './backtest';
export type { SeriesPoint } from './series';
