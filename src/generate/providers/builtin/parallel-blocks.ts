// Parallel work told in pieces ("A and, at the same time, B. Meanwhile C.") is one block: the AND gateways that each
// piece opened and closed meet, so three bands of work are one split into three and one join, not splits in splits.
import type { ModelFlow, ModelNode } from '../../model.ts';
import type { Token } from './tokens.ts';

const DONE = new Set(['ready', 'done', 'finished', 'complete', 'completed', 'available']);
// Things that must be there: "both results are needed", "both forms must be back".
const NEEDED = new Set(['needed', 'required', 'necessary', 'in', 'back']);

/** "Once both are done", "When both the contract and the laptop are ready", "Both … must be complete / are needed before …". */
export function joinsBoth(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.pos !== 'PUNCT').map((t) => t.lower);
  const both = words.indexOf('both');
  return both >= 0 && both <= 2 && (words.slice(both).some((w) => DONE.has(w)) || bothNeeded(tokens));
}

/** "Both results are needed (before the doctor decides)", "both reports must be in": nothing goes on without them, no step. */
export function bothNeeded(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.pos !== 'PUNCT').map((t) => t.lower);
  const both = words.indexOf('both');
  if (both < 0 || both > 2) return false;
  const after = words.slice(both);
  return after.some((w, i) => NEEDED.has(w) && (i === after.length - 1 || after[i + 1] === 'before'));
}

/** Merges an AND split into the AND split right before it, an AND join into the one right after it, and drops empty branches. */
export function flattenParallel(nodes: ModelNode[], flows: ModelFlow[]): void {
  const kind = (id: string) => nodes.find((n) => n.id === id)?.kind;
  const ins = (id: string) => flows.filter((f) => f.to === id);
  const outs = (id: string) => flows.filter((f) => f.from === id);
  const drop = (id: string, link: ModelFlow) => {
    flows.splice(flows.indexOf(link), 1);
    nodes.splice(nodes.findIndex((n) => n.id === id), 1);
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of [...flows]) {
      if (kind(f.from) !== 'parallel' || kind(f.to) !== 'parallel' || f.label) continue;
      const [a, b] = [f.from, f.to];
      // split → split: the inner split's branches leave from the outer one.
      if (ins(b).length === 1 && outs(b).length >= 2 && ins(a).length === 1) {
        for (const o of outs(b)) o.from = a;
        drop(b, f);
      } else if (outs(a).length === 1 && ins(a).length >= 2 && outs(b).length === 1) {
        // join → join: the inner join's branches meet at the outer one.
        for (const i of ins(a)) i.to = b;
        drop(a, f);
      } else if (ins(a).length === 1 && outs(a).length >= 3 && ins(b).length >= 3 && outs(b).length === 1) {
        // split → join with nothing between: a branch with no work.
        flows.splice(flows.indexOf(f), 1);
      } else continue;
      changed = true;
      break;
    }
  }
}
