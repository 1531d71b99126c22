/**
 * Sycm home KPIs: /portal/coreIndex/new/overview/v2.json. Shop-level figures are the metric
 * codes directly under `data`; nested objects (industry averages, rivals) are not ours.
 */
import { figuresFromMetricObject } from './metric-object';
import { envelopeData, isRecord } from './json';
import { requestDateContext } from './request-dates';
import { emptyRead, type ReadResult } from '../types';

export function readOverview(json: unknown, url: string, today?: string): ReadResult {
  const out = emptyRead();
  const env = envelopeData(json);
  if (!env.ok) return { figures: [], warnings: [`overview: ${env.reason}`] };
  if (!isRecord(env.data)) return { figures: [], warnings: ['overview: data is not an object (encrypted?), skipped'] };
  const when = requestDateContext(url, { statDate: env.data.statDate, today });
  if (!when.ok) return { figures: [], warnings: [`overview: ${when.reason}`] };
  out.figures = figuresFromMetricObject(env.data, when, null, out.warnings, 'overview');
  return out;
}
