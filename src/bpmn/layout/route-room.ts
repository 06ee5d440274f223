// Routes the column router draws round shapes may run past the outermost nodes; the container then grows (and its
// content moves right or down) so that every flow stays inside its pool, its lanes' bands and clear of their headers.
import type { PlacedEdge, PlacedShape, Point } from './geometry.ts';

/** Space kept between a route and the border (or header) of the container it runs in. */
export const ROUTE_MARGIN = 12;

export interface RouteRoom {
  /** How far the content must move right and down. */
  dx: number;
  dy: number;
  /** How much the container must grow at its right and bottom (after the move). */
  right: number;
  bottom: number;
}

/** What the routes need beyond the box from `left`, 0 to `width`, `height` (the content's own frame). */
export function routeRoom(edges: PlacedEdge[], left: number, width: number, height: number): RouteRoom {
  const points = edges.flatMap((e) => e.waypoints);
  if (points.length === 0) return { dx: 0, dy: 0, right: 0, bottom: 0 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const dx = Math.max(0, left + ROUTE_MARGIN - Math.min(...xs));
  const dy = Math.max(0, ROUTE_MARGIN - Math.min(...ys));
  return {
    dx,
    dy,
    right: Math.max(0, Math.max(...xs) + ROUTE_MARGIN - width),
    bottom: Math.max(0, Math.max(...ys) + ROUTE_MARGIN - height),
  };
}

/** Moves shapes, labels and waypoints by (dx, dy) as new objects (routes may share their end points). */
export function shiftPlaced(shapes: PlacedShape[], edges: PlacedEdge[], dx: number, dy: number): void {
  if (dx === 0 && dy === 0) return;
  const move = <T extends Point>(p: T): T => ({ ...p, x: p.x + dx, y: p.y + dy });
  for (const s of shapes) {
    s.bounds = move(s.bounds);
    if (s.label) s.label = move(s.label);
  }
  for (const e of edges) {
    e.waypoints = e.waypoints.map(move);
    if (e.label) e.label = move(e.label);
  }
}
