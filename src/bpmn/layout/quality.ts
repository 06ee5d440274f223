// Layout quality measured on a document's first diagram, so our layout and any other can be compared alike.
import type { Point, Rect } from './geometry.ts';
import { rectsOverlap, segmentCrossesRect, segmentsCross } from './geometry.ts';
import { collinearOverlap } from './grid-index.ts';
import { is } from './sizes.ts';
import type { BpmnElement, Definitions, DiBounds } from '../model.ts';

export interface LayoutQuality {
  shapes: number;
  edges: number;
  /** Pairs of flow nodes / data / annotations whose boxes overlap (hosts and their boundary events excepted). */
  nodeOverlaps: number;
  /** (edge, node) pairs where the edge passes through a node it does not connect. */
  edgesThroughNodes: number;
  /** Pairs of edge segments that cross. */
  edgeCrossings: number;
  /** Flow nodes not inside their lane's or pool's box. */
  outsideLane: number;
  /** Sequence flows with a segment outside their process's pool or through a pool's or lane's header. */
  flowsOutside: number;
  /** External labels overlapping a node. */
  labelOverlaps: number;
  /** Pairs of external labels overlapping each other. */
  labelLabelOverlaps: number;
  /**
   * Pairs of sequence flows attached to one node (both leaving it, both entering it, or one leaving and one entering)
   * whose routes share a horizontal or vertical run of positive length, so the eye cannot tell them apart there.
   */
  sharedSegments: number;
  /**
   * (label, connection) pairs where a segment of the connection passes through the label's box shrunk by 1 px; a
   * flow's own label, which sits against its line, only when the flow passes through the box shrunk by 2 px.
   */
  labelLineCollisions: number;
  /** External labels that overlap another label, a node (labelOverlaps) or a line (labelLineCollisions). */
  labelCollisions: number;
  area: number;
  /** Flow nodes and sequence flows with no DI in any diagram (the other measures look at the first diagram). */
  missingDi: number;
}

interface ShapeDi {
  element: BpmnElement;
  bounds: Rect;
  label: Rect | null;
  expanded: boolean;
}

const rectOf = (b: DiBounds): Rect => ({ x: b.x, y: b.y, width: b.width, height: b.height });

function ancestors(element: BpmnElement): Set<BpmnElement> {
  const out = new Set<BpmnElement>();
  for (let p = element?.$parent; p; p = p.$parent) out.add(p);
  return out;
}

function isSolid(shape: ShapeDi): boolean {
  const el = shape.element;
  if (is(el, 'bpmn:Participant') || is(el, 'bpmn:Lane') || is(el, 'bpmn:Group')) return false;
  return true;
}

/** Whether two shapes may overlap by design: boundary event and host, or a node inside an expanded sub-process. */
function mayOverlap(a: BpmnElement, b: BpmnElement): boolean {
  if (a.attachedToRef === b || b.attachedToRef === a) return true;
  if (ancestors(a).has(b) || ancestors(b).has(a)) return true;
  const ha = a.attachedToRef;
  const hb = b.attachedToRef;
  if (ha && (ha === hb || ancestors(b).has(ha))) return true;
  if (hb && ancestors(a).has(hb)) return true;
  return false;
}

function* walk(element: BpmnElement): Generator<BpmnElement> {
  for (const child of [...(element.flowElements ?? []), ...(element.artifacts ?? [])]) {
    yield child;
    yield* walk(child);
  }
}

export interface MeasureOptions {
  /** Count crossings only between edges of these element ids (to compare layouts that drew different edges). */
  crossingEdgeIds?: Set<string>;
}

/** How far into its label box a flow's own line may reach (the label sits against it). */
export const OWN_LINE_ALLOWANCE = 2;

/** Width of the header band at the left of a horizontal pool or lane, where its name is written. */
const HEADER = 30;

