// Lane bands: each leaf lane becomes a horizontal band; nodes keep the layered layout's x and are packed into rows inside
// their lane's band, so every node lies strictly inside it.
import type { Rect } from './geometry.ts';
import { LANE_HEADER } from './sizes.ts';
import type { BpmnElement } from '../model.ts';

export interface LaneInfo {
  lane: BpmnElement;
  depth: number;
  /** Leaf lanes in document order (a leaf's own entry when it has no children). */
  leaves: BpmnElement[];
}

/** Flattens a lane tree: every lane with its depth, and the leaves in top-to-bottom order. */
export function readLanes(laneSets: BpmnElement[] | undefined): { all: LaneInfo[]; leaves: BpmnElement[]; maxDepth: number } {
  const all: LaneInfo[] = [];
  const visit = (lanes: BpmnElement[], depth: number): BpmnElement[] => {
    const leaves: BpmnElement[] = [];
    for (const lane of lanes) {
      const info: LaneInfo = { lane, depth, leaves: [] };
      all.push(info);
      const children = (lane.childLaneSet?.lanes ?? []) as BpmnElement[];
      info.leaves = children.length > 0 ? visit(children, depth + 1) : [lane];
      leaves.push(...info.leaves);
    }
    return leaves;
  };
  const leaves = visit((laneSets ?? []).flatMap((s: BpmnElement) => s.lanes ?? []), 0);
  return { all, leaves, maxDepth: Math.max(0, ...all.map((a) => a.depth)) };
}

/** Leaf lane index of every flow node listed in a lane's flowNodeRef. */
export function laneIndexOf(leaves: BpmnElement[]): Map<BpmnElement, number> {
  const index = new Map<BpmnElement, number>();
  leaves.forEach((lane, i) => {
    for (const node of lane.flowNodeRef ?? []) if (!index.has(node)) index.set(node, i);
  });
  return index;
}

export interface BandInput {
  element: BpmnElement;
  bounds: Rect;
  lane: number;
  /** Extra room the node needs below it (its label, or the route out of boundary events). */
  below: number;
  /** Extra room above it (its data objects and annotations). */
  above: number;
  /** Set by placeInBands: the cluster of nodes moved together, and by how much. */
  cluster?: number;
  dy?: number;
}

const CLUSTER_GAP = 30;
const BAND_PADDING = 25;
const MIN_BAND_HEIGHT = 120;

/**
 * Moves each lane's nodes into its band. Nodes whose vertical extents touch form a cluster that moves as one, so
 * The layered layout's geometry (alignment, spacing, routes) inside a cluster survives; clusters stack without its empty rows.
 */
export function placeInBands(nodes: BandInput[], laneCount: number): { bands: Array<{ y: number; height: number }> } {
  const bands: Array<{ y: number; height: number }> = [];
  let top = 0;
  let clusterId = 0;
  for (let lane = 0; lane < laneCount; lane++) {
    const topOf = (n: BandInput) => n.bounds.y - n.above;
    const members = nodes.filter((n) => n.lane === lane).sort((a, b) => topOf(a) - topOf(b) || a.bounds.x - b.bounds.x);
    let y = top + BAND_PADDING;
    let i = 0;
    while (i < members.length) {
      const start = topOf(members[i]!);
      let bottom = members[i]!.bounds.y + members[i]!.bounds.height + members[i]!.below;
      let j = i + 1;
      while (j < members.length && topOf(members[j]!) < bottom + CLUSTER_GAP) {
        bottom = Math.max(bottom, members[j]!.bounds.y + members[j]!.bounds.height + members[j]!.below);
        j++;
      }
      const dy = Math.round(y - start);
      for (const n of members.slice(i, j)) {
        n.bounds = { ...n.bounds, y: n.bounds.y + dy };
        n.cluster = clusterId;
        n.dy = dy;
      }
      clusterId++;
      y += bottom - start + CLUSTER_GAP;
      i = j;
    }
    const height = Math.max(MIN_BAND_HEIGHT, Math.round(y - CLUSTER_GAP + BAND_PADDING - top));
    bands.push({ y: top, height });
    top += height;
  }
  return { bands };
}

/** Lane rectangles: leaves span their band; a parent spans its leaves; each level is indented by a header. */
export function laneRects(all: LaneInfo[], leaves: BpmnElement[], bands: Array<{ y: number; height: number }>, width: number): Map<BpmnElement, Rect> {
  const rects = new Map<BpmnElement, Rect>();
  for (const info of all) {
    const rows = info.leaves.map((leaf) => bands[leaves.indexOf(leaf)]!);
    const y = Math.min(...rows.map((b) => b.y));
    const bottom = Math.max(...rows.map((b) => b.y + b.height));
    const x = info.depth * LANE_HEADER;
    rects.set(info.lane, { x, y, width: width - x, height: bottom - y });
  }
  return rects;
}
