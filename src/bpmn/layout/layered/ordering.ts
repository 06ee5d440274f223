// Crossing reduction: an initial order that follows the model (depth-first through the layers), then barycenter
// sweeps left→right and right→left; the order with the fewest crossings wins. Ties keep the previous order,
// so model order decides where nothing else does.
import type { ProperGraph, Segment } from './vertices.ts';

const SWEEPS = 4;

/** Crossings between the segments of two adjacent layers, given each vertex's position in its layer. */
export function countCrossings(between: Segment[], pos: Int32Array): number {
  const n = between.length;
  if (n < 2) return 0;
  // Sorted by left end (port rank breaking ties), then right end, two segments cross when the later one ends
  // higher on the right: count those with a Fenwick tree over right positions.
  let width = 1;
  for (const s of between) width = Math.max(width, pos[s.right]! + 1);
  const keys = new Float64Array(n);
  between.forEach((s, i) => (keys[i] = (pos[s.left]! * 64 + s.leftRank) * width + pos[s.right]!));
  keys.sort();
  const tree = new Int32Array(width + 1);
  let crossings = 0;
  for (let i = 0; i < n; i++) {
    const right = keys[i]! % width;
    let atOrBelow = 0;
    for (let j = right + 1; j > 0; j -= j & -j) atOrBelow += tree[j]!;
    crossings += i - atOrBelow;
    for (let j = right + 1; j <= width; j += j & -j) tree[j]!++;
  }
  return crossings;
}

/** The vertices of each layer, top to bottom. */
export function orderLayers(graph: ProperGraph): number[][] {
  const { vertices, segments, layerCount } = graph;
  const leftOf: Segment[][] = vertices.map(() => []);
  const rightOf: Segment[][] = vertices.map(() => []);
  const between: Segment[][] = Array.from({ length: Math.max(0, layerCount - 1) }, () => []);
  for (const s of segments) {
    rightOf[s.left]!.push(s);
    leftOf[s.right]!.push(s);
    between[vertices[s.left]!.layer]!.push(s);
  }
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  vertices.forEach((v, i) => layers[v.layer]!.push(i));
  const pos = new Int32Array(vertices.length);
  const setPositions = (layer: number[]) => layer.forEach((v, i) => (pos[v] = i));

  // Initial order: a vertex follows its first predecessor, in the order that predecessor's edges were drawn.
  const key = new Float64Array(vertices.length);
  for (const [l, layer] of layers.entries()) {
    for (const v of layer) {
      const lefts = leftOf[v]!;
      if (l === 0 || lefts.length === 0) key[v] = 1e9 + v;
      else key[v] = Math.min(...lefts.map((s) => pos[s.left]! * 1024 + s.leftRank * 256 + rightOf[s.left]!.indexOf(s)));
    }
    // A dummy turning a back edge starts next to the node it turns at.
    for (const v of layer) if (vertices[v]!.anchor >= 0 && leftOf[v]!.length === 0) key[v] = key[vertices[v]!.anchor]! + 0.5;
    layer.sort((a, b) => key[a]! - key[b]!);
    setPositions(layer);
  }

  const total = () => between.reduce((sum, list) => sum + countCrossings(list, pos), 0);
  let best = layers.map((l) => [...l]);
  let bestCrossings = total();
  const bary = new Float64Array(vertices.length);
  const sweep = (l: number, side: Segment[][], other: (s: Segment) => number) => {
    const layer = layers[l]!;
    for (const v of layer) {
      const list = side[v]!;
      let sum = 0;
      for (const s of list) sum += pos[other(s)]!;
      const anchor = vertices[v]!.anchor;
      if (list.length > 0) bary[v] = sum / list.length;
      else bary[v] = anchor >= 0 ? pos[anchor]! + 0.5 : pos[v]!;
    }
    layer.sort((a, b) => bary[a]! - bary[b]! || pos[a]! - pos[b]!);
    setPositions(layer);
  };
  for (let i = 0; i < SWEEPS && bestCrossings > 0; i++) {
    for (let l = 1; l < layerCount; l++) sweep(l, leftOf, (s) => s.left);
    let crossings = total();
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = layers.map((l) => [...l]);
    }
    for (let l = layerCount - 2; l >= 0; l--) sweep(l, rightOf, (s) => s.right);
    crossings = total();
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = layers.map((l) => [...l]);
    }
  }
  return best;
}
