// ProcessModel: the provider-neutral intermediate form between a description and BPMN, with its safe repair.

export type TaskType = 'user' | 'service' | 'send' | 'receive' | 'manual' | 'none';
export type NodeKind = 'start' | 'end' | 'intermediate' | 'task' | 'subprocess' | 'exclusive' | 'parallel' | 'inclusive';

export interface ModelActor {
  id: string;
  name: string;
  /** A separate organisation: drawn as its own pool, talked to by message flows. */
  organisation?: boolean;
}

export interface ModelNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Actor id (lane or pool); null when the text names nobody. */
  actor?: string | null;
  taskType?: TaskType;
  /** Intermediate events: a message that arrives (a hand-over to someone with no steps of their own). */
  eventType?: 'message';
}

export interface ModelFlow {
  from: string;
  to: string;
  /** Condition label on a gateway's outgoing flow. */
  label?: string;
}

export interface ProcessModel {
  name: string;
  actors: ModelActor[];
  nodes: ModelNode[];
  flows: ModelFlow[];
}

export const NODE_KINDS: readonly NodeKind[] = ['start', 'end', 'intermediate', 'task', 'subprocess', 'exclusive', 'parallel', 'inclusive'];
export const TASK_TYPES: readonly TaskType[] = ['user', 'service', 'send', 'receive', 'manual', 'none'];

const GATEWAYS = new Set<NodeKind>(['exclusive', 'parallel', 'inclusive']);

export function isGateway(kind: NodeKind): boolean {
  return GATEWAYS.has(kind);
}

export function isActivity(kind: NodeKind): boolean {
  return kind === 'task' || kind === 'subprocess';
}

/** Thrown when a model is beyond safe repair (no activities at all, wrong shape). */
export class ModelError extends Error {
  override name = 'ModelError';
}

/**
 * Checks the shape of untrusted input (an LLM answer) and turns it into a ProcessModel.
 * Unknown kinds and types are refused, not guessed.
 */
export function readModel(value: unknown): ProcessModel {
  if (!value || typeof value !== 'object') throw new ModelError('The model must be a JSON object.');
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.nodes)) throw new ModelError('The model needs a "nodes" array.');
  if (!Array.isArray(v.flows)) throw new ModelError('The model needs a "flows" array.');
  const actors = Array.isArray(v.actors) ? v.actors : [];
  return {
    name: typeof v.name === 'string' ? v.name : '',
    actors: actors.map((a, i) => {
      const r = (a ?? {}) as Record<string, unknown>;
      if (typeof r.id !== 'string' || typeof r.name !== 'string') throw new ModelError(`actors[${i}] needs string id and name.`);
      return { id: r.id, name: r.name, organisation: r.organisation === true };
    }),
    nodes: v.nodes.map((n, i) => {
      const r = (n ?? {}) as Record<string, unknown>;
      if (typeof r.id !== 'string' || !r.id) throw new ModelError(`nodes[${i}] needs a string id.`);
      if (!NODE_KINDS.includes(r.kind as NodeKind)) throw new ModelError(`nodes[${i}].kind must be one of ${NODE_KINDS.join(', ')}.`);
      const taskType = r.taskType ?? 'none';
      if (!TASK_TYPES.includes(taskType as TaskType)) throw new ModelError(`nodes[${i}].taskType must be one of ${TASK_TYPES.join(', ')}.`);
      return {
        id: r.id,
        kind: r.kind as NodeKind,
        label: typeof r.label === 'string' ? r.label : '',
        actor: typeof r.actor === 'string' ? r.actor : null,
        taskType: taskType as TaskType,
        ...(r.eventType === 'message' ? { eventType: 'message' as const } : {}),
      };
    }),
    flows: v.flows.map((f, i) => {
      const r = (f ?? {}) as Record<string, unknown>;
      if (typeof r.from !== 'string' || typeof r.to !== 'string') throw new ModelError(`flows[${i}] needs string from and to.`);
      return typeof r.label === 'string' && r.label.trim() ? { from: r.from, to: r.to, label: r.label } : { from: r.from, to: r.to };
    }),
  };
}

function nextId(model: ProcessModel, prefix: string): string {
  const taken = new Set(model.nodes.map((n) => n.id));
  let i = model.nodes.length + 1;
  while (taken.has(`${prefix}${i}`)) i++;
  return `${prefix}${i}`;
}

function outgoing(model: ProcessModel): Map<string, ModelFlow[]> {
  const out = new Map<string, ModelFlow[]>(model.nodes.map((n) => [n.id, []]));
  for (const f of model.flows) out.get(f.from)?.push(f);
  return out;
}

function incomingCount(model: ProcessModel): Map<string, number> {
  const count = new Map<string, number>(model.nodes.map((n) => [n.id, 0]));
  for (const f of model.flows) count.set(f.to, (count.get(f.to) ?? 0) + 1);
  return count;
}

