/**
 * Sycm item ranking: /cc/item/view/top.json (and the real-time /cc/item/live/view/top.json).
 * `data.data` is a list of rows `{item: {itemId, title, …}, payAmt: {value, cycleCrc}, …}`.
 */
import { seenItem, type SeenItem } from '../../items/seen';
import { figuresFromMetricObject } from './metric-object';
import { envelopeData, isRecord } from './json';
import { requestDateContext } from './request-dates';
import { emptyRead, type ReadResult } from '../types';

const ITEM_ID = /^\d{5,20}$/;

function rowItemId(row: Record<string, unknown>): string | null {
  const raw = isRecord(row.item) ? row.item.itemId : row.itemId;
  // Long IDs arrive quoted (json.ts); a number here is below 2^53 and exact.
  const id = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : typeof raw === 'string' ? raw : null;
  return id && ITEM_ID.test(id) ? id : null;
}

export function readItemTop(json: unknown, url: string, opts: { realtime: boolean; today?: string }): ReadResult {
  const out = emptyRead();
  const env = envelopeData(json);
  if (!env.ok) return { figures: [], warnings: [`item top: ${env.reason}`] };
  const data = env.data;
  const rows = isRecord(data) ? (data.data ?? data.list) : undefined;
  if (!Array.isArray(rows)) return { figures: [], warnings: ['item top: data is not a row list (encrypted?), skipped'] };
  const when = requestDateContext(url, { realtime: opts.realtime, today: opts.today });
  if (!when.ok) return { figures: [], warnings: [`item top: ${when.reason}`] };
  let noId = 0;
  const items: SeenItem[] = (out.items = []);
  for (const row of rows) {
    if (!isRecord(row)) continue;
    const itemId = rowItemId(row);
    if (!itemId) {
      noId++;
      continue;
    }
    const info = isRecord(row.item) ? row.item : row;
    const seen = seenItem(itemId, info.title ?? info.itemTitle, info.pictUrl ?? info.picUrl, url);
    if (seen) items.push(seen);
    out.figures.push(...figuresFromMetricObject(row, when, itemId, out.warnings, 'item top'));
  }
  if (noId > 0) out.warnings.push(`item top: ${noId} row(s) without a usable item ID, skipped`);
  return out;
}
