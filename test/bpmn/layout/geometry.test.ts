import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentCrossesRect, segmentsCross, type Point, type Rect } from '../../../src/bpmn/layout/geometry.ts';

/** Does any sampled point of p–q lie strictly inside r shrunk by inset? (slow, obviously right) */
function sampledInside(p: Point, q: Point, r: Rect, inset: number): boolean {
  const x0 = r.x + inset;
  const x1 = r.x + r.width - inset;
  const y0 = r.y + inset;
  const y1 = r.y + r.height - inset;
  for (let i = 0; i <= 400; i++) {
    const t = i / 400;
    const x = p.x + (q.x - p.x) * t;
    const y = p.y + (q.y - p.y) * t;
    if (x > x0 && x < x1 && y > y0 && y < y1) return true;
  }
  return false;
}

/** Proper crossing by the textbook orientation test, without any bounding-box shortcut. */
function crossByOrientation(a: Point, b: Point, c: Point, d: Point): boolean {
  const cross = (p: Point, q: Point, r: Point) => (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

// Integer coordinates on a small grid, as the layout produces, so touching and collinear cases come up often.
const coord = fc.integer({ min: 0, max: 40 });
const point = fc.record({ x: coord, y: coord });
const rect = fc.record({ x: coord, y: coord, width: fc.integer({ min: 0, max: 30 }), height: fc.integer({ min: 0, max: 30 }) });

describe('segmentCrossesRect', () => {
  it('finds axis-parallel runs through a shape and ignores runs along or beside its border', () => {
    const box = { x: 100, y: 100, width: 100, height: 80 };
    expect(segmentCrossesRect({ x: 50, y: 140 }, { x: 250, y: 140 }, box)).toBe(true);
    expect(segmentCrossesRect({ x: 150, y: 50 }, { x: 150, y: 120 }, box)).toBe(true);
    expect(segmentCrossesRect({ x: 50, y: 100 }, { x: 250, y: 100 }, box)).toBe(false);
    expect(segmentCrossesRect({ x: 50, y: 140 }, { x: 99, y: 140 }, box)).toBe(false);
    expect(segmentCrossesRect({ x: 50, y: 99 }, { x: 250, y: 99 }, box, -2)).toBe(true);
  });

  it('agrees with sampling the segment for axis-parallel and diagonal segments', () => {
    fc.assert(
      fc.property(point, point, rect, fc.constantFrom(-4, -2, 0, 1, 2), (p, q, r, inset) => {
        // Sampling can miss a diagonal that only grazes a corner; it never reports a false hit.
        const sampled = sampledInside(p, q, r, inset);
        const exact = segmentCrossesRect(p, q, r, inset);
        if (sampled) expect(exact).toBe(true);
        if (p.x === q.x || p.y === q.y) expect(exact).toBe(sampled);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('segmentsCross', () => {
  it('counts proper crossings only', () => {
    expect(segmentsCross({ x: 0, y: 5 }, { x: 10, y: 5 }, { x: 5, y: 0 }, { x: 5, y: 10 })).toBe(true);
    expect(segmentsCross({ x: 0, y: 5 }, { x: 10, y: 5 }, { x: 10, y: 0 }, { x: 10, y: 10 })).toBe(false);
    expect(segmentsCross({ x: 0, y: 5 }, { x: 10, y: 5 }, { x: 5, y: 5 }, { x: 20, y: 5 })).toBe(false);
  });

  it('gives the same answer as the orientation test without its bounding-box shortcut', () => {
    fc.assert(
      fc.property(point, point, point, point, (a, b, c, d) => {
        expect(segmentsCross(a, b, c, d)).toBe(crossByOrientation(a, b, c, d));
      }),
      { numRuns: 5000 },
    );
  });
});
