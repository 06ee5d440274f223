// A uniform grid over bounding boxes, so "does anything near here collide?" looks at nearby items only instead of
// every shape, label and line of the diagram (label placement and re-routing ask this thousands of times).
import type { Point, Rect } from './geometry.ts';
import { segmentsCross } from './geometry.ts';

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

  /** Takes `item` out again; `box` must be the one it was inserted with. */
  remove(box: Rect, item: T): void {
    const x0 = cellOf(box.x);
    const x1 = cellOf(box.x + box.width);
    const y0 = cellOf(box.y);
    const y1 = cellOf(box.y + box.height);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const list = this.cells.get(cellKey(cx, cy));
        const at = list ? list.indexOf(item) : -1;
        if (at >= 0) list!.splice(at, 1);
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

/** The segments of the lines drawn so far, to count how often a new line would cross them. */
export class LineIndex {
  private readonly segments = new GridIndex<[Point, Point]>();

  /** Adds a line; what it returns takes it out again (remove). */
  add(points: Point[]): Array<[Point, Point]> {
    const added: Array<[Point, Point]> = [];
    for (let i = 1; i < points.length; i++) {
      const segment: [Point, Point] = [points[i - 1]!, points[i]!];
      this.segments.insert(segmentBox(segment[0], segment[1]), segment);
      added.push(segment);
    }
    return added;
  }

  remove(added: Array<[Point, Point]>): void {
    for (const segment of added) this.segments.remove(segmentBox(segment[0], segment[1]), segment);
  }

  /** Runs of `points` that lie on a line added, over some length (such lines read as one). */
  overlaps(points: Point[]): number {
    return this.#count(points, collinearOverlap);
  }

  /** Crossings of `points` with the lines added (touching and overlapping runs do not count). */
  crossings(points: Point[]): number {
    return this.#count(points, segmentsCross);
  }

  /** Pairs of a segment of `points` and a segment added for which `test` holds. */
  #count(points: Point[], test: (a: Point, b: Point, c: Point, d: Point) => boolean): number {
    let n = 0;
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      n += this.segments.count(segmentBox(a, b), 0, ([c, d]) => test(a, b, c, d));
    }
    return n;
  }
}

/** Whether two horizontal (or two vertical) segments lie on one line and share more than a point. */
export function collinearOverlap(a: Point, b: Point, c: Point, d: Point): boolean {
  if (a.y === b.y && c.y === d.y && a.y === c.y) return Math.min(Math.max(a.x, b.x), Math.max(c.x, d.x)) > Math.max(Math.min(a.x, b.x), Math.min(c.x, d.x));
  if (a.x === b.x && c.x === d.x && a.x === c.x) return Math.min(Math.max(a.y, b.y), Math.max(c.y, d.y)) > Math.max(Math.min(a.y, b.y), Math.min(c.y, d.y));
  return false;
}
