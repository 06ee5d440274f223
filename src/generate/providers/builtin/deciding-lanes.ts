// A choice right after work is handed to someone is theirs to make: "The clerk sends the form to the manager. If the
// amount is high, the manager approves it; otherwise the manager signs it." draws the gateway in the manager's lane,
// not in the clerk's, whose step merely came before it.
import type { ModelFlow, ModelNode } from '../../model.ts';

const SPLITS = new Set(['exclusive', 'inclusive']);

/**
 * An unplaced split that follows the hand-over event goes to the receiver's lane when the receiver opens one of its
 * ways and no one else opens another (a way with no step, straight to the join, says nothing).
 */
export function placeDecisionAfterHandover(nodes: ModelNode[], flows: ModelFlow[], handover: string, receiver: string): void {
  const byId = (id: string) => nodes.find((n) => n.id === id);
  const split = flows.filter((f) => f.from === handover).map((f) => byId(f.to)).find((n) => n && SPLITS.has(n.kind) && !n.actor);
  if (!split) return;
  const openers = flows.filter((f) => f.from === split.id).map((f) => firstActor(nodes, flows, f.to)).filter((a) => a);
  if (openers.includes(receiver) && openers.every((a) => a === receiver)) split.actor = receiver;
}

/** Who does the first step along a way, before it joins another; null when no one is named. */
function firstActor(nodes: ModelNode[], flows: ModelFlow[], from: string): string | null {
  let id: string | undefined = from;
  for (let hops = 0; id && hops < 4; hops++) {
    const node = nodes.find((n) => n.id === id);
    if (!node || flows.filter((f) => f.to === id).length > 1) return null;
    if (node.kind === 'task') return node.actor ?? null;
    id = flows.find((f) => f.from === id)?.to;
  }
  return null;
}
