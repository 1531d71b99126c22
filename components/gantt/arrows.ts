import type { Range } from './layout';

/** One end of a dependency: a bar's horizontal extent and its row centre, in content pixels. */
export interface ArrowEnd {
  x0: number;
  x1: number;
  y: number;
}

export interface ArrowStyle {
  /** Horizontal run out of the predecessor / into the successor. */
  gap: number;
  barHeight: number;
  rowHeight: number;
}

export const ARROW_STYLE: ArrowStyle = { gap: 8, barHeight: 16, rowHeight: 28 };

/**
 * Polyline (flat x,y list) of a finish-to-start arrow from the end of `from` to the start of
 * `to`; the arrow head goes at the last point, pointing right.
 * - room between the bars: elbow out of the predecessor's end;
 * - the successor starts inside the predecessor's span (adjacent days): drop from the
 *   predecessor's edge just left of the successor's start;
 * - the successor starts before the predecessor (a broken dependency): loop round between rows.
 */
export function arrowPath(from: ArrowEnd, to: ArrowEnd, style: ArrowStyle = ARROW_STYLE): number[] {
  const { gap } = style;
  const down = to.y >= from.y ? 1 : -1;
  if (to.x0 - from.x1 >= 2 * gap) {
    const mid = from.x1 + gap;
    return [from.x1, from.y, mid, from.y, mid, to.y, to.x0, to.y];
  }
  const drop = to.x0 - gap;
  if (drop >= from.x0 + 2 && from.y !== to.y) {
    const edgeY = from.y + (down * style.barHeight) / 2;
    return [drop, edgeY, drop, to.y, to.x0, to.y];
  }
  const between = to.y - (down * style.rowHeight) / 2;
  return [from.x1, from.y, from.x1 + gap, from.y, from.x1 + gap, between, to.x0 - gap, between, to.x0 - gap, to.y, to.x0, to.y];
}

/** Bounding box of a polyline. */
export function pathBounds(points: readonly number[]): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    const x = points[i] as number;
    const y = points[i + 1] as number;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/**
 * Indexes (into the pair list) of the edges whose arrow can cross the visible rows: an arrow
 * spans the rows between its two ends, so an edge is kept when that row interval overlaps.
 * Horizontal culling is left to the caller, which knows the bar positions.
 */
export function edgesCrossingRows(edges: Int32Array, rows: Range): number[] {
  const out: number[] = [];
  for (let k = 0; k < edges.length; k += 2) {
    const a = edges[k] as number;
    const b = edges[k + 1] as number;
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    if (hi >= rows.first && lo <= rows.last) out.push(k >> 1);
  }
  return out;
}
