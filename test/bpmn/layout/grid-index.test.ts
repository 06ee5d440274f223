import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rectsOverlap, type Rect } from '../../../src/bpmn/layout/geometry.ts';
import { GridIndex, LineIndex, segmentBox } from '../../../src/bpmn/layout/grid-index.ts';

const rect = fc.record({
  x: fc.integer({ min: -600, max: 600 }),
  y: fc.integer({ min: -600, max: 600 }),
  width: fc.integer({ min: 0, max: 400 }),
  height: fc.integer({ min: 0, max: 400 }),
});

describe('GridIndex', () => {
  it('finds an overlap exactly when a linear scan does, across cell borders and negative coordinates', () => {
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 40 }), rect, fc.integer({ min: 0, max: 5 }), (items, query, margin) => {
        const index = new GridIndex<Rect>();
        for (const r of items) index.insert(r, r);
        const scan = items.some((r) => rectsOverlap(query, r, margin));
        expect(index.some(query, margin + 1, (r) => rectsOverlap(query, r, margin))).toBe(scan);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts each matching item once, however many cells it spans, exactly as a linear scan does', () => {
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 40 }), rect, fc.integer({ min: 0, max: 5 }), (items, query, margin) => {
        const index = new GridIndex<Rect>();
        for (const r of items) index.insert(r, r);
        const scan = new Set(items.filter((r) => rectsOverlap(query, r, margin))).size;
        expect(index.count(query, margin + 1, (r) => rectsOverlap(query, r, margin))).toBe(scan);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not test items far from the query', () => {
    const index = new GridIndex<string>();
    index.insert({ x: 0, y: 0, width: 10, height: 10 }, 'near');
    index.insert({ x: 5000, y: 5000, width: 10, height: 10 }, 'far');
    const tested: string[] = [];
    index.some({ x: 20, y: 20, width: 5, height: 5 }, 3, (item) => (tested.push(item), false));
    expect(tested).toEqual(['near']);
  });

  it('still finds and counts items millions of pixels out, beyond the range of its cells', () => {
    const index = new GridIndex<Rect>();
    const far = { x: 9e6, y: -9e6, width: 10, height: 10 };
    const farther = { x: 4e7, y: -4e7, width: 10, height: 10 };
    index.insert(far, far);
    index.insert(farther, farther);
    expect(index.some({ x: 9e6 + 5, y: -9e6 + 5, width: 1, height: 1 }, 0, (r) => rectsOverlap(r, { x: 9e6 + 5, y: -9e6 + 5, width: 1, height: 1 }))).toBe(true);
    expect(index.count({ x: 4e7, y: -4e7, width: 1, height: 1 }, 0, (r) => rectsOverlap(r, { x: 4e7, y: -4e7, width: 1, height: 1 }))).toBe(1);
    expect(index.some({ x: 0, y: 0, width: 1, height: 1 }, 0, () => true)).toBe(false);
  });

  it('counts the crossings of a line with the lines added, and the runs it shares with them', () => {
    const lines = new LineIndex();
    lines.add([{ x: 0, y: 100 }, { x: 1000, y: 100 }]);
    lines.add([{ x: 500, y: 0 }, { x: 500, y: 400 }, { x: 900, y: 400 }]);
    const across = [{ x: 300, y: 0 }, { x: 300, y: 300 }, { x: 700, y: 300 }];
    expect(lines.crossings(across)).toBe(2);
    expect(lines.overlaps(across)).toBe(0);
    const along = [{ x: 200, y: 50 }, { x: 200, y: 100 }, { x: 400, y: 100 }];
    expect(lines.crossings(along)).toBe(0);
    expect(lines.overlaps(along)).toBe(1);
    // Touching an end is neither.
    expect(lines.crossings([{ x: 1000, y: 100 }, { x: 1000, y: 300 }])).toBe(0);
    expect(lines.overlaps([{ x: 900, y: 400 }, { x: 950, y: 400 }])).toBe(0);
  });

  it('forgets a line taken out again, from every cell it spans', () => {
    const lines = new LineIndex();
    const kept = lines.add([{ x: 0, y: 100 }, { x: 1000, y: 100 }]);
    const gone = lines.add([{ x: 0, y: 200 }, { x: 1000, y: 200 }]);
    const down = [{ x: 700, y: 0 }, { x: 700, y: 300 }];
    expect(lines.crossings(down)).toBe(2);
    lines.remove(gone);
    expect(lines.crossings(down)).toBe(1);
    lines.remove(kept);
    expect(lines.crossings(down)).toBe(0);
  });

  it('boxes a segment in either direction', () => {
    expect(segmentBox({ x: 50, y: 10 }, { x: 20, y: 10 })).toEqual({ x: 20, y: 10, width: 30, height: 0 });
  });
});
