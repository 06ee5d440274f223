// Top and bottom ports, as bpmn-js users draw splits and joins: of the branches leaving a node, the one level with it
// leaves east and those above (below) leave through the top (bottom) and turn at their own height, so no two share
// a line; branches entering a join come in the same way. Several on one side leave at distinct points, nested so
// they do not cross: the one turning farthest from the node nearest the centre.
import { SPACING, type LayerNode } from './graph.ts';
import type { Hop, ProperGraph } from './vertices.ts';

/** Where a hop leaves its source (`out`) or enters its target (`in`) vertically: x from the node's centre. */
export interface Port {
  end: 'out' | 'in';
  side: 'top' | 'bottom';
  dx: number;
}

const STEP = 10;
/** A run must lie this far beyond the border for a vertical piece that reads as one (an arrowhead is 10 px long). */
export const MIN_STUB = 15;

/** How far from the centre a port may sit on a node's top or bottom (the border must still be flat or near it). */
function reach(node: LayerNode): number {
  if (node.outline === 'circle') return node.width / 2 - 8;
  if (node.outline === 'diamond') return node.width / 2 - 5;
  return node.width / 2 - 10;
}

/** y of the border of a node centred on (0, 0) at dx from its centre, on its top (negative) or bottom. */
export function borderAt(node: LayerNode, dx: number, side: 'top' | 'bottom'): number {
  const half = node.height / 2;
  let depth = half;
  if (node.outline === 'diamond') depth = half * (1 - Math.abs(dx) / (node.width / 2));
  else if (node.outline === 'circle') depth = Math.sqrt(Math.max(0, half * half - dx * dx));
  return Math.round(side === 'top' ? -depth : depth);
}

export function assignPorts(nodes: LayerNode[], graph: ProperGraph, y: Float64Array, hopY: (h: Hop, end: 'from' | 'to') => number): Map<Hop, Port> {
  const { vertices, hops } = graph;
  const layers: number[][] = Array.from({ length: graph.layerCount }, () => []);
  vertices.forEach((v, i) => layers[v.layer]!.push(i));
  const outs: Hop[][] = nodes.map(() => []);
  const ins: Hop[][] = nodes.map(() => []);
  for (const list of hops) {
    const first = list[0];
    const last = list[list.length - 1];
    if (first && first.fanOut >= 0) outs[first.fanOut]!.push(first);
    if (last && last.fanIn >= 0) ins[last.fanIn]!.push(last);
  }
  const ports = new Map<Hop, Port>();
  // A side some flows leave through is not one others enter through (they would run along each other).
  const used = new Set<string>();
  // Nothing of the node's layer may lie between its border and the run's height (its own label aside).
  const clear = (v: number, run: number, border: number, other: number) => {
    const lo = Math.min(run, border) - SPACING.edgeEdge / 2;
    const hi = Math.max(run, border) + SPACING.edgeEdge / 2;
    return layers[vertices[v]!.layer]!.every((u) => u === v || u === other || y[u]! + vertices[u]!.down < lo || y[u]! - vertices[u]!.up > hi);
  };
  const place = (v: number, list: Hop[], end: 'out' | 'in') => {
    if (list.length < 2) return;
    const node = nodes[v]!;
    const far = end === 'out' ? 'to' : 'from';
    // A hop that runs on towards the far side of the node's own layer (a back edge) fans out on the other side.
    const backward = (h: Hop) => (end === 'out' ? h.toSide === 'L' : h.fromSide === 'R');
    for (const side of ['top', 'bottom'] as const) {
      if ((side === 'top' ? node.closedTop : node.closedBottom) || used.has(`${v} ${side}`)) continue;
      const sign = side === 'top' ? -1 : 1;
      const border = y[v]! + sign * (node.height / 2);
      const beyond = list
        .filter((h) => !ports.has(h) && sign * (hopY(h, far) - border) >= MIN_STUB)
        .sort((a, b) => sign * (hopY(b, far) - hopY(a, far)));
      const forward = beyond.filter((h) => !backward(h));
      const back = beyond.filter(backward);
      // Forward runs go on east (out) or came from the west (in): their ports fan towards that side, back ones away.
      const towards = end === 'out' ? 1 : -1;
      for (const [group, direction, start] of [
        [forward, towards, 0],
        [back, -towards, forward.length > 0 ? 1 : 0],
      ] as const) {
        // The farthest run takes the port nearest the centre; stop at the first that cannot leave vertically,
        // since a run nearer the node then crosses those routed through the channel.
        for (const [k, h] of group.entries()) {
          const dx = direction * STEP * (start + k);
          if (Math.abs(dx) > reach(node) || !clear(v, hopY(h, far), border, end === 'out' ? h.to : h.from)) break;
          ports.set(h, { end, side, dx });
          used.add(`${v} ${side}`);
        }
      }
    }
  };
  nodes.forEach((_, v) => place(v, outs[v]!, 'out'));
  nodes.forEach((_, v) => place(v, ins[v]!, 'in'));
  return ports;
}

/**
 * A task's several flows out that still leave east (in: enter west) leave at distinct heights 10 px apart, in the
 * order of their runs — the level one at mid-height, those going up above it, those going down below — so each gets
 * its own first segment and track. Gateways and events have one east point; their flows keep sharing it.
 */
export function spreadSides(nodes: LayerNode[], graph: ProperGraph, y: Float64Array, ports: Map<Hop, Port>, hopY: (h: Hop, end: 'from' | 'to') => number): Map<Hop, { from: number; to: number }> {
  const shift = new Map<Hop, { from: number; to: number }>();
  const lists: Array<{ list: Hop[]; end: 'from' | 'to' }> = [];
  const outs = new Map<number, Hop[]>();
  const ins = new Map<number, Hop[]>();
  for (const list of graph.hops) {
    const first = list[0];
    const last = list[list.length - 1];
    if (first && first.fanOut >= 0 && !ports.has(first)) (outs.get(first.fanOut) ?? outs.set(first.fanOut, []).get(first.fanOut)!).push(first);
    if (last && last.fanIn >= 0 && !ports.has(last)) (ins.get(last.fanIn) ?? ins.set(last.fanIn, []).get(last.fanIn)!).push(last);
  }
  for (const list of outs.values()) lists.push({ list, end: 'from' });
  for (const list of ins.values()) lists.push({ list, end: 'to' });
  for (const { list, end } of lists) {
    const v = end === 'from' ? list[0]!.from : list[0]!.to;
    const node = nodes[v]!;
    if (list.length < 2 || (node.outline ?? 'rect') !== 'rect') continue;
    const far = end === 'from' ? 'to' : 'from';
    const limit = node.height / 2 - 10;
    const above = list.filter((h) => hopY(h, far) < y[v]! - 0.5).sort((a, b) => hopY(b, far) - hopY(a, far));
    const below = list.filter((h) => hopY(h, far) > y[v]! + 0.5).sort((a, b) => hopY(a, far) - hopY(b, far));
    for (const [group, sign] of [
      [above, -1],
      [below, 1],
    ] as const) {
      group.forEach((h, k) => {
        const offset = sign * STEP * (k + 1);
        if (Math.abs(offset) > limit) return;
        const s = shift.get(h) ?? { from: 0, to: 0 };
        s[end] = offset;
        shift.set(h, s);
      });
    }
  }
  return shift;
}
