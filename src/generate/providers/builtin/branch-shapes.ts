// The shape of decisions and loops once the text is read: repairs on the built graph where the reading drew a shape a
// modeller reads as wrong whatever the words — a step left with no way in after a loop, a loop back into one branch
// of a parallel block or onto its split or into its own branch, a loop from after a block into one of its branches, a parallel join that also closes a choice, an end
// inside a parallel block that would leave its join waiting, a way with no condition beside ways that have one.
import type { ModelFlow, ModelNode } from '../../model.ts';
import { outcomeName } from './deadlines.ts';

interface Graph {
  nodes: ModelNode[];
  flows: ModelFlow[];
  /** The flows the text sent back to an earlier step. */
  loops: ModelFlow[];
}

/** Repairs the shapes in place, with a warning for each. */
export function repairBranchShapes(graph: Graph, warnings: string[]): void {
  const loops = graph.loops.filter((l) => graph.flows.includes(l));
  stepsAfterLoops(graph, loops, warnings);
  loopsInsideTheirBranch(graph, loops, warnings);
  loopsOntoParallelSplits(graph, loops, warnings);
  decisionsIntoParallelBranches(graph, loops, warnings);
  loopsIntoParallelBranches(graph, loops, warnings);
  joinsInsideChoices(graph, warnings);
  endsInsideParallelBlocks(graph, warnings);
  labelBareWays(graph, warnings);
}

const named = (g: Graph, id: string) => {
  const n = g.nodes.find((x) => x.id === id);
  return n?.label ? `"${n.label}"` : `the ${n?.kind ?? ''} gateway`;
};
const outs = (g: Graph, id: string) => g.flows.filter((f) => f.from === id);
const ins = (g: Graph, id: string) => g.flows.filter((f) => f.to === id);

/** Nodes reached from `from` along flows (and from a task to its boundary events), never passing `stop`. */
function reach(g: Graph, from: string, stop?: string): Set<string> {
  const after = new Map<string, string[]>();
  const link = (a: string, b: string) => after.set(a, [...(after.get(a) ?? []), b]);
  for (const f of g.flows) link(f.from, f.to);
  for (const n of g.nodes) if (n.attachedTo) link(n.attachedTo, n.id);
  const seen = new Set<string>([from]);
  const todo = [from];
  while (todo.length) {
    const id = todo.pop()!;
    if (id === stop) continue;
    for (const n of after.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        todo.push(n);
      }
    }
  }
  return seen;
}

/**
 * "… sends the claim back to the employee, who corrects it": the step told after a send-back had no way in (the loop
 * had emptied the branch). It goes on the sent-back path in the loop's place, and the work comes back where the loop
 * went, unless the step loops by itself ("corrects it" back to the review).
 */
function stepsAfterLoops(g: Graph, loops: ModelFlow[], warnings: string[]): void {
  const entered = new Set(g.flows.map((f) => f.to));
  for (const [i, step] of g.nodes.entries()) {
    if (step.kind !== 'task' || entered.has(step.id)) continue;
    const before = g.nodes[i - 1];
    const loop = before && loops.find((l) => l.from === before.id && g.flows.includes(l));
    if (!loop) continue;
    const target = loop.to;
    loop.to = step.id;
    // What was sent back comes back once the step is done: its way on into the choice's join or an end goes.
    const on = outs(g, step.id);
    const merging = on.length === 1 && g.nodes.some((n) => n.id === on[0]!.to && (n.kind === 'end' || (n.kind === 'exclusive' && ins(g, n.id).length >= 2)));
    if (merging) g.flows.splice(g.flows.indexOf(on[0]!), 1);
    if (!on.length || merging) g.flows.push({ from: step.id, to: target });
    warnings.push(`${named(g, step.id)} follows ${named(g, before.id)} on the path sent back, instead of having no way in.`);
  }
}

/**
 * "The customer accepts or declines the estimate. In the latter case, the technician returns the device to the
 * customer": a send-back whose target lies between the decision and the step that sends (inside its own branch)
 * repeats nothing upstream of the decision. The loop goes: the step's way on stays, or with none the branch ends,
 * named for what the step achieved ("Device returned").
 */
