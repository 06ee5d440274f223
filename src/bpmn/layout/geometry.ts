// Plain geometry shared by the layout steps: rectangles, points and the laid-out result before it becomes DI.
import type { BpmnElement } from '../model.ts';

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A shape placed by the layout; `element` is the bpmn-moddle element it draws. */
export interface PlacedShape {
  element: BpmnElement;
  bounds: Rect;
  isExpanded?: boolean;
  isHorizontal?: boolean;
  label?: Rect;
}

/** A connection placed by the layout. */
export interface PlacedEdge {
  element: BpmnElement;
  waypoints: Point[];
  label?: Rect;
}

/** A laid-out container (process, sub-process content, pool) in its own coordinates. */
export interface Block {
  width: number;
  height: number;
  shapes: PlacedShape[];
  edges: PlacedEdge[];
}

/** Moves a block's shapes, labels and waypoints in place (a block owns them; nothing else refers to them). */
export function translateBlock(block: Block, dx: number, dy: number): void {
  const move = (p: Point) => {
    p.x += dx;
    p.y += dy;
  };
  for (const s of block.shapes) {
    move(s.bounds);
    if (s.label) move(s.label);
  }
  for (const e of block.edges) {
    e.waypoints.forEach(move);
    if (e.label) move(e.label);
  }
}

export function rectsOverlap(a: Rect, b: Rect, margin = 0): boolean {
  return (
    a.x < b.x + b.width + margin &&
    b.x < a.x + a.width + margin &&
    a.y < b.y + b.height + margin &&
    b.y < a.y + a.height + margin
  );
}

/** True when the axis-parallel or diagonal segment p–q passes through the inside of `r` (shrunk by `inset`). */
export function segmentCrossesRect(p: Point, q: Point, r: Rect, inset = 1): boolean {
  const x0 = r.x + inset;
  const x1 = r.x + r.width - inset;
  const y0 = r.y + inset;
  const y1 = r.y + r.height - inset;
  if (x0 >= x1 || y0 >= y1) return false;
  // Most segments are nowhere near the rectangle: reject on the bounding boxes before clipping (hot in routing).
  if (Math.max(p.x, q.x) <= x0 || Math.min(p.x, q.x) >= x1 || Math.max(p.y, q.y) <= y0 || Math.min(p.y, q.y) >= y1) return false;
  // Liang–Barsky clipping: does any part of the segment lie strictly inside the rectangle?
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const range = { t0: 0, t1: 1 };
  return clip(-dx, p.x - x0, range) && clip(dx, x1 - p.x, range) && clip(-dy, p.y - y0, range) && clip(dy, y1 - p.y, range) && range.t0 < range.t1;
}

/** One Liang–Barsky boundary test; false when the segment lies wholly outside that boundary. */
function clip(pp: number, qq: number, range: { t0: number; t1: number }): boolean {
  if (pp === 0) return qq > 0;
  const t = qq / pp;
  if (pp < 0) range.t0 = Math.max(range.t0, t);
  else range.t1 = Math.min(range.t1, t);
  return true;
}

export function center(r: Rect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

export function unionRect(rects: Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** True when segments a–b and c–d cross at a point inside both (touching or overlapping runs do not count). */
export function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  // Disjoint bounding boxes cannot cross; this rejects nearly every pair the routers and quality checks try.
  if (Math.max(a.x, b.x) < Math.min(c.x, d.x) || Math.max(c.x, d.x) < Math.min(a.x, b.x)) return false;
  if (Math.max(a.y, b.y) < Math.min(c.y, d.y) || Math.max(c.y, d.y) < Math.min(a.y, b.y)) return false;
  const d1 = turn(c, d, a);
  const d2 = turn(c, d, b);
  const d3 = turn(a, b, c);
  const d4 = turn(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Sign of the turn p → q → r (cross product). */
function turn(p: Point, q: Point, r: Point): number {
  return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
}
