// The layered (Sugiyama) layout of one container, left to right: break cycles, assign layers, order each layer,
// place vertically, route through the channels. Connected components are laid out apart and stacked.
import type { Point, Rect } from '../geometry.ts';
import { reversedEdges } from './cycles.ts';
import { SPACING, type LayerEdge, type LayerNode, type LayeredResult } from './graph.ts';
import { assignLayers } from './layering.ts';
import { orderLayers } from './ordering.ts';
import { placeVertically } from './placement.ts';
import { route, type Routed } from './routing.ts';
import { properGraph } from './vertices.ts';

function layoutComponent(nodes: LayerNode[], edges: LayerEdge[]): Routed {
  const reversed = reversedEdges(nodes.length, edges);
  const dag = edges.flatMap((e, i): Array<[number, number]> => (e.from === e.to ? [] : [reversed[i] ? [e.to, e.from] : [e.from, e.to]]));
  const layer = assignLayers(nodes.length, dag);
  const graph = properGraph(nodes, edges, layer, reversed);
  const layers = orderLayers(graph);
  const y = placeVertically(graph, layers);
  return route(nodes, edges, graph, y);
}

/** Node groups joined by edges, each in model order, ordered by their first node. */
function components(nodeCount: number, edges: LayerEdge[]): number[][] {
  const parent = Array.from({ length: nodeCount }, (_, i) => i);
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]!]!;
      v = parent[v]!;
    }
    return v;
  };
  for (const e of edges) {
    const a = find(e.from);
    const b = find(e.to);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const groups = new Map<number, number[]>();
  for (let v = 0; v < nodeCount; v++) {
    const root = find(v);
    const list = groups.get(root);
    if (list) list.push(v);
    else groups.set(root, [v]);
  }
  return [...groups.values()];
}

export function layeredLayout(nodes: LayerNode[], edges: LayerEdge[]): LayeredResult {
  const result: LayeredResult = { width: 0, height: 0, nodes: new Array<Rect>(nodes.length), routes: edges.map(() => null), labels: edges.map(() => null) };
  const pad = SPACING.padding;
  let top = pad;
  let right = 0;
  const groups = components(nodes.length, edges);
  // Each node's component and its index there; each component's edges, in order.
  const componentOf = new Int32Array(nodes.length);
  const indexIn = new Int32Array(nodes.length);
  groups.forEach((members, c) => members.forEach((v, i) => ((componentOf[v] = c), (indexIn[v] = i))));
  const edgesOf: number[][] = groups.map(() => []);
  edges.forEach((e, i) => edgesOf[componentOf[e.from]!]!.push(i));
  for (const [c, members] of groups.entries()) {
    const edgeIds = edgesOf[c]!;
    const part = layoutComponent(
      members.map((v) => nodes[v]!),
      edgeIds.map((i) => ({ ...edges[i]!, from: indexIn[edges[i]!.from]!, to: indexIn[edges[i]!.to]! })),
    );
    // The component's rectangles, points and labels are its own: move them in place.
    const move = (p: Point) => {
      p.x += pad;
      p.y += top;
    };
    members.forEach((v, i) => {
      move(part.nodes[i]!);
      result.nodes[v] = part.nodes[i]!;
    });
    edgeIds.forEach((e, i) => {
      const route = part.routes[i] ?? null;
      route?.forEach(move);
      result.routes[e] = route;
      const label = part.labels[i];
      if (label) {
        move(label);
        result.labels[e] = label;
      }
    });
    right = Math.max(right, part.width);
    top += part.height + SPACING.component;
  }
  result.width = right + 2 * pad;
  result.height = nodes.length > 0 ? top - SPACING.component + pad : 2 * pad;
  return result;
}
