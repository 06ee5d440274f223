// The proper layered graph: a vertex per node plus a dummy per layer a long edge passes, segments between
// adjacent layers, and for every routed edge the channels it crosses between the layers, in flow order.
import type { LayerEdge, LayerNode } from './graph.ts';

export interface Vertex {
  layer: number;
  /** The node it draws, or −1 for a dummy (a point an edge passes). */
  node: number;
  /** Extents above and below its port line (a node's mid-height) including the room kept free. */
  up: number;
  down: number;
  /** A dummy that turns an edge back sits next to this vertex of its own layer (−1: none). */
  anchor: number;
}

/** An edge piece between vertex `left` (layer l) and `right` (layer l + 1). */
export interface Segment {
  left: number;
  right: number;
  /** Offset of the left end from the left vertex's port line (flows out of boundary events turn lower). */
  leftOffset: number;
  /** Order among the segments leaving the same vertex: the east port, then boundary events. */
  leftRank: number;
  weight: number;
}

/** Where an edge crosses the channel right of layer `channel` (−1: left of layer 0). */
export interface Hop {
  channel: number;
  from: number;
  fromOffset: number;
  to: number;
  /** Which side of the channel each end is on: forward hops go L → R, back edges R → L or turn (L → L, R → R). */
  fromSide: 'L' | 'R';
  toSide: 'L' | 'R';
  /** Set when the hop leaves a node's east port / enters a node's west port: hops sharing one share a track. */
  fanOut: number;
  fanIn: number;
}

export interface ProperGraph {
  vertices: Vertex[];
  segments: Segment[];
  layerCount: number;
  /** By edge index: the hops of a routed edge (empty for self-loops and unrouted edges). */
  hops: Hop[][];
}

export function properGraph(nodes: LayerNode[], edges: LayerEdge[], layer: number[], reversed: boolean[]): ProperGraph {
  const vertices: Vertex[] = nodes.map((n, i) => {
    const port = Math.round(n.height / 2);
    return { layer: layer[i]!, node: i, up: port + n.above, down: n.height - port + n.below, anchor: -1 };
  });
  const segments: Segment[] = [];
  const dummy = (l: number, anchor = -1): number => {
    vertices.push({ layer: l, node: -1, up: 0, down: 0, anchor });
    return vertices.length - 1;
  };
  const weightOf = (a: number, b: number) => (vertices[a]!.node < 0 && vertices[b]!.node < 0 ? 8 : vertices[a]!.node < 0 || vertices[b]!.node < 0 ? 2 : 1);
  const hops: Hop[][] = edges.map(() => []);
  edges.forEach((e, i) => {
    if (e.from === e.to) return;
    // Relative to the port line: from mid-height down to the bottom border, then down to the turn.
    const offset = e.south ? nodes[e.from]!.height - Math.round(nodes[e.from]!.height / 2) + e.south.turn : 0;
    const rank = e.south ? e.south.rank + 1 : 0;
    const fanOut = e.south ? -1 : e.from;
    if (!reversed[i]) {
      const a = layer[e.from]!;
      const b = layer[e.to]!;
      const chain = [e.from];
      for (let l = a + 1; l < b; l++) chain.push(dummy(l));
      chain.push(e.to);
      for (let k = 0; k + 1 < chain.length; k++) {
        segments.push({ left: chain[k]!, right: chain[k + 1]!, leftOffset: k === 0 ? offset : 0, leftRank: k === 0 ? rank : 0, weight: weightOf(chain[k]!, chain[k + 1]!) });
        if (!e.routed) continue;
        hops[i]!.push({
          channel: a + k,
          from: chain[k]!,
          fromOffset: k === 0 ? offset : 0,
          to: chain[k + 1]!,
          fromSide: 'L',
          toSide: 'R',
          fanOut: k === 0 ? fanOut : -1,
          fanIn: k + 2 === chain.length ? e.to : -1,
        });
      }
      return;
    }
    // A back edge leaves its source east, turns round in the channel after it, runs left through a dummy in every
    // layer from the source's to the target's, and turns round again to enter the target from the west.
    const j = layer[e.from]!;
    const t = layer[e.to]!;
    const chain: number[] = [];
    for (let l = t; l <= j; l++) chain.push(dummy(l, l === t ? e.to : l === j ? e.from : -1));
    for (let k = 0; k + 1 < chain.length; k++) {
      segments.push({ left: chain[k]!, right: chain[k + 1]!, leftOffset: 0, leftRank: 0, weight: weightOf(chain[k]!, chain[k + 1]!) });
    }
    if (!e.routed) return;
    const list = hops[i]!;
    list.push({ channel: j, from: e.from, fromOffset: offset, to: chain[chain.length - 1]!, fromSide: 'L', toSide: 'L', fanOut, fanIn: -1 });
    for (let l = j - 1; l >= t; l--) {
      list.push({ channel: l, from: chain[l + 1 - t]!, fromOffset: 0, to: chain[l - t]!, fromSide: 'R', toSide: 'L', fanOut: -1, fanIn: -1 });
    }
    list.push({ channel: t - 1, from: chain[0]!, fromOffset: 0, to: e.to, fromSide: 'R', toSide: 'R', fanOut: -1, fanIn: e.to });
  });
  return { vertices, segments, layerCount: Math.max(0, ...layer) + 1, hops };
}
