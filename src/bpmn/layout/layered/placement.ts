// Vertical placement: every vertex wants its port line level with its neighbours' (a weighted mean), and each
// layer takes the closest positions that keep the spacing — a least-squares fit solved exactly per layer by
// pool-adjacent-violators. Alternating sweeps make chains straight and centre a split's branches on it.
import { SPACING } from './graph.ts';
import type { ProperGraph, Segment } from './vertices.ts';

const SWEEPS = 5;
/** Flows out of boundary events pull their host only lightly: the host belongs on its main flow's line. */
const SOUTH_PULL = 0.25;

/** Port-line y of every vertex, the topmost extent at 0. */
export function placeVertically(graph: ProperGraph, layers: number[][]): Float64Array {
  const { vertices, segments } = graph;
  const leftOf: Segment[][] = vertices.map(() => []);
  const rightOf: Segment[][] = vertices.map(() => []);
  for (const s of segments) {
    rightOf[s.left]!.push(s);
    leftOf[s.right]!.push(s);
  }
  const gap = (a: number, b: number) => {
    const dummies = (vertices[a]!.node < 0 ? 1 : 0) + (vertices[b]!.node < 0 ? 1 : 0);
    return dummies === 0 ? SPACING.nodeNode : dummies === 1 ? SPACING.edgeNode : SPACING.edgeEdge;
  };
  const separation = (a: number, b: number) => vertices[a]!.down + gap(a, b) + vertices[b]!.up;

  const y = new Float64Array(vertices.length);
  for (const layer of layers) {
    let at = 0;
    layer.forEach((v, i) => {
      at = i === 0 ? vertices[v]!.up : at + separation(layer[i - 1]!, v);
      y[v] = at;
    });
  }

  const desired = new Float64Array(vertices.length);
  const weight = new Float64Array(vertices.length);
  const scratch = scratchFor(layers);
  // Each vertex wants the weighted mean of its neighbours' port lines on one side (and its anchor's, if any).
  const place = (layer: number[], fromLeft: boolean) => {
    for (const v of layer) {
      let sum = 0;
      let w = 0;
      if (fromLeft) {
        for (const s of leftOf[v]!) {
          sum += s.weight * (y[s.left]! + s.leftOffset);
          w += s.weight;
        }
      } else {
        for (const s of rightOf[v]!) {
          const k = s.leftOffset !== 0 ? s.weight * SOUTH_PULL : s.weight;
          sum += k * (y[s.right]! - s.leftOffset);
          w += k;
        }
      }
      const anchor = vertices[v]!.anchor;
      if (anchor >= 0) {
        sum += y[anchor]!;
        w += 1;
      }
      if (w === 0) {
        sum = y[v]! * 0.1;
        w = 0.1;
      }
      desired[v] = sum / w;
      weight[v] = w;
    }
    fit(layer, desired, weight, separation, y, scratch);
  };
  for (let i = 0; i < SWEEPS; i++) {
    for (let l = 1; l < layers.length; l++) place(layers[l]!, true);
    if (i + 1 < SWEEPS) for (let l = layers.length - 2; l >= 0; l--) place(layers[l]!, false);
  }

  // Whole pixels, spacing kept, topmost extent at 0.
  let top = Infinity;
  for (const layer of layers) {
    layer.forEach((v, i) => {
      y[v] = Math.round(y[v]!);
      if (i > 0) y[v] = Math.max(y[v]!, y[layer[i - 1]!]! + separation(layer[i - 1]!, v));
      top = Math.min(top, y[v]! - vertices[v]!.up);
    });
  }
  straightenChains(graph, layers, separation, y);
  if (Number.isFinite(top)) for (let v = 0; v < y.length; v++) y[v] = y[v]! - top;
  return y;
}

/** How far apart a long edge's dummy vertices may lie and still be lined up: more is a real bend, not a jog. */
const MAX_JOG = 20;

/**
 * A long edge whose dummy vertices settled a few px apart is drawn with a small step in every channel it passes; lines
 * them up at one of their heights where every layer has room for it.
 */