export function measureLayout(definitions: Definitions, options: MeasureOptions = {}): LayoutQuality {
  const plane = definitions.diagrams?.[0]?.plane;
  const planeElements: BpmnElement[] = plane?.planeElement ?? [];
  const shapes: ShapeDi[] = [];
  const edges: Array<{ element: BpmnElement; points: Point[]; label: Rect | null }> = [];
  for (const di of planeElements) {
    if (is(di, 'bpmndi:BPMNShape') && di.bounds && di.bpmnElement) {
      shapes.push({
        element: di.bpmnElement,
        bounds: rectOf(di.bounds),
        label: di.label?.bounds ? rectOf(di.label.bounds) : null,
        expanded: di.isExpanded === true,
      });
    } else if (is(di, 'bpmndi:BPMNEdge') && di.bpmnElement) {
      edges.push({
        element: di.bpmnElement,
        points: (di.waypoint ?? []).map((p) => ({ x: p.x, y: p.y })),
        label: di.label?.bounds ? rectOf(di.label.bounds) : null,
      });
    }
  }
  const solid = shapes.filter(isSolid);
  let nodeOverlaps = 0;
  for (let i = 0; i < solid.length; i++) {
    for (let j = i + 1; j < solid.length; j++) {
      const a = solid[i]!;
      const b = solid[j]!;
      if (!mayOverlap(a.element, b.element) && rectsOverlap(a.bounds, b.bounds)) nodeOverlaps++;
    }
  }
  let edgesThroughNodes = 0;
  for (const edge of edges) {
    const ends = [edge.element.sourceRef, edge.element.targetRef].filter((end): end is BpmnElement => !!end);
    for (const node of solid) {
      if (node.expanded) continue;
      if (ends.some((end) => end === node.element || mayOverlap(end, node.element))) continue;
      if (edge.points.slice(1).some((p, k) => segmentCrossesRect(edge.points[k]!, p, node.bounds, 2))) edgesThroughNodes++;
    }
  }
  const counted = options.crossingEdgeIds ? edges.filter((e) => e.element.id !== undefined && options.crossingEdgeIds!.has(e.element.id)) : edges;
  const segments = counted.flatMap((e, id) => e.points.slice(1).map((p, k) => ({ id, a: e.points[k]!, b: p })));
  let edgeCrossings = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const s = segments[i]!;
      const t = segments[j]!;
      if (s.id !== t.id && segmentsCross(s.a, s.b, t.a, t.b)) edgeCrossings++;
    }
  }
  const boundsOf = new Map<BpmnElement, Rect>(shapes.map((s) => [s.element, s.bounds]));
  const inside = (r: Rect, outer: Rect) =>
    r.x >= outer.x && r.y >= outer.y && r.x + r.width <= outer.x + outer.width && r.y + r.height <= outer.y + outer.height;
  let outsideLane = 0;
  for (const shape of shapes) {
    if (!is(shape.element, 'bpmn:Lane')) continue;
    for (const node of shape.element.flowNodeRef ?? []) {
      const r = boundsOf.get(node);
      if (r && !is(node, 'bpmn:BoundaryEvent') && !inside(r, shape.bounds)) outsideLane++;
    }
  }
  for (const participant of shapes.filter((s) => is(s.element, 'bpmn:Participant'))) {
    for (const node of participant.element.processRef ? walk(participant.element.processRef) : []) {
      const r = boundsOf.get(node);
      if (r && is(node, 'bpmn:FlowNode') && !is(node, 'bpmn:BoundaryEvent') && !inside(r, participant.bounds)) outsideLane++;
    }
  }
  const flowsOutside = countFlowsOutside(shapes, edges);
  const labels = [
    ...shapes.flatMap((s) => (s.label ? [{ box: s.label, own: null }] : [])),
    ...edges.flatMap((e) => (e.label ? [{ box: e.label, own: e }] : [])),
  ];
  const onLabel = new Set<number>();
  let labelOverlaps = 0;
  labels.forEach((label, i) => {
    if (!solid.some((n) => !n.expanded && rectsOverlap(label.box, n.bounds))) return;
    labelOverlaps++;
    onLabel.add(i);
  });
  let labelLabelOverlaps = 0;
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (!rectsOverlap(labels[i]!.box, labels[j]!.box)) continue;
      labelLabelOverlaps++;
      onLabel.add(i).add(j);
    }
  }
  let labelLineCollisions = 0;
  labels.forEach((label, i) => {
    for (const edge of edges) {
      const inset = edge === label.own ? OWN_LINE_ALLOWANCE : 1;
      const hit = edge.points.slice(1).some((p, k) => segmentCrossesRect(edge.points[k]!, p, label.box, inset));
      if (!hit) continue;
      labelLineCollisions++;
      onLabel.add(i);
    }
  });
  const sharedSegments = countSharedSegments(edges.filter((e) => is(e.element, 'bpmn:SequenceFlow')));
  const all = [...shapes.map((s) => s.bounds), ...edges.flatMap((e) => e.points.map((p) => ({ x: p.x, y: p.y, width: 0, height: 0 })))];
  const x0 = Math.min(...all.map((r) => r.x));
  const y0 = Math.min(...all.map((r) => r.y));
  const x1 = Math.max(...all.map((r) => r.x + r.width));
  const y1 = Math.max(...all.map((r) => r.y + r.height));
  // An element drawn on any of the document's diagrams has DI.
  const withDi = new Set<BpmnElement | undefined>(
    (definitions.diagrams ?? []).flatMap((d: BpmnElement) => (d.plane?.planeElement ?? []).map((e: BpmnElement) => e.bpmnElement)),
  );
  let missingDi = 0;
  for (const root of definitions.rootElements ?? []) {
    for (const el of walk(root)) {
      if ((is(el, 'bpmn:FlowNode') || is(el, 'bpmn:SequenceFlow')) && !withDi.has(el)) missingDi++;
    }
  }
  return {
    shapes: shapes.length,
    edges: edges.length,
    nodeOverlaps,
    edgesThroughNodes,
    edgeCrossings,
    outsideLane,
    flowsOutside,
    labelOverlaps,
    labelLabelOverlaps,
    sharedSegments,
    labelLineCollisions,
    labelCollisions: onLabel.size,
    area: all.length > 0 ? Math.round((x1 - x0) * (y1 - y0)) : 0,
    missingDi,
  };
}

