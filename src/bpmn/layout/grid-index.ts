// A uniform grid over bounding boxes, so "does anything near here collide?" looks at nearby items only instead of
// every shape, label and line of the diagram (label placement and re-routing ask this thousands of times).
import type { Rect } from './geometry.ts';

const CELL = 128;
/**
 * Cell coordinates are clamped to ±2^14 (±2 million px) so that keys stay small integers, which Maps hash fastest.
 * Anything beyond shares the border cells: tested more often, never missed.
 */
const LIMIT = 1 << 14;

function cellOf(v: number): number {
  const c = Math.floor(v / CELL);
  return c < -LIMIT ? -LIMIT : c >= LIMIT ? LIMIT - 1 : c;
}

function cellKey(cx: number, cy: number): number {
  return (cx + LIMIT) * 2 * LIMIT + (cy + LIMIT);
}

export class GridIndex<T> {
  private readonly cells = new Map<number, T[]>();

  /** Files `item` under every cell its bounding box touches. */
  insert(box: Rect, item: T): void {
    const x0 = cellOf(box.x);
    const x1 = cellOf(box.x + box.width);
    const y0 = cellOf(box.y);
    const y1 = cellOf(box.y + box.height);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = cellKey(cx, cy);
        const list = this.cells.get(key);
        if (list) list.push(item);
        else this.cells.set(key, [item]);
      }
    }
  }

  /**
   * True when `test` holds for some item whose box comes within `margin` of `box`. Items far away are never
   * tested; an item spanning several cells may be tested more than once, so `test` must have no side effects.
   */
  some(box: Rect, margin: number, test: (item: T) => boolean): boolean {
    const x0 = cellOf(box.x - margin);
    const x1 = cellOf(box.x + box.width + margin);
    const y0 = cellOf(box.y - margin);
    const y1 = cellOf(box.y + box.height + margin);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const list = this.cells.get(cellKey(cx, cy));
        if (list && list.some(test)) return true;
      }
    }
    return false;
  }

  /** How many items whose box comes within `margin` of `box` pass `test`, each item counted once. */
  count(box: Rect, margin: number, test: (item: T) => boolean): number {
    const x0 = cellOf(box.x - margin);
    const x1 = cellOf(box.x + box.width + margin);
    const y0 = cellOf(box.y - margin);
    const y1 = cellOf(box.y + box.height + margin);
    // An item spanning several of the cells is listed in each: only then is a set needed to count it once.
    const counted = x0 === x1 && y0 === y1 ? null : new Set<T>();
    let n = 0;
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        for (const item of this.cells.get(cellKey(cx, cy)) ?? []) {
          if (counted) {
            if (counted.has(item)) continue;
            counted.add(item);
          }
          if (test(item)) n++;
        }
      }
    }
    return n;
  }
}

/** Bounding box of the segment a–b. */
export function segmentBox(a: { x: number; y: number }, b: { x: number; y: number }): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}