function loopsInsideTheirBranch(g: Graph, loops: ModelFlow[], warnings: string[]): void {
  for (const loop of loops) {
    const source = g.nodes.find((n) => n.id === loop.from);
    if (!g.flows.includes(loop) || source?.kind !== 'task') continue;
    const without = { ...g, flows: g.flows.filter((f) => f !== loop) };
    const onward = reach(without, loop.to);
    const decision = decisionBefore(without, loop.to);
    // The target sits on one way of the decision only (its ways have not met yet), and leads to the step that loops.
    const oneWay = decision && outs(without, decision.id).filter((w) => reach(without, w.to).has(loop.to)).length === 1;
    if (!oneWay || !onward.has(loop.from) || onward.has(decision.id)) continue;
    // ("Otherwise the office sends a place offer. The parents accept it, ask for another date or decline": the offer
    // made again is answered again — a loop round the choice right after its target is no loop inside its branch.)
    const answered = outs(without, loop.to).map((f) => g.nodes.find((n) => n.id === f.to)).find((n) => n?.kind === 'exclusive' && outs(without, n.id).length >= 2);
    if (answered && outs(without, answered.id).some((w) => w.to === loop.from || reach(without, w.to).has(loop.from))) continue;
    warnings.push(`Dropped the loop from ${named(g, loop.from)} back to ${named(g, loop.to)}: it lies inside its own branch.`);
    g.flows.splice(g.flows.indexOf(loop), 1);
    if (outs(g, source.id).length) continue;
    let n = g.nodes.length + 1;
    while (g.nodes.some((x) => x.id === `end${n}`)) n++;
    const end: ModelNode = { id: `end${n}`, kind: 'end', label: outcomeName(source.label), actor: null };
    g.nodes.push(end);
    g.flows.push({ from: source.id, to: end.id });
  }
}

/** The nearest exclusive split upstream of a node, going back along flows. */
function decisionBefore(g: Graph, id: string): ModelNode | undefined {
  const before = new Map<string, string[]>();
  const ways = new Map<string, number>();
  for (const f of g.flows) {
    before.set(f.to, [...(before.get(f.to) ?? []), f.from]);
    ways.set(f.from, (ways.get(f.from) ?? 0) + 1);
  }
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>([id]);
  const todo = [id];
  while (todo.length) {
    const at = todo.shift()!;
    for (const p of before.get(at) ?? []) {
      if (seen.has(p)) continue;
      const n = byId.get(p);
      if (n?.kind === 'exclusive' && (ways.get(p) ?? 0) >= 2) return n;
      seen.add(p);
      todo.push(p);
    }
  }
  return undefined;
}

/**
 * "If a room is available, the system reserves it and the guest pays. At the same time, reception prepares the
 * package": a parallel block inside one way of a choice joins inside that way; the choice's ways meet after it.
 * When the block's join is reached through the choice's exclusive join, the block's branches meet first.
 */
function joinsInsideChoices(g: Graph, warnings: string[]): void {
  for (const split of g.nodes) {
    const block = blockOf(g, split);
    if (!block) continue;
    const inside = reach(g, split.id, block.join);
    for (const into of ins(g, block.join)) {
      const merge = g.nodes.find((n) => n.id === into.from && n.kind === 'exclusive');
      if (!merge || outs(g, merge.id).length !== 1) continue;
      const inner = ins(g, merge.id).filter((f) => inside.has(f.from));
      if (!inner.length || inner.length === ins(g, merge.id).length) continue;
      for (const f of inner) f.to = block.join;
      g.flows.splice(g.flows.indexOf(into), 1);
      for (const f of outs(g, block.join)) f.from = merge.id;
      g.flows.push({ from: block.join, to: merge.id });
      warnings.push(`The parallel block's branches now meet before the choice's ways do, so the join does not wait for a way not taken.`);
      break;
    }
  }
}

/** A parallel split and the join where all its branches meet (the nearest parallel node every branch reaches). */
function blockOf(g: Graph, split: ModelNode): { branches: ModelFlow[]; join: string } | null {
  const branches = outs(g, split.id);
  if (split.kind !== 'parallel' || branches.length < 2) return null;
  const reached = branches.map((b) => reach(g, b.to, split.id));
  const order = [...reach(g, split.id)];
  const join = order.find((id) => id !== split.id && g.nodes.find((n) => n.id === id)?.kind === 'parallel' && ins(g, id).length >= 2 && reached.every((r) => r.has(id)));
  return join ? { branches, join } : null;
}

/**
 * "This procedure is repeated for each item" inside one branch of a parallel block whose first step the loop took
 * for its target: the loop goes back to the start of its own branch, not to the split (which would start the other
 * branches again).
 */
