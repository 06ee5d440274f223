// Builds the elkjs layered graph for one container and runs it: nodes with east/west ports for sequence flows,
// south ports where boundary events sit, external labels reserved below their shapes.
import ElkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';
import type { ContainerContent } from './container.ts';
import type { Point, Rect } from './geometry.ts';
import { defaultSize, externalLabelText, is, labelBoxBelow } from './sizes.ts';

// The bundle is CommonJS; depending on the loader its constructor is the module itself or its `default`.
const ElkConstructor = ((ElkBundled as any).default ?? ElkBundled) as new () => ELK;
const elk = new ElkConstructor();

const spent = { wallMs: 0, cpuMs: 0 };

/**
 * Wall and CPU time spent inside elkjs by this process so far, so a benchmark can tell ELK's share of a layout.
 * CPU time is the whole process's (including GC threads) while the call ran.
 */
export function timeInElk(): { wallMs: number; cpuMs: number } {
  return { ...spent };
}

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '50',
  'elk.spacing.edgeNode': '20',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  'elk.spacing.edgeEdge': '12',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
  'elk.spacing.labelNode': '4',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.componentComponent': '50',
  'elk.padding': '[top=20,left=20,bottom=20,right=20]',
  'elk.layered.mergeEdges': 'false',
};

export interface NodeSpec {
  element: any;
  width: number;
  height: number;
}

export interface ElkResult {
  width: number;
  height: number;
  nodes: Map<any, Rect>;
  /** Node labels (relative to the container) as ELK reserved them. */
  nodeLabels: Map<any, Rect>;
  edges: Map<any, Point[]>;
  edgeLabels: Map<any, Rect>;
  /** Boundary event → centre of its port on the host's bottom border. */
  boundaryAnchors: Map<any, Point>;
}

export const SATELLITE_GAP = 20;

/** Slots for the satellites of one node, left to right, each as wide as the element or its label. */
export function satelliteShelf(satellites: any[]): { width: number; height: number; slots: Array<{ element: any; x: number; width: number; height: number }> } {
  const slots: Array<{ element: any; x: number; width: number; height: number }> = [];
  let x = 0;
  let height = 0;
  for (const element of satellites) {
    const size = defaultSize(element);
    const text = externalLabelText(element);
    const label = text ? labelBoxBelow(text, { x: 0, y: 0 }) : null;
    const width = Math.max(size.width, label?.width ?? 0);
    slots.push({ element, x: x + (width - size.width) / 2, width: size.width, height: size.height });
    x += width + SATELLITE_GAP;
    height = Math.max(height, size.height + (label ? label.height + 4 : 0));
  }
  return { width: Math.max(0, x - SATELLITE_GAP), height: height > 0 ? height + SATELLITE_GAP : 0, slots };
}

/** Where along the host's bottom border each boundary event sits (centre x offsets). */
export function boundaryOffsets(hostWidth: number, count: number): number[] {
  const step = Math.min(56, hostWidth / (count + 1));
  const start = hostWidth / 2 - (step * (count - 1)) / 2;
  return Array.from({ length: count }, (_, i) => Math.round(start + i * step));
}

