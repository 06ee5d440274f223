// Who does an agentless passive that nothing else places: "The on-call engineer investigates. If a fix is found, it is
// deployed to production. Otherwise the incident is escalated.", "The security team verifies the identity. The account
// is then created." — nobody was seen handling the thing and no receiver is named, so the step is done by the party
// that has the case in hand: the one whose step leads to it. A modeller draws every step in a lane; a step outside all
// lanes says less than the text does.
// (Placed once the flows are drawn, so the lane follows the way the work goes — "Otherwise …" after a choice is the
// decider's — and so no reading of the sentences changes. Not a party the process serves or an outside one: "The
// customer pays. The receipt is printed." is never the customer's. With no step before it — "Loan applications are
// submitted online." opening the text — nothing says who, and the step keeps no lane.)
import type { ModelFlow, ModelNode } from '../../model.ts';

/**
 * Gives each step in `unplaced` the lane of the nearest earlier steps leading to it, when they agree and it is one of
 * `ours`. (Ways of two parties meeting before it — "when the goods are packed and the invoice is ready, the label is
 * printed" — say nothing of which of them does it.)
 */
export function placeWithCaseHolder(nodes: ModelNode[], flows: ModelFlow[], unplaced: Set<string>, ours: Set<string>): void {
  const at = new Map(nodes.map((n, i) => [n.id, i]));
  for (const step of nodes) {
    if (!unplaced.has(step.id) || step.actor) continue;
    const holders = holdersBefore(step, nodes, flows, at);
    const lanes = new Set(holders.map((h) => h.actor));
    const [holder] = lanes;
    if (lanes.size === 1 && holder && ours.has(holder)) step.actor = holder;
  }
}

/** The nearest steps with a lane on the ways into `step`, passing gateways, events and other steps without a lane. */
function holdersBefore(step: ModelNode, nodes: ModelNode[], flows: ModelFlow[], at: Map<string, number>): ModelNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const seen = new Set([step.id]);
  const found: ModelNode[] = [];
  const into = (n: ModelNode) => [...flows.filter((f) => f.to === n.id).map((f) => f.from), ...(n.attachedTo ? [n.attachedTo] : [])];
  let front = into(step);
  while (front.length) {
    const next: string[] = [];
    for (const id of front) {
      const n = byId.get(id);
      if (!n || seen.has(id)) continue;
      seen.add(id);
      // (Only what came before in the text: a loop back from a later step says nothing of who holds the case here.)
      if (n.kind === 'task' && n.actor && at.get(id)! < at.get(step.id)!) found.push(n);
      else next.push(...into(n));
    }
    if (found.length) return found;
    front = next;
  }
  return found;
}
