// Vertical ports for the flows the column router draws in lanes: of a node's several flows, one leaving (entering)
// through the top when its other end lies above, one through the bottom when below, as the layered layout does, so
// the router's routes and those kept from the layered layout never leave or enter one side together.
import type { Point, Rect } from './geometry.ts';
import { MIN_STUB } from './layered/ports.ts';
import type { VerticalPort } from './routes.ts';

export type Side = 'east' | 'west' | 'top' | 'bottom';

/** The side of `r` that `p` (a route's end) lies on. */
export function sideAt(p: Point, r: Rect): Side {
  if (Math.abs(p.y - r.y) < 1) return 'top';
  if (Math.abs(p.y - (r.y + r.height)) < 1) return 'bottom';
  return p.x >= r.x + r.width / 2 ? 'east' : 'west';
}

/**
 * The side a flow between `node` and the shape `other` would best use at `node`, or null for its usual side. A flow
 * back to the left goes round below the shapes (as the column router takes it), so it uses the bottom.
 */
export function wantedSide(node: Rect, other: Rect, back: boolean): 'top' | 'bottom' | null {
  if (back) return 'bottom';
  const cy = other.y + other.height / 2;
  if (cy <= node.y - MIN_STUB) return 'top';
  if (cy >= node.y + node.height + MIN_STUB) return 'bottom';
  return null;
}

/** The port at the middle of `node`'s top or bottom; `leaving` says whether the flow starts or ends there. */
export function portOn(node: Rect, side: 'top' | 'bottom', leaving: boolean): VerticalPort {
  const x = Math.round(node.x + node.width / 2);
  if (side === 'top') return { point: { x, y: node.y }, dir: leaving ? -1 : 1 };
  return { point: { x, y: node.y + node.height }, dir: leaving ? 1 : -1 };
}