function reachableFrom(model: ProcessModel, roots: string[]): Set<string> {
  const out = outgoing(model);
  const seen = new Set(roots);
  const todo = [...roots];
  while (todo.length) {
    for (const f of out.get(todo.pop()!) ?? []) {
      if (!seen.has(f.to)) {
        seen.add(f.to);
        todo.push(f.to);
      }
    }
  }
  return seen;
}

/** Nodes from which some end event can be reached. */
function reachingEnd(model: ProcessModel): Set<string> {
  const back = new Map<string, string[]>(model.nodes.map((n) => [n.id, []]));
  for (const f of model.flows) back.get(f.to)?.push(f.from);
  const ends = model.nodes.filter((n) => n.kind === 'end').map((n) => n.id);
  const seen = new Set(ends);
  const todo = [...ends];
  while (todo.length) {
    for (const p of back.get(todo.pop()!) ?? []) {
      if (!seen.has(p)) {
        seen.add(p);
        todo.push(p);
      }
    }
  }
  return seen;
}

/**
 * Makes a model structurally sound: unique ids, no dangling flows, exactly one start, every node reachable,
 * every path able to end, no empty activity labels, no pointless pass-through gateways.
 * Returns a repaired copy and a warning per fix; throws ModelError when there is nothing to draw.
 */
export function repairModel(input: ProcessModel): { model: ProcessModel; warnings: string[] } {
  const warnings: string[] = [];
  const model: ProcessModel = {
    name: input.name.trim(),
    actors: [],
    nodes: [],
    flows: [],
  };

  const actorIds = new Set<string>();
  for (const a of input.actors) {
    const name = a.name.trim();
    if (!name || actorIds.has(a.id)) continue;
    actorIds.add(a.id);
    model.actors.push({ ...a, name });
  }

  const nodeIds = new Set<string>();
  for (const n of input.nodes) {
    if (nodeIds.has(n.id)) {
      warnings.push(`Dropped a second node with id "${n.id}".`);
      continue;
    }
    nodeIds.add(n.id);
    const node: ModelNode = { ...n, label: n.label.replace(/\s+/g, ' ').trim() };
    if (node.actor && !actorIds.has(node.actor)) node.actor = null;
    if (isActivity(node.kind) && !node.label) {
      node.label = 'Unnamed activity';
      warnings.push(`Activity "${node.id}" had no label; it is called "Unnamed activity".`);
    }
    model.nodes.push(node);
  }
  if (!model.nodes.some((n) => isActivity(n.kind))) throw new ModelError('The model has no activities.');

  const seenFlows = new Set<string>();
  for (const f of input.flows) {
    if (!nodeIds.has(f.from) || !nodeIds.has(f.to)) {
      warnings.push(`Dropped a flow from "${f.from}" to "${f.to}" that names a missing node.`);
      continue;
    }
    const key = `${f.from}->${f.to}`;
    if (f.from === f.to || seenFlows.has(key)) continue;
    seenFlows.add(key);
    model.flows.push({ ...f });
  }

  // Flows into a start or out of an end make no sense in BPMN.
  const kindOf = new Map(model.nodes.map((n) => [n.id, n.kind]));
  model.flows = model.flows.filter((f) => kindOf.get(f.to) !== 'start' && kindOf.get(f.from) !== 'end');

  ensureOneStart(model, warnings);
  connectUnreachable(model, warnings);
  ensureEnds(model, warnings);
  dropPassThroughGateways(model);
  return { model, warnings };
}

function ensureOneStart(model: ProcessModel, warnings: string[]): void {
  const starts = model.nodes.filter((n) => n.kind === 'start');
  if (starts.length === 0) {
    const incoming = incomingCount(model);
    const first = model.nodes.find((n) => incoming.get(n.id) === 0) ?? model.nodes[0]!;
    const start: ModelNode = { id: nextId(model, 'start'), kind: 'start', label: '', actor: first.actor ?? null };
    model.nodes.unshift(start);
    model.flows.push({ from: start.id, to: first.id });
    warnings.push('Added a start event.');
    return;
  }
  if (starts.length === 1) return;
  // Several starts: one start leads into an exclusive choice between what each start began.
  const [main, ...extra] = starts;
  const targets = model.flows.filter((f) => starts.some((s) => s.id === f.from)).map((f) => f.to);
  const choice: ModelNode = { id: nextId(model, 'gateway'), kind: 'exclusive', label: '', actor: main!.actor ?? null };
  model.nodes.splice(model.nodes.indexOf(main!) + 1, 0, choice);
  model.flows = model.flows.filter((f) => !starts.some((s) => s.id === f.from));
  model.flows.push({ from: main!.id, to: choice.id });
  for (const t of new Set(targets)) model.flows.push({ from: choice.id, to: t });
  model.nodes = model.nodes.filter((n) => !extra.includes(n));
  warnings.push(`Merged ${starts.length} start events into one, followed by an exclusive choice.`);
}

