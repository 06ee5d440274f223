// Orthogonal routing through the channels between layers. In each channel the hops that need a vertical run get
// a track; hops leaving one east port (a gateway's branches) or entering one west port share it. Tracks are
// ordered to cross the fewest horizontal runs, then packed so runs whose heights overlap never share a track.
// Layer x positions follow from the widest node of each layer and the tracks each channel needs.
import type { Point, Rect } from '../geometry.ts';
import { SPACING, type LayerEdge, type LayerNode } from './graph.ts';
import { assignPorts, borderAt, spreadSides } from './ports.ts';
import type { Hop, ProperGraph } from './vertices.ts';

/** Hops sharing one vertical run: the heights of their horizontal runs on each side of it. */
interface Track {
  lefts: number[];
  rights: number[];
  lo: number;
  hi: number;
  index: number;
}

/** Insertion is quadratic in a channel's tracks; past this many a sort by height does. */
const INSERTION_LIMIT = 40;
/** Up to this many tracks, every order is tried (pruned by the best so far). */
const EXHAUSTIVE_LIMIT = 7;

/** Horizontal runs of `a` cut by the vertical of `b`, when a's track is left of b's. */
function cuts(a: Track, b: Track): number {
  let n = 0;
  for (const y of a.rights) if (y > b.lo && y < b.hi) n++;
  for (const y of b.lefts) if (y > a.lo && y < a.hi) n++;
  return n;
}

/**
 * The order of n tracks with the fewest cuts (`cut[i * n + j]`: i left of j), by branch and bound from `start`, which
 * it keeps unless another order is strictly better.
 */
function bestOrder(n: number, cut: Int32Array, start: number[]): number[] {
  const costOf = (order: number[]) => {
    let c = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) c += cut[order[i]! * n + order[j]!]!;
    return c;
  };
  let best = start;
  let bestCost = costOf(start);
  const order: number[] = [];
  const used = new Uint8Array(n);
  const extend = (cost: number) => {
    if (cost >= bestCost) return;
    if (order.length === n) {
      best = [...order];
      bestCost = cost;
      return;
    }
    for (let t = 0; t < n; t++) {
      if (used[t]) continue;
      let add = 0;
      for (const k of order) add += cut[k * n + t]!;
      used[t] = 1;
      order.push(t);
      extend(cost + add);
      order.pop();
      used[t] = 0;
    }
  };
  if (bestCost > 0) extend(0);
  return best;
}

/** Orders a channel's tracks left to right and gives each the lowest index clear of the earlier ones it overlaps. */
function assignTracks(tracks: Track[]): number {
  let order: Track[];
  if (tracks.length > INSERTION_LIMIT) order = [...tracks].sort((a, b) => a.lo - b.lo || a.hi - b.hi);
  else {
    // Each track goes where it cuts the fewest runs of those placed so far. The cost of position at + 1 follows from
    // that of position at by moving one placed track from its right to its left.
    const n = tracks.length;
    const cut = new Int32Array(n * n);
    tracks.forEach((a, i) => tracks.forEach((b, j) => i !== j && (cut[i * n + j] = cuts(a, b))));
    const placed: number[] = [];
    tracks.forEach((_, t) => {
      let cost = 0;
      for (const k of placed) cost += cut[t * n + k]!;
      let bestAt = 0;
      let bestCost = cost;
      for (let at = 0; at < placed.length; at++) {
        const k = placed[at]!;
        cost += cut[k * n + t]! - cut[t * n + k]!;
        if (cost < bestCost) {
          bestCost = cost;
          bestAt = at + 1;
        }
      }
      placed.splice(bestAt, 0, t);
    });
    order = (n <= EXHAUSTIVE_LIMIT ? bestOrder(n, cut, placed) : placed).map((t) => tracks[t]!);
  }
  let count = 0;
  order.forEach((t, i) => {
    let index = 0;
    for (let k = 0; k < i; k++) {
      const o = order[k]!;
      if (o.lo <= t.hi + SPACING.edgeEdge / 2 && t.lo <= o.hi + SPACING.edgeEdge / 2) index = Math.max(index, o.index + 1);
    }
    t.index = index;
    count = Math.max(count, index + 1);
  });
  return count;
}

export interface Routed {
  width: number;
  height: number;
  nodes: Rect[];
  routes: Array<Point[] | null>;
  labels: Array<Rect | null>;
}