function straightenChains(graph: ProperGraph, layers: number[][], separation: (a: number, b: number) => number, y: Float64Array): void {
  const { vertices, segments } = graph;
  const position = new Int32Array(vertices.length);
  for (const layer of layers) layer.forEach((v, i) => (position[v] = i));
  const next = new Int32Array(vertices.length).fill(-1);
  const hasDummyBefore = new Uint8Array(vertices.length);
  for (const s of segments) {
    if (vertices[s.left]!.node < 0 && vertices[s.right]!.node < 0) {
      next[s.left] = s.right;
      hasDummyBefore[s.right] = 1;
    }
  }
  const fits = (v: number, at: number) => {
    const layer = layers[vertices[v]!.layer]!;
    const i = position[v]!;
    const above = layer[i - 1];
    const below = layer[i + 1];
    return (above === undefined || y[above]! + separation(above, v) <= at) && (below === undefined || at + separation(v, below) <= y[below]!);
  };
  vertices.forEach((vertex, first) => {
    if (vertex.node >= 0 || hasDummyBefore[first]) return;
    const chain: number[] = [];
    for (let v = first; v >= 0; v = next[v]!) chain.push(v);
    const heights = chain.map((v) => y[v]!);
    const lo = Math.min(...heights);
    const hi = Math.max(...heights);
    if (chain.length < 2 || hi === lo || hi - lo > MAX_JOG) return;
    // The height most of the chain already has moves the fewest vertices.
    const counts = new Map<number, number>();
    for (const h of heights) counts.set(h, (counts.get(h) ?? 0) + 1);
    const candidates = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a - b);
    const at = candidates.find((h) => chain.every((v) => fits(v, h)));
    if (at !== undefined) for (const v of chain) y[v] = at;
  });
}

/** Work arrays for fit, sized for the largest layer so that no sweep allocates. */
interface Scratch {
  offset: Float64Array;
  start: Int32Array;
  sumW: Float64Array;
  sumWT: Float64Array;
}

function scratchFor(layers: number[][]): Scratch {
  const n = Math.max(1, ...layers.map((l) => l.length));
  return { offset: new Float64Array(n), start: new Int32Array(n), sumW: new Float64Array(n), sumWT: new Float64Array(n) };
}

/**
 * Positions for one layer's vertices (in order) closest to `desired` in the weighted least-squares sense with
 * consecutive vertices at least `separation` apart: substituting z = y − (sum of separations so far) turns this
 * into isotonic regression, which pool-adjacent-violators solves in linear time.
 */
function fit(
  layer: number[],
  desired: ArrayLike<number>,
  weight: ArrayLike<number>,
  separation: (a: number, b: number) => number,
  y: Float64Array,
  { offset, start, sumW, sumWT }: Scratch,
): void {
  const n = layer.length;
  offset[0] = 0;
  for (let i = 1; i < n; i++) offset[i] = offset[i - 1]! + separation(layer[i - 1]!, layer[i]!);
  // Blocks of merged vertices (a stack of `blocks`): first index, total weight, weighted sum of targets.
  let blocks = 0;
  for (let i = 0; i < n; i++) {
    const v = layer[i]!;
    start[blocks] = i;
    sumW[blocks] = weight[v]!;
    sumWT[blocks] = weight[v]! * (desired[v]! - offset[i]!);
    blocks++;
    while (blocks > 1) {
      const k = blocks - 1;
      if (sumWT[k - 1]! / sumW[k - 1]! < sumWT[k]! / sumW[k]!) break;
      sumW[k - 1]! += sumW[k]!;
      sumWT[k - 1]! += sumWT[k]!;
      blocks--;
    }
  }
  for (let k = 0; k < blocks; k++) {
    const mean = sumWT[k]! / sumW[k]!;
    const end = k + 1 < blocks ? start[k + 1]! : n;
    for (let i = start[k]!; i < end; i++) y[layer[i]!] = mean + offset[i]!;
  }
}