function connectUnreachable(model: ProcessModel, warnings: string[]): void {
  const start = model.nodes.find((n) => n.kind === 'start')!;
  let reached = reachableFrom(model, [start.id]);
  for (let i = 0; i < model.nodes.length; i++) {
    const node = model.nodes[i]!;
    if (reached.has(node.id)) continue;
    // Hook it after the nearest earlier reachable node that can carry on (not an end).
    let from: ModelNode | undefined;
    for (let j = i - 1; j >= 0 && !from; j--) {
      const c = model.nodes[j]!;
      if (reached.has(c.id) && c.kind !== 'end') from = c;
    }
    model.flows.push({ from: (from ?? start).id, to: node.id });
    warnings.push(`"${node.label || node.id}" could not be reached; it now follows "${(from ?? start).label || (from ?? start).id}".`);
    reached = reachableFrom(model, [start.id]);
  }
}

function ensureEnds(model: ProcessModel, warnings: string[]): void {
  const out = outgoing(model);
  let end = model.nodes.find((n) => n.kind === 'end');
  const endFor = (): ModelNode => {
    if (!end) {
      end = { id: nextId(model, 'end'), kind: 'end', label: '', actor: null };
      model.nodes.push(end);
    }
    return end;
  };
  for (const node of [...model.nodes]) {
    if (node.kind === 'end' || (out.get(node.id)?.length ?? 0) > 0) continue;
    if (node.kind === 'intermediate' || isActivity(node.kind) || isGateway(node.kind) || node.kind === 'start') {
      const e = endFor();
      if (node.actor && !e.actor) e.actor = node.actor;
      model.flows.push({ from: node.id, to: e.id });
    }
  }
  // A loop with no way out: give its last gateway (or last node) an exit.
  const stuck = model.nodes.filter((n) => !reachingEnd(model).has(n.id));
  if (stuck.length) {
    const exit = [...stuck].reverse().find((n) => isGateway(n.kind)) ?? stuck[stuck.length - 1]!;
    model.flows.push({ from: exit.id, to: endFor().id });
    warnings.push(`Part of the process could never finish; "${exit.label || exit.id}" now leads to an end.`);
    const still = model.nodes.filter((n) => !reachingEnd(model).has(n.id));
    for (const n of still) model.flows.push({ from: n.id, to: endFor().id });
  }
}

/** A gateway with one way in and one way out decides nothing. */
function dropPassThroughGateways(model: ProcessModel): void {
  for (const g of [...model.nodes]) {
    if (!isGateway(g.kind)) continue;
    const ins = model.flows.filter((f) => f.to === g.id);
    const outs = model.flows.filter((f) => f.from === g.id);
    if (ins.length !== 1 || outs.length !== 1) continue;
    const [inFlow, outFlow] = [ins[0]!, outs[0]!];
    if (inFlow.from === outFlow.to) continue;
    model.flows = model.flows.filter((f) => f !== inFlow && f !== outFlow);
    if (!model.flows.some((f) => f.from === inFlow.from && f.to === outFlow.to)) {
      model.flows.push(inFlow.label ? { from: inFlow.from, to: outFlow.to, label: inFlow.label } : { from: inFlow.from, to: outFlow.to });
    }
    model.nodes = model.nodes.filter((n) => n !== g);
  }
}

/** Problems a model still has (empty when sound): the checks repairModel guarantees. */
export function validateModel(model: ProcessModel): string[] {
  const problems: string[] = [];
  const ids = new Set(model.nodes.map((n) => n.id));
  if (ids.size !== model.nodes.length) problems.push('Node ids are not unique.');
  const starts = model.nodes.filter((n) => n.kind === 'start');
  if (starts.length !== 1) problems.push(`Expected exactly one start event, found ${starts.length}.`);
  if (!model.nodes.some((n) => n.kind === 'end')) problems.push('There is no end event.');
  for (const f of model.flows) {
    if (!ids.has(f.from) || !ids.has(f.to)) problems.push(`Flow ${f.from} -> ${f.to} names a missing node.`);
  }
  if (starts.length === 1) {
    const reached = reachableFrom(model, [starts[0]!.id]);
    for (const n of model.nodes) if (!reached.has(n.id)) problems.push(`"${n.label || n.id}" cannot be reached from the start.`);
  }
  const ending = reachingEnd(model);
  for (const n of model.nodes) if (!ending.has(n.id)) problems.push(`"${n.label || n.id}" never reaches an end.`);
  for (const n of model.nodes) if (isActivity(n.kind) && !n.label.trim()) problems.push(`Activity "${n.id}" has no label.`);
  return problems;
}
