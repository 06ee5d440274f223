// Behavioural soundness of a ProcessModel, by playing its token game: no deadlock (a parallel join waiting for a
// branch an exclusive choice did not take), no lack of synchronisation (two tokens on one flow, as after an exclusive
// join closes a parallel split), every node able to run, and a way to finish from everywhere (no loop without exit).
// validateModel checks the graph; this checks what runs on it.
import type { ModelFlow, ModelNode, ProcessModel } from './model.ts';

/** States explored at most: the models we build have a few hundred at most; past this the check gives up quietly. */
const MAX_STATES = 20_000;

interface Step {
  /** Flows that lose a token. */
  takes: number[];
  /** Flows that gain one; null for a terminate end (every token goes). */
  gives: number[] | null;
  node: string;
}

/**
 * The soundness problems of a model, each a sentence naming the nodes involved; empty when sound. Inclusive
 * splits are played as taking every way (their joins then wait for all), a non-interrupting boundary event as firing
 * once beside its task's own way on.
 */
export function soundnessProblems(model: ProcessModel): string[] {
  const start = model.nodes.find((n) => n.kind === 'start');
  if (!start) return [];
  const name = (id: string) => {
    const n = model.nodes.find((x) => x.id === id);
    return n?.label ? `"${n.label}"` : `the ${n?.kind ?? 'node'} ${id}`;
  };
  const ins = (id: string) => model.flows.flatMap((f, i) => (f.to === id ? [i] : []));
  const outs = (id: string) => model.flows.flatMap((f, i) => (f.from === id ? [i] : []));
  const steps = model.nodes.flatMap((n) => stepsOf(n, model, ins(n.id), outs));
  const problems = new Set<string>();
  const fired = new Set<string>([start.id]);

  const first = marking(model.flows, outs(start.id));
  const seen = new Map<string, number[]>([[key(first), first]]);
  const successors = new Map<string, string[]>();
  const todo = [first];
  while (todo.length && seen.size <= MAX_STATES) {
    // Breadth first, so a problem is reported where it first arises.
    const m = todo.shift()!;
    const k = key(m);
    const enabled = steps.filter((s) => s.takes.every((f) => m[f]! > 0));
    if (!enabled.length && m.some((c) => c > 0)) {
      const waiting = [...new Set(m.flatMap((c, f) => (c > 0 ? [model.flows[f]!.to] : [])))];
      problems.add(`Deadlock: the tokens stop at ${waiting.map(name).join(', ')}, which can never go on.`);
    }
    const next: string[] = [];
    for (const s of enabled) {
      fired.add(s.node);
      const after = s.gives === null ? m.map(() => 0) : [...m];
      if (s.gives !== null) {
        for (const f of s.takes) after[f]!--;
        for (const f of s.gives) after[f]!++;
      }
      const doubled = after.findIndex((c) => c > 1);
      if (doubled >= 0) {
        // One is enough: the second token runs on and doubles everything after it.
        if (![...problems].some((p) => p.startsWith('Lack'))) problems.add(`Lack of synchronisation: two tokens reach ${name(model.flows[doubled]!.to)} from ${name(model.flows[doubled]!.from)}.`);
        continue;
      }
      const ak = key(after);
      next.push(ak);
      if (!seen.has(ak)) {
        seen.set(ak, after);
        todo.push(after);
      }
    }
    successors.set(k, next);
  }
  if (seen.size > MAX_STATES) return [...problems];

  for (const n of model.nodes) {
    if (!fired.has(n.id) && n.kind !== 'boundary') problems.add(`${capital(name(n.id))} can never run.`);
  }
  // A way to finish from every state: the empty marking (or a terminate end) must stay reachable.
  const done = key(model.flows.map(() => 0));
  const finishing = new Set<string>([done]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [k, next] of successors) {
      if (!finishing.has(k) && next.some((x) => finishing.has(x))) {
        finishing.add(k);
        grew = true;
      }
    }
  }
  for (const [k, m] of seen) {
    if (finishing.has(k) || !successors.get(k)?.length) continue;
    const at = [...new Set(m.flatMap((c, f) => (c > 0 ? [model.flows[f]!.to] : [])))];
    problems.add(`No way to finish once the work reaches ${at.map(name).join(', ')}: a loop without exit.`);
    break;
  }
  return [...problems];
}

/** The ways a node can fire: which flows it takes tokens from and which it gives them to. */
function stepsOf(n: ModelNode, model: ProcessModel, into: number[], outs: (id: string) => number[]): Step[] {
  if (n.kind === 'start' || n.kind === 'boundary') return [];
  const out = outs(n.id);
  if (n.kind === 'end') return into.map((f) => ({ takes: [f], gives: n.eventType === 'terminate' ? null : [], node: n.id }));
  // A parallel or inclusive join waits for every way in.
  if ((n.kind === 'parallel' || n.kind === 'inclusive') && into.length > 1) return [{ takes: into, gives: out, node: n.id }];
  const gives: number[][] = n.kind === 'exclusive' && out.length > 1 ? out.map((f) => [f]) : [out];
  // Boundary events: an interrupting one takes its own way instead of the task's, a non-interrupting one both.
  for (const b of model.nodes.filter((x) => x.kind === 'boundary' && x.attachedTo === n.id)) {
    const path = outs(b.id);
    gives.push(b.interrupting === false ? [...out, ...path] : path);
  }
  return into.flatMap((f) => gives.map((g) => ({ takes: [f], gives: g, node: n.id })));
}

function marking(flows: ModelFlow[], tokens: number[]): number[] {
  const m = flows.map(() => 0);
  for (const f of tokens) m[f]!++;
  return m;
}

const key = (m: number[]) => m.join(',');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