/** The elkjs input for one container, and the flow element behind each of its edges (in order). */
export function buildElkGraph(content: ContainerContent, sizes: Map<any, NodeSpec>): { root: ElkNode; edgeElements: any[] } {
  const ids = new Map<any, string>();
  content.nodes.forEach((n, i) => ids.set(n, `n${i}`));
  const children: ElkNode[] = content.nodes.map((element) => {
    const id = ids.get(element)!;
    const { width, height } = sizes.get(element)!;
    const ports: ElkPort[] = [
      { id: `${id}:w`, x: 0, y: height / 2, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'WEST' } },
      { id: `${id}:e`, x: width, y: height / 2, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'EAST' } },
    ];
    const attached = content.boundary.get(element) ?? [];
    boundaryOffsets(width, attached.length).forEach((x, i) => {
      ports.push({ id: `${id}:b${i}`, x, y: height, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'SOUTH' } });
    });
    const node: ElkNode = { id, width, height, ports, labels: [], layoutOptions: { 'elk.portConstraints': 'FIXED_POS' } };
    const text = externalLabelText(element);
    if (text) {
      const box = labelBoxBelow(text, { x: 0, y: 0 });
      node.labels!.push({
        text,
        width: box.width,
        height: box.height,
        layoutOptions: { 'elk.nodeLabels.placement': 'OUTSIDE V_BOTTOM H_CENTER' },
      });
    }
    const shelf = satelliteShelf(content.satellites.get(element) ?? []);
    if (shelf.width > 0) {
      // Reserving the satellites' room as a label above the node makes ELK keep it free.
      node.labels!.push({
        text: ' ',
        width: shelf.width,
        height: shelf.height,
        layoutOptions: { 'elk.nodeLabels.placement': 'OUTSIDE V_TOP H_CENTER' },
      });
    }
    return node;
  });
  const portOf = (element: any, side: 'w' | 'e'): string | null => {
    if (is(element, 'bpmn:BoundaryEvent')) {
      const host = element.attachedToRef;
      const index = (content.boundary.get(host) ?? []).indexOf(element);
      return ids.has(host) && index >= 0 ? `${ids.get(host)}:b${index}` : null;
    }
    return ids.has(element) ? `${ids.get(element)}:${side}` : null;
  };
  const edges: ElkExtendedEdge[] = [];
  const edgeElements: any[] = [];
  for (const link of content.links) {
    const source = link.kind === 'sequence' ? portOf(link.from, 'e') : ids.get(link.from) ?? portOf(link.from, 'e');
    const target = link.kind === 'sequence' ? portOf(link.to, 'w') : ids.get(link.to) ?? portOf(link.to, 'w');
    if (!source || !target) continue;
    const edge: ElkExtendedEdge = { id: `e${edges.length}`, sources: [source], targets: [target] };
    const text = externalLabelText(link.element);
    if (text) {
      const box = labelBoxBelow(text, { x: 0, y: 0 });
      edge.labels = [{ text, width: box.width, height: box.height }];
    }
    edges.push(edge);
    edgeElements.push(link.element);
  }
  return { root: { id: 'root', layoutOptions: { ...LAYOUT_OPTIONS }, children, edges }, edgeElements };
}

/** Runs elkjs on a graph (counted in `timeInElk`). */
export async function layoutElkGraph(root: ElkNode): Promise<ElkNode> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const graph = await elk.layout(root);
  const used = process.cpuUsage(cpu);
  spent.wallMs += performance.now() - started;
  spent.cpuMs += (used.user + used.system) / 1000;
  return graph;
}

export async function runElk(content: ContainerContent, sizes: Map<any, NodeSpec>): Promise<ElkResult> {
  const { root, edgeElements } = buildElkGraph(content, sizes);
  const graph = await layoutElkGraph(root);

  const result: ElkResult = {
    width: graph.width ?? 0,
    height: graph.height ?? 0,
    nodes: new Map(),
    nodeLabels: new Map(),
    edges: new Map(),
    edgeLabels: new Map(),
    boundaryAnchors: new Map(),
  };
  (graph.children ?? []).forEach((child, i) => {
    const element = content.nodes[i];
    const bounds = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
    result.nodes.set(element, bounds);
    const label = child.labels?.find((l) => l.text !== ' ');
    if (label) {
      result.nodeLabels.set(element, {
        x: bounds.x + (label.x ?? 0),
        y: bounds.y + (label.y ?? 0),
        width: label.width ?? 0,
        height: label.height ?? 0,
      });
    }
    (content.boundary.get(element) ?? []).forEach((event, k) => {
      const port = child.ports?.find((p) => p.id === `${child.id}:b${k}`);
      result.boundaryAnchors.set(event, { x: bounds.x + (port?.x ?? 0), y: bounds.y + bounds.height });
    });
  });
  (graph.edges ?? []).forEach((edge, i) => {
    const section = edge.sections?.[0];
    if (!section) return;
    result.edges.set(edgeElements[i], [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]);
    const label = edge.labels?.[0];
    if (label) {
      result.edgeLabels.set(edgeElements[i], {
        x: label.x ?? 0,
        y: label.y ?? 0,
        width: label.width ?? 0,
        height: label.height ?? 0,
      });
    }
  });
  return result;
}