/** Sequence flows that leave the pool of their process somewhere, or run through a pool's or lane's header. */
function countFlowsOutside(shapes: ShapeDi[], edges: Array<{ element: BpmnElement; points: Point[] }>): number {
  const pools = new Map<BpmnElement, Rect>();
  const headers: Rect[] = [];
  for (const s of shapes) {
    if (!is(s.element, 'bpmn:Participant') && !is(s.element, 'bpmn:Lane')) continue;
    if (is(s.element, 'bpmn:Participant') && s.element.processRef) pools.set(s.element.processRef, s.bounds);
    headers.push({ ...s.bounds, width: HEADER });
  }
  let n = 0;
  for (const edge of edges) {
    if (!is(edge.element, 'bpmn:SequenceFlow')) continue;
    let process = edge.element.$parent;
    while (process && !pools.has(process)) process = process.$parent;
    const pool = process ? pools.get(process)! : null;
    const outside = (p: Point) => pool !== null && (p.x <= pool.x || p.x >= pool.x + pool.width || p.y <= pool.y || p.y >= pool.y + pool.height);
    const through = (a: Point, b: Point) => headers.some((h) => segmentCrossesRect(a, b, h, 1));
    if (edge.points.some(outside) || edge.points.slice(1).some((b, k) => through(edge.points[k]!, b))) n++;
  }
  return n;
}

/** Pairs of flows with a node in common whose routes run along each other somewhere. */
function countSharedSegments(flows: Array<{ element: BpmnElement; points: Point[] }>): number {
  const share = (p: Point[], q: Point[]) =>
    p.slice(1).some((b, i) => q.slice(1).some((d, k) => collinearOverlap(p[i]!, b, q[k]!, d)));
  let n = 0;
  for (let i = 0; i < flows.length; i++) {
    for (let j = i + 1; j < flows.length; j++) {
      const a = flows[i]!.element;
      const b = flows[j]!.element;
      const common = a.sourceRef === b.sourceRef || a.targetRef === b.targetRef || a.sourceRef === b.targetRef || a.targetRef === b.sourceRef;
      if (common && share(flows[i]!.points, flows[j]!.points)) n++;
    }
  }
  return n;
}
