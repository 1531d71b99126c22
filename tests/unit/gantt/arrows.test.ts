import { describe, expect, it } from 'vitest';
import { ARROW_STYLE, arrowPath, edgesCrossingRows, pathBounds } from '../../../components/gantt/arrows';

describe('arrowPath', () => {
  it('elbows out of the predecessor when there is room', () => {
    expect(arrowPath({ x0: 0, x1: 100, y: 14 }, { x0: 200, x1: 260, y: 70 })).toEqual([100, 14, 108, 14, 108, 70, 200, 70]);
  });

  it('drops from the predecessor edge when the successor starts the next day', () => {
    // predecessor ends where the successor starts (finish-to-start on adjacent days)
    expect(arrowPath({ x0: 0, x1: 96, y: 14 }, { x0: 96, x1: 160, y: 70 })).toEqual([88, 22, 88, 70, 96, 70]);
    // upwards: leaves from the top edge
    expect(arrowPath({ x0: 0, x1: 96, y: 70 }, { x0: 96, x1: 160, y: 14 })).toEqual([88, 62, 88, 14, 96, 14]);
  });

  it('loops round between the rows when the successor starts before the predecessor', () => {
    const pts = arrowPath({ x0: 50, x1: 100, y: 14 }, { x0: 20, x1: 60, y: 70 });
    expect(pts).toEqual([100, 14, 108, 14, 108, 56, 12, 56, 12, 70, 20, 70]);
    expect(pts.slice(-2)).toEqual([20, 70]);
  });

  it('always ends at the successor start', () => {
    for (const [x0, x1, s0] of [
      [0, 10, 500],
      [0, 300, 300],
      [100, 200, 0],
    ] as const) {
      const pts = arrowPath({ x0, x1, y: 0 }, { x0: s0, x1: s0 + 30, y: ARROW_STYLE.rowHeight * 2 });
      expect(pts.slice(-2)).toEqual([s0, ARROW_STYLE.rowHeight * 2]);
    }
  });

  it('has a bounding box', () => {
    expect(pathBounds([100, 14, 108, 14, 108, 70, 200, 70])).toEqual({ minX: 100, minY: 14, maxX: 200, maxY: 70 });
  });
});

describe('edgesCrossingRows', () => {
  it('keeps edges with an end in view or spanning the view, and drops the rest', () => {
    // pairs: (0→1) above, (5→6) inside, (2→40) spans, (50→45) below, (45→12) enters from below
    const edges = Int32Array.from([0, 1, 5, 6, 2, 40, 50, 45, 45, 12]);
    expect(edgesCrossingRows(edges, { first: 10, last: 20 })).toEqual([2, 4]);
    expect(edgesCrossingRows(edges, { first: 4, last: 8 })).toEqual([1, 2]);
  });
});
