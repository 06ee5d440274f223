// Layering: longest path from the sources, then sources that feed only later layers move right next to them.

/** Layer of every node for an acyclic edge list (edges point from lower to higher layers). */
export function assignLayers(nodeCount: number, edges: Array<[number, number]>): number[] {
  const out: number[][] = Array.from({ length: nodeCount }, () => []);
  const indegree = new Int32Array(nodeCount);
  for (const [a, b] of edges) {
    out[a]!.push(b);
    indegree[b]!++;
  }
  const layer = new Array<number>(nodeCount).fill(0);
  const remaining = Int32Array.from(indegree);
  const order: number[] = [];
  for (let v = 0; v < nodeCount; v++) if (remaining[v] === 0) order.push(v);
  for (let i = 0; i < order.length; i++) {
    const v = order[i]!;
    for (const w of out[v]!) {
      layer[w] = Math.max(layer[w]!, layer[v]! + 1);
      if (--remaining[w]! === 0) order.push(w);
    }
  }
  // A source feeding a node far right (a second start event, say) sits just before its first successor.
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i]!;
    if (indegree[v] !== 0 || out[v]!.length === 0) continue;
    layer[v] = Math.min(...out[v]!.map((w) => layer[w]!)) - 1;
  }
  const min = Math.min(0, ...layer);
  return min < 0 ? layer.map((l) => l - min) : layer;
}