function loopsOntoParallelSplits(g: Graph, loops: ModelFlow[], warnings: string[]): void {
  for (const loop of loops) {
    const split = g.nodes.find((n) => n.id === loop.to);
    const block = split && blockOf(g, split);
    if (!block) continue;
    const own = block.branches.filter((b) => reach(g, b.to, block.join).has(loop.from));
    if (own.length !== 1) continue;
    loop.to = own[0]!.to;
    warnings.push(`The loop from ${named(g, loop.from)} goes back to ${named(g, loop.to)}, the start of its own parallel branch, not to the split.`);
  }
}

/**
 * "Three reviews run in parallel: … If quality assurance finds critical issues, … the site is audited again", "The lab
 * runs the blood test while the nurse takes an X-ray. If the X-ray is blurry, she takes it again.": the decision right
 * after the join loops back into one branch only, so it belongs inside that branch, before the join. So does one whose
 * ways meet again with only that branch's party at work, on the thing that branch works on ("… while the accountant
 * prepares the invoice. If the invoice has errors, the accountant corrects it."): the join waits for the branch with
 * its choice.
 */
function decisionsIntoParallelBranches(g: Graph, loops: ModelFlow[], warnings: string[]): void {
  for (const split of g.nodes) {
    const block = blockOf(g, split);
    if (!block) continue;
    const after = outs(g, block.join);
    const decision = after.length === 1 ? g.nodes.find((n) => n.id === after[0]!.to) : undefined;
    const ways = decision?.kind === 'exclusive' && ins(g, decision.id).length === 1 ? outs(g, decision.id) : [];
    if (ways.length < 2) continue;
    const inBranch = (id: string) => block.branches.filter((b) => reach(g, b.to, block.join).has(id));
    const closingOf = (branch: ModelFlow) => ins(g, block.join).filter((f) => reach(g, branch.to, block.join).has(f.from));
    if (ways.length === 2) {
      // The way that loops back into one branch (itself, or through steps), and that branch's flow into the join.
      const loopOf = (w: ModelFlow) => (loops.includes(w) ? w : loops.find((l) => l.from !== decision!.id && reach(g, w.to, block.join).has(l.from)));
      const back = ways.find((w) => inBranch(loopOf(w)?.to ?? '').length > 0);
      const loop = back && loopOf(back);
      const branch = loop && inBranch(loop.to);
      const closing = branch?.length === 1 ? closingOf(branch[0]!) : [];
      if (back && closing.length === 1) {
        const on = ways.find((w) => w !== back)!;
        closing[0]!.to = decision!.id;
        after[0]!.to = on.to;
        on.to = block.join;
        warnings.push(`The decision after the parallel block loops back into one branch only; it now closes that branch, before the join.`);
        continue;
      }
    }
    // Ways that meet again at one merge, every step on them done by the party of one branch only …
    const merge = mergeOf(g, decision!.id);
    if (!merge || loops.some((l) => ways.includes(l))) continue;
    const between = [...reach(g, decision!.id, merge.id)].filter((id) => id !== decision!.id && id !== merge.id).map((id) => g.nodes.find((n) => n.id === id)!);
    const parties = new Set(between.map((n) => n.actor ?? null));
    if (!between.length || between.some((n) => n.kind !== 'task' && n.kind !== 'exclusive') || parties.size !== 1 || parties.has(null)) continue;
    // … and a condition about the thing that branch works on (not "if everything is in order", about both).
    const party = [...parties][0];
    const tasksOf = (b: ModelFlow) => [...reach(g, b.to, block.join)].map((id) => g.nodes.find((n) => n.id === id)!).filter((n) => n?.kind === 'task');
    const said = new Set(ways.flatMap((w) => words(w.label ?? '')));
    const about = (b: ModelFlow) => tasksOf(b).some((n) => words(n.label).slice(1).some((w) => said.has(w)));
    const owners = block.branches.filter((b) => tasksOf(b).some((n) => n.actor === party) && about(b));
    const closing = owners.length === 1 && block.branches.filter(about).length === 1 ? closingOf(owners[0]!) : [];
    const onward = outs(g, merge.id);
    if (closing.length !== 1 || onward.length !== 1) continue;
    closing[0]!.to = decision!.id;
    after[0]!.to = onward[0]!.to;
    onward[0]!.to = block.join;
    warnings.push(`The decision after the parallel block is about one branch's work only; it now sits in that branch, before the join.`);
  }
}

