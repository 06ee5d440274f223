// A uniform grid over bounding boxes, so "does anything near here collide?" looks at nearby items only instead of
// every shape, label and line of the diagram (label placement and re-routing ask this thousands of times).
import type { Rect } from './geometry.ts';

const CELL = 128;
/** Keeps cell keys positive and distinct for coordinates within ±6 million px. */
const OFFSET = 50_000;
const SPAN = 100_000;

function cellKey(cx: number, cy: number): number {
  return (cx + OFFSET) * SPAN + (cy + OFFSET);
}

export class GridIndex<T> {
  private readonly cells = new Map<number, T[]>();

  /** Files `item` under every cell its bounding box touches. */
  insert(box: Rect, item: T): void {
    const x0 = Math.floor(box.x / CELL);
    const x1 = Math.floor((box.x + box.width) / CELL);
    const y0 = Math.floor(box.y / CELL);
    const y1 = Math.floor((box.y + box.height) / CELL);
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
    const x0 = Math.floor((box.x - margin) / CELL);
    const x1 = Math.floor((box.x + box.width + margin) / CELL);
    const y0 = Math.floor((box.y - margin) / CELL);
    const y1 = Math.floor((box.y + box.height + margin) / CELL);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const list = this.cells.get(cellKey(cx, cy));
        if (list && list.some(test)) return true;
      }
    }
    return false;
  }
}

/** Bounding box of the segment a–b. */
export function segmentBox(a: { x: number; y: number }, b: { x: number; y: number }): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}
