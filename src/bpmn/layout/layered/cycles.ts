// Cycle breaking: a depth-first search from the sources, in model order; edges back into the search path reverse.

/** Which edges to reverse so the graph has no cycle. Self-loops are left alone (the caller routes them apart). */
export function reversedEdges(nodeCount: number, edges: Array<{ from: number; to: number }>): boolean[] {
  const out: number[][] = Array.from({ length: nodeCount }, () => []);
  const indegree = new Array<number>(nodeCount).fill(0);
  edges.forEach((e, i) => {
    if (e.from === e.to) return;
    out[e.from]!.push(i);
    indegree[e.to]!++;
  });
  const reversed = new Array<boolean>(edges.length).fill(false);
  // 0 unvisited, 1 on the current path, 2 done.
  const state = new Uint8Array(nodeCount);
  const next = new Int32Array(nodeCount);
  const visit = (root: number) => {
    const stack = [root];
    state[root] = 1;
    while (stack.length > 0) {
      const v = stack[stack.length - 1]!;
      const list = out[v]!;
      if (next[v]! < list.length) {
        const e = list[next[v]!++]!;
        const w = edges[e]!.to;
        if (state[w] === 1) reversed[e] = true;
        else if (state[w] === 0) {
          state[w] = 1;
          stack.push(w);
        }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  };
  // Sources first, so a process is read from its start events; then whatever only a cycle reaches.
  for (let v = 0; v < nodeCount; v++) if (indegree[v] === 0 && state[v] === 0) visit(v);
  for (let v = 0; v < nodeCount; v++) if (state[v] === 0) visit(v);
  return reversed;
}