/** A label's words of three letters or more, a plural's -s dropped ("X-rays" is "x-ray"). */
const words = (label: string) => label.toLowerCase().split(/\s+/).filter((w) => w.length > 2).map((w) => w.replace(/(?<!s)s$/, ''));

/** The exclusive merge where all ways of a decision meet (each way reaches it, none passes it by to an end). */
function mergeOf(g: Graph, decision: string): ModelNode | undefined {
  const ways = outs(g, decision);
  const reached = ways.map((w) => reach(g, w.to));
  const order = [...reach(g, decision)];
  const id = order.find((x) => x !== decision && g.nodes.find((n) => n.id === x)?.kind === 'exclusive' && ins(g, x).length >= 2 && reached.every((r) => r.has(x)));
  return id ? g.nodes.find((n) => n.id === id) : undefined;
}

/**
 * "The picker picks the items while the packer prepares the box. … If items are missing, the process goes back to
 * picking": a loop from after a parallel block into one of its branches would leave the join waiting for the other
 * branch. It goes back to the whole block, through an exclusive merge in front of the split (an AND split with two
 * ways in would wait for both).
 */
function loopsIntoParallelBranches(g: Graph, loops: ModelFlow[], warnings: string[]): void {
  for (const loop of loops) {
    if (!g.flows.includes(loop)) continue;
    for (const split of g.nodes) {
      const block = blockOf(g, split);
      if (!block || loop.to === split.id) continue;
      const inside = reach(g, split.id, block.join);
      if (!inside.has(loop.to) || loop.to === block.join || inside.has(loop.from) || !reach(g, block.join).has(loop.from)) continue;
      const into = ins(g, split.id).filter((f) => f !== loop);
      const before = into.length === 1 ? g.nodes.find((n) => n.id === into[0]!.from) : undefined;
      if (before?.kind === 'exclusive' && outs(g, before.id).length === 1) loop.to = before.id;
      else {
        let n = g.nodes.length + 1;
        while (g.nodes.some((x) => x.id === `exclusive${n}`)) n++;
        const merge: ModelNode = { id: `exclusive${n}`, kind: 'exclusive', label: '', actor: null };
        g.nodes.splice(g.nodes.indexOf(split), 0, merge);
        for (const f of into) f.to = merge.id;
        g.flows.push({ from: merge.id, to: split.id });
        loop.to = merge.id;
      }
      warnings.push(`The loop from ${named(g, loop.from)} goes back to the start of the parallel block, not into one of its branches.`);
      break;
    }
  }
}

/**
 * An end inside a parallel block (a deadline's path, a refusal in one branch) would leave the join waiting for a
 * token that never comes: it ends the whole process (a terminate end).
 */
function endsInsideParallelBlocks(g: Graph, warnings: string[]): void {
  for (const split of g.nodes) {
    const block = blockOf(g, split);
    if (!block) continue;
    const inside = reach(g, split.id, block.join);
    const afterJoin = reach(g, block.join);
    for (const end of g.nodes.filter((n) => n.kind === 'end' && inside.has(n.id) && !afterJoin.has(n.id) && !n.eventType)) {
      end.eventType = 'terminate';
      warnings.push(`The end ${end.label ? `"${end.label}"` : ''} inside a parallel block ends the whole process, so the join does not wait for it.`.replace('  ', ' '));
    }
  }
}

/**
 * A choice whose other ways carry conditions: a bare way straight to a plain end decides nothing and goes (a leftover
 * of a condition the reader could not place); any other bare way is the "otherwise".
 */
function labelBareWays(g: Graph, warnings: string[]): void {
  for (const split of g.nodes.filter((n) => n.kind === 'exclusive' || n.kind === 'inclusive')) {
    const ways = outs(g, split.id);
    if (ways.filter((w) => w.label).length < 2) continue;
    for (const way of ways.filter((w) => !w.label)) {
      const end = g.nodes.find((n) => n.id === way.to && n.kind === 'end' && !n.label && ins(g, n.id).length === 1);
      if (end && g.nodes.some((n) => n.kind === 'end' && n !== end)) {
        g.flows.splice(g.flows.indexOf(way), 1);
        g.nodes.splice(g.nodes.indexOf(end), 1);
        warnings.push(`Dropped a way with no condition and no step from the choice before ${named(g, ways.find((w) => w.label)!.to)}.`);
      } else {
        way.label = 'otherwise';
        warnings.push(`The way from the choice to ${named(g, way.to)} had no condition beside ways that have one; it is "otherwise".`);
      }
    }
  }
}
