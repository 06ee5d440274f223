// A container's content as the layered layout's input (nodes with the room their labels, satellites and
// boundary events need; flows with their ports), and the result as rectangles and routes by BPMN element.
import type { ContainerContent } from './container.ts';
import type { Point, Rect } from './geometry.ts';
import type { LayerEdge, LayerNode } from './layered/graph.ts';
import { layeredLayout } from './layered/layout.ts';
import { boundaryOffsets, satelliteShelf } from './node-room.ts';
import { externalLabelText, is, labelBoxBelow } from './sizes.ts';
import type { BpmnElement } from '../model.ts';

/** Flows out of boundary events run down past the event (half of it below the border) before turning east. */
const BOUNDARY_TURN = 33;
const TURN_STEP = 12;
const LABEL_GAP = 4;

export interface NodeSize {
  width: number;
  height: number;
}

export interface FlowGraphLayout {
  width: number;
  height: number;
  nodes: Map<BpmnElement, Rect>;
  edges: Map<BpmnElement, Point[]>;
  edgeLabels: Map<BpmnElement, Rect>;
}

export function layoutFlowGraph(content: ContainerContent, sizes: Map<BpmnElement, NodeSize>): FlowGraphLayout {
  const index = new Map<BpmnElement, number>(content.nodes.map((n, i) => [n, i]));
  const nodes: LayerNode[] = content.nodes.map((element) => {
    const { width, height } = sizes.get(element)!;
    const text = externalLabelText(element);
    const label = text ? labelBoxBelow(text, { x: 0, y: 0 }) : null;
    const shelf = satelliteShelf(content.satellites.get(element) ?? []);
    const events = content.boundary.get(element) ?? [];
    let below = label ? Math.ceil(label.height) + LABEL_GAP : 0;
    let span = Math.max(width, Math.ceil(label?.width ?? 0), Math.ceil(shelf.width));
    if (events.length > 0) {
      below = Math.max(below, BOUNDARY_TURN + TURN_STEP * (events.length - 1));
      // A boundary event's label sits beside it and may reach past the host.
      boundaryOffsets(width, events.length).forEach((offset, i) => {
        const name = externalLabelText(events[i]!);
        const reach = name ? offset + 18 + labelBoxBelow(name, { x: 0, y: 0 }).width - width : 0;
        span = Math.max(span, width + 2 * Math.ceil(reach));
      });
    }
    const outline = is(element, 'bpmn:Gateway') ? 'diamond' : is(element, 'bpmn:Event') ? 'circle' : 'rect';
    return { width, height, above: Math.ceil(shelf.height), below, span, outline, closedTop: shelf.height > 0, closedBottom: events.length > 0 };
  });
  const edges: LayerEdge[] = [];
  const elements: BpmnElement[] = [];
  for (const link of content.links) {
    if (is(link.to, 'bpmn:BoundaryEvent')) continue;
    let from = index.get(link.from);
    const to = index.get(link.to);
    let south: LayerEdge['south'] = null;
    if (is(link.from, 'bpmn:BoundaryEvent')) {
      const host = link.from.attachedToRef;
      if (!host) continue;
      const events: BpmnElement[] = content.boundary.get(host) ?? [];
      const k = events.indexOf(link.from);
      from = index.get(host);
      if (from === undefined || k < 0) continue;
      // The leftmost event turns deepest, so its flow runs lowest: it ranks last below the east port.
      const depth = events.length - 1 - k;
      south = { x: boundaryOffsets(nodes[from]!.width, events.length)[k]!, turn: BOUNDARY_TURN + TURN_STEP * depth, rank: depth };
    }
    if (from === undefined || to === undefined) continue;
    const text = link.kind === 'sequence' ? externalLabelText(link.element) : null;
    const label = text ? labelBoxBelow(text, { x: 0, y: 0 }) : null;
    edges.push({ from, to, south, label: label && { width: label.width, height: label.height }, routed: link.kind === 'sequence' });
    elements.push(link.element);
  }
  const result = layeredLayout(nodes, edges);
  const out: FlowGraphLayout = { width: result.width, height: result.height, nodes: new Map(), edges: new Map(), edgeLabels: new Map() };
  content.nodes.forEach((element, i) => out.nodes.set(element, result.nodes[i]!));
  elements.forEach((element, i) => {
    const route = result.routes[i];
    if (route) out.edges.set(element, route);
    const label = result.labels[i];
    if (label) out.edgeLabels.set(element, label);
  });
  return out;
}