export function route(nodes: LayerNode[], edges: LayerEdge[], graph: ProperGraph, y: Float64Array): Routed {
  const { vertices, layerCount, hops } = graph;
  const levelY = (h: Hop, end: 'from' | 'to') => (end === 'from' ? y[h.from]! + h.fromOffset : y[h.to]!);
  // Hops leaving or entering a node through its top or bottom run vertically beside it and need no track; a task's
  // other flows leave (enter) its side at distinct heights.
  const ports = assignPorts(nodes, graph, y, levelY);
  const shift = spreadSides(nodes, graph, y, ports, levelY);
  const hopY = (h: Hop, end: 'from' | 'to') => levelY(h, end) + (shift.get(h)?.[end] ?? 0);

  // Tracks per channel (index channel + 1, channel −1 being left of layer 0).
  const channels: Track[][] = Array.from({ length: layerCount + 1 }, () => []);
  const trackOf = new Map<Hop, Track>();
  // Hops that leave one east port (or enter one west port) in one channel, keyed by number: out keys even, in keys odd.
  const groupSize = new Map<number, number>();
  // Hops leaving (entering) a task at a height of their own share nothing.
  const outKey = (h: Hop) => (h.fanOut >= 0 && !shift.get(h)?.from ? 2 * ((h.channel + 1) * vertices.length + h.fanOut) : -1);
  const inKey = (h: Hop) => (h.fanIn >= 0 && !shift.get(h)?.to ? 2 * ((h.channel + 1) * vertices.length + h.fanIn) + 1 : -1);
  for (const list of hops) {
    for (const h of list) {
      if (ports.has(h)) continue;
      for (const k of [outKey(h), inKey(h)]) if (k >= 0) groupSize.set(k, (groupSize.get(k) ?? 0) + 1);
    }
  }
  const shared = new Map<number, Track>();
  for (const list of hops) {
    for (const h of list) {
      if (ports.has(h)) continue;
      const a = hopY(h, 'from');
      const b = hopY(h, 'to');
      const out = outKey(h);
      const into = inKey(h);
      const outSize = out >= 0 ? groupSize.get(out)! : 0;
      const inSize = into >= 0 ? groupSize.get(into)! : 0;
      const key = outSize >= inSize && outSize > 1 ? out : inSize > 1 ? into : null;
      if (key === null && a === b && h.fromSide !== h.toSide) continue;
      let track = key === null ? undefined : shared.get(key);
      if (!track) {
        track = { lefts: [], rights: [], lo: Infinity, hi: -Infinity, index: 0 };
        channels[h.channel + 1]!.push(track);
        if (key !== null) shared.set(key, track);
      }
      (h.fromSide === 'L' ? track.lefts : track.rights).push(a);
      (h.toSide === 'L' ? track.lefts : track.rights).push(b);
      track.lo = Math.min(track.lo, a, b);
      track.hi = Math.max(track.hi, a, b);
      trackOf.set(h, track);
    }
  }

  // Layer widths, channel widths (tracks, and room for a label on the first run of a labelled edge), x positions.
  const layerWidth = new Array<number>(layerCount).fill(0);
  for (const v of vertices) if (v.node >= 0) layerWidth[v.layer] = Math.max(layerWidth[v.layer]!, nodes[v.node]!.span);
  const trackCount = channels.map(assignTracks);
  const inner = (c: number) => c >= 0 && c < layerCount - 1;
  const baseWidth = trackCount.map((t, i) => {
    const c = i - 1;
    if (inner(c)) return Math.max(SPACING.layer, 2 * SPACING.edgeNode + (t - 1) * SPACING.edgeEdge);
    return t > 0 ? 2 * SPACING.edgeNode + (t - 1) * SPACING.edgeEdge : 0;
  });
  const trackOffset = (c: number, index: number) => {
    const t = trackCount[c + 1]!;
    const used = (t - 1) * SPACING.edgeEdge;
    return Math.round((baseWidth[c + 1]! - used) / 2 + index * SPACING.edgeEdge);
  };
  // Labels widen a channel on the right only, so the tracks stay where they are.
  const channelWidth = [...baseWidth];
  edges.forEach((e, i) => {
    const first = hops[i]![0];
    if (!e.label || !first || first.toSide !== 'R') return;
    const port = ports.get(first);
    if (port?.end === 'out') {
      // The label sits beside the run from the port on: clear of the next layer's nodes.
      const k = first.channel + 1;
      const l = vertices[first.from]!.layer;
      channelWidth[k] = Math.max(channelWidth[k]!, Math.ceil(port.dx + 15 + e.label.width - layerWidth[l]! / 2));
      return;
    }
    const track = trackOf.get(first);
    const start = track ? trackOffset(first.channel, track.index) : 0;
    const k = first.channel + 1;
    channelWidth[k] = Math.max(channelWidth[k]!, start + e.label.width + 10);
  });
  const channelLeft = new Array<number>(layerCount + 1).fill(0);
  const layerX = new Array<number>(layerCount).fill(0);
  let x = channelWidth[0]!;
  for (let l = 0; l < layerCount; l++) {
    layerX[l] = x;
    x += layerWidth[l]!;
    channelLeft[l + 1] = x;
    x += channelWidth[l + 1]!;
  }
  const width = x;
  const trackX = (h: Hop) => channelLeft[h.channel + 1]! + trackOffset(h.channel, trackOf.get(h)!.index);

  const rects: Rect[] = nodes.map((n, i) => {
    const l = vertices[i]!.layer;
    return { x: layerX[l]! + Math.round((layerWidth[l]! - n.width) / 2), y: y[i]! - Math.round(n.height / 2), width: n.width, height: n.height };
  });
  let height = 0;
  vertices.forEach((v, i) => (height = Math.max(height, y[i]! + v.down)));

  const centreX = (v: number) => rects[v]!.x + rects[v]!.width / 2;
  const portPoint = (v: number, dx: number, side: 'top' | 'bottom'): Point => ({ x: centreX(v) + dx, y: y[v]! + borderAt(nodes[v]!, dx, side) });
  const routes: Array<Point[] | null> = [];
  const labels: Array<Rect | null> = [];
  edges.forEach((e, i) => {
    labels.push(null);
    if (!e.routed) return routes.push(null);
    const source = rects[e.from]!;
    const target = rects[e.to]!;
    const list = hops[i]!;
    const exit = list[0] && ports.get(list[0])?.end === 'out' ? ports.get(list[0])! : null;
    const last = list[list.length - 1];
    const entry = last && ports.get(last)?.end === 'in' ? ports.get(last)! : null;
    const points: Point[] = [];
    if (exit) points.push(portPoint(e.from, exit.dx, exit.side));
    else if (e.south) {
      const sx = source.x + e.south.x;
      points.push({ x: sx, y: source.y + source.height }, { x: sx, y: source.y + source.height + e.south.turn });
    } else points.push({ x: source.x + source.width, y: y[e.from]! + (list[0] ? (shift.get(list[0])?.from ?? 0) : 0) });
    if (e.from === e.to) {
      // A boundary event's flow back into its own host: round the host's lower left corner.
      const turnY = points[1]!.y;
      points.push({ x: source.x - SPACING.edgeNode, y: turnY }, { x: source.x - SPACING.edgeNode, y: y[e.to]! });
    }
    for (const [k, h] of list.entries()) {
      if (k === 0 && exit) points.push({ x: points[0]!.x, y: hopY(h, 'to') });
      else if (h === last && entry) {
        const end = portPoint(e.to, entry.dx, entry.side);
        points.push({ x: end.x, y: hopY(h, 'from') }, end);
      } else if (trackOf.has(h)) {
        const tx = trackX(h);
        points.push({ x: tx, y: hopY(h, 'from') }, { x: tx, y: hopY(h, 'to') });
      }
    }
    if (!entry) points.push({ x: target.x, y: y[e.to]! + (last ? (shift.get(last)?.to ?? 0) : 0) });
    routes.push(points);
    const first = list[0];
    if (e.label && first) {
      const { width: w, height: h } = e.label;
      const runY = hopY(first, 'to');
      if (exit) {
        // Beside the run right after the turn: above it for a branch that went up, below for one that went down.
        const x = first.toSide === 'R' ? points[0]!.x + 5 : points[0]!.x - 5 - w;
        labels[i] = { x, y: exit.side === 'top' ? runY - h - 3 : runY + 3, width: w, height: h };
      } else {
        const track = trackOf.get(first);
        const tx = track ? trackX(first) : channelLeft[first.channel + 1]!;
        labels[i] = first.toSide === 'R' ? { x: tx + 5, y: runY - h - 3, width: w, height: h } : { x: tx - 5 - w, y: runY - h - 3, width: w, height: h };
      }
    }
  });
  return { width, height, nodes: rects, routes, labels };
}
