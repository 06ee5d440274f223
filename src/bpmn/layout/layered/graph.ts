// The input and output of the layered layout: plain numbers, no BPMN, so each step can be tested on small graphs.
import type { Point, Rect } from '../geometry.ts';

/** A node: its shape's size and the room kept free around it. */
export interface LayerNode {
  width: number;
  height: number;
  /** Free room above the shape (satellites) and below it (external label, flows out of boundary events). */
  above: number;
  below: number;
  /** Width of the node with its label and satellites, centred on the shape (at least `width`). */
  span: number;
  /** The shape's outline, where flows leaving or entering through its top or bottom meet it (default: rect). */
  outline?: 'rect' | 'diamond' | 'circle';
  /** No flow may leave or enter through the top (satellites hang there) or bottom (boundary events sit there). */
  closedTop?: boolean;
  closedBottom?: boolean;
}

export interface LayerEdge {
  from: number;
  to: number;
  /**
   * Flows out of a boundary event leave the host's bottom at `x` (from the host's left) and turn east `turn` px
   * below the host; `rank` orders them after the east port. Null: the east port at mid-height.
   */
  south: { x: number; turn: number; rank: number } | null;
  label: { width: number; height: number } | null;
  /** Associations only shape layering and order; they get no route. */
  routed: boolean;
}

export interface LayeredResult {
  width: number;
  height: number;
  /** By node index. */
  nodes: Rect[];
  /** By edge index: an orthogonal route from the source's border to the target's, or null. */
  routes: Array<Point[] | null>;
  labels: Array<Rect | null>;
}

/** Spacing as elkjs had it: nodes 40 apart in a layer, layers 50 apart, edges 20 from nodes and 12 from edges. */
export const SPACING = { nodeNode: 40, layer: 50, edgeNode: 20, edgeEdge: 12, component: 50, padding: 20 } as const;
