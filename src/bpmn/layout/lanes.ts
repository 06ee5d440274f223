// Lane bands: each leaf lane becomes a horizontal band; nodes keep ELK's x and are packed into rows inside
// their lane's band, so every node lies strictly inside it.
import type { Rect } from './geometry.ts';
import { LANE_HEADER } from './sizes.ts';

export interface LaneInfo {
  lane: any;
  depth: number;
  /** Leaf lanes in document order (a leaf's own entry when it has no children). */
  leaves: any[];
}

/** Flattens a lane tree: every lane with its depth, and the leaves in top-to-bottom order. */
export function readLanes(laneSets: any[] | undefined): { all: LaneInfo[]; leaves: any[]; maxDepth: number } {
  const all: LaneInfo[] = [];
  const visit = (lanes: any[], depth: number): any[] => {
    const leaves: any[] = [];
    for (const lane of lanes) {
      const info: LaneInfo = { lane, depth, leaves: [] };
      all.push(info);
      const children = (lane.childLaneSet?.lanes ?? []) as any[];
      info.leaves = children.length > 0 ? visit(children, depth + 1) : [lane];
      leaves.push(...info.leaves);
    }
    return leaves;
  };
  const leaves = visit((laneSets ?? []).flatMap((s: any) => s.lanes ?? []), 0);
  return { all, leaves, maxDepth: Math.max(0, ...all.map((a) => a.depth)) };
}

/** Leaf lane index of every flow node listed in a lane's flowNodeRef. */
export function laneIndexOf(leaves: any[]): Map<any, number> {
  const index = new Map<any, number>();
  leaves.forEach((lane, i) => {
    for (const node of lane.flowNodeRef ?? []) if (!index.has(node)) index.set(node, i);
  });
  return index;
}

export interface BandInput {
  element: any;
  bounds: Rect;
  lane: number;
  /** Extra room the node needs below it (its label, or the route out of boundary events). */
  below: number;
}

const ROW_GAP = 30;
const BAND_PADDING = 25;
const MIN_BAND_HEIGHT = 120;

/**
 * Packs the nodes of each lane into rows (first row whose nodes do not overlap in x, in ELK's vertical order),
 * centring each row's nodes on one line so straight flows stay straight. Returns the band heights.
 */
export function placeInBands(nodes: BandInput[], laneCount: number): { bands: Array<{ y: number; height: number }> } {
  const bands: Array<{ y: number; height: number }> = [];
  let top = 0;
  for (let lane = 0; lane < laneCount; lane++) {
    const members = nodes
      .filter((n) => n.lane === lane)
      .sort((a, b) => a.bounds.y + a.bounds.height / 2 - (b.bounds.y + b.bounds.height / 2) || a.bounds.x - b.bounds.x);
    const rows: BandInput[][] = [];
    for (const node of members) {
      const row = rows.find((r) =>
        r.every((o) => node.bounds.x >= o.bounds.x + o.bounds.width + 20 || o.bounds.x >= node.bounds.x + node.bounds.width + 20),
      );
      if (row) row.push(node);
      else rows.push([node]);
    }
    let y = top + BAND_PADDING;
    for (const row of rows) {
      const half = Math.max(...row.map((n) => n.bounds.height)) / 2;
      const below = Math.max(...row.map((n) => n.bounds.height / 2 + n.below));
      for (const n of row) n.bounds = { ...n.bounds, y: Math.round(y + half - n.bounds.height / 2) };
      y += half + below + ROW_GAP;
    }
    const height = Math.max(MIN_BAND_HEIGHT, Math.round(y - ROW_GAP + BAND_PADDING - top));
    bands.push({ y: top, height });
    top += height;
  }
  return { bands };
}

/** Lane rectangles: leaves span their band; a parent spans its leaves; each level is indented by a header. */
export function laneRects(all: LaneInfo[], leaves: any[], bands: Array<{ y: number; height: number }>, width: number): Map<any, Rect> {
  const rects = new Map<any, Rect>();
  for (const info of all) {
    const rows = info.leaves.map((leaf) => bands[leaves.indexOf(leaf)]!);
    const y = Math.min(...rows.map((b) => b.y));
    const bottom = Math.max(...rows.map((b) => b.y + b.height));
    const x = info.depth * LANE_HEADER;
    rects.set(info.lane, { x, y, width: width - x, height: bottom - y });
  }
  return rects;
}
