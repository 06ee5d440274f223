// ProcessModel: the provider-neutral intermediate form between a description and BPMN, with its safe repair.
import { isValidTimer, TIMER_KINDS, type ModelTimer, type TimerKind } from './timer.ts';

export type { ModelTimer, TimerKind } from './timer.ts';
export type TaskType = 'user' | 'service' | 'send' | 'receive' | 'manual' | 'none';
export type NodeKind = 'start' | 'end' | 'intermediate' | 'boundary' | 'task' | 'subprocess' | 'exclusive' | 'parallel' | 'inclusive';
export type EventType = 'message' | 'timer' | 'conditional' | 'error' | 'terminate';
type EventKind = 'start' | 'intermediate' | 'end' | 'boundary';

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
  /**
   * Events only (see EVENT_TYPES): start message|timer; intermediate message|timer|conditional (a catch: a hand-over
   * arrives, a wait, a state reached: "Cubicle free");
   * end message|terminate|error; boundary timer|message|error (required). None: a plain event.
   */
  eventType?: EventType;
  /** Timer events: the ISO 8601 value when the text gives one; the label keeps the words ("2 days"). */
  timer?: ModelTimer;
  /** Boundary events: the id of the task or sub-process they sit on. They have no incoming flows, only their own path. */
  attachedTo?: string;
  /** Boundary events: false when the task carries on (non-interrupting); interrupting when absent. */
  interrupting?: boolean;
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

export const NODE_KINDS: readonly NodeKind[] = ['start', 'end', 'intermediate', 'boundary', 'task', 'subprocess', 'exclusive', 'parallel', 'inclusive'];
export const TASK_TYPES: readonly TaskType[] = ['user', 'service', 'send', 'receive', 'manual', 'none'];
/** The event types each kind of event may have. */
export const EVENT_TYPES: Readonly<Record<EventKind, readonly EventType[]>> = {
  start: ['message', 'timer'],
  intermediate: ['message', 'timer', 'conditional'],
  end: ['message', 'terminate', 'error'],
  boundary: ['timer', 'message', 'error'],
};
export const ALL_EVENT_TYPES: readonly EventType[] = ['message', 'timer', 'conditional', 'error', 'terminate'];

function isEventKind(kind: NodeKind): kind is EventKind {
  return kind in EVENT_TYPES;
}

/** Why a node's event fields do not fit its kind, or null when they do (shared by readModel and validateModel). */
function eventProblem(n: ModelNode): string | null {
  if (n.eventType !== undefined) {
    if (!isEventKind(n.kind)) return `only events have an eventType, not a ${n.kind}`;
    if (!EVENT_TYPES[n.kind].includes(n.eventType)) return `a ${n.kind} event's eventType must be one of ${EVENT_TYPES[n.kind].join(', ')}`;
  } else if (n.kind === 'boundary') {
    return `a boundary event needs an eventType, one of ${EVENT_TYPES.boundary.join(', ')}`;
  }
  if (n.timer && n.eventType !== 'timer') return 'only timer events have a timer';
  if (n.kind === 'boundary' && !n.attachedTo) return 'a boundary event needs attachedTo (the id of its task)';
  if (n.kind !== 'boundary' && (n.attachedTo !== undefined || n.interrupting !== undefined)) return 'only boundary events have attachedTo and interrupting';
  return null;
}

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
      const node: ModelNode = {
        id: r.id,
        kind: r.kind as NodeKind,
        label: typeof r.label === 'string' ? r.label : '',
        actor: typeof r.actor === 'string' ? r.actor : null,
        taskType: taskType as TaskType,
      };
      // Null stands for absent: strict JSON schemas make every field required.
      if (r.eventType != null) {
        if (!ALL_EVENT_TYPES.includes(r.eventType as EventType)) throw new ModelError(`nodes[${i}].eventType must be one of ${ALL_EVENT_TYPES.join(', ')}.`);
        node.eventType = r.eventType as EventType;
      }
      if (r.timer != null) node.timer = readTimer(r.timer, i);
      if (r.attachedTo != null) {
        if (typeof r.attachedTo !== 'string') throw new ModelError(`nodes[${i}].attachedTo must be a node id.`);
        node.attachedTo = r.attachedTo;
      }
      if (r.interrupting != null) {
        if (typeof r.interrupting !== 'boolean') throw new ModelError(`nodes[${i}].interrupting must be true or false.`);
        node.interrupting = r.interrupting;
      }
      const problem = eventProblem(node);
      if (problem) throw new ModelError(`nodes[${i}] ("${node.id}"): ${problem}.`);
      return node;
    }),
    flows: v.flows.map((f, i) => {
      const r = (f ?? {}) as Record<string, unknown>;
      if (typeof r.from !== 'string' || typeof r.to !== 'string') throw new ModelError(`flows[${i}] needs string from and to.`);
      return typeof r.label === 'string' && r.label.trim() ? { from: r.from, to: r.to, label: r.label } : { from: r.from, to: r.to };
    }),
  };
}

function readTimer(value: unknown, i: number): ModelTimer {
  const t = value as Record<string, unknown>;
  if (typeof t !== 'object' || !TIMER_KINDS.includes(t.kind as TimerKind) || typeof t.value !== 'string') {
    throw new ModelError(`nodes[${i}].timer must be {kind: ${TIMER_KINDS.join('|')}, value: ISO 8601 string}.`);
  }
  return { kind: t.kind as TimerKind, value: t.value.trim() };
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

/** Boundary events by the id of their host. */
function boundaryByHost(model: ProcessModel): Map<string, string[]> {
  const byHost = new Map<string, string[]>();
  for (const n of model.nodes) {
    if (n.kind === 'boundary' && n.attachedTo) byHost.set(n.attachedTo, [...(byHost.get(n.attachedTo) ?? []), n.id]);
  }
  return byHost;
}

/** Nodes reached along flows; a reached host reaches its boundary events too. */
function reachableFrom(model: ProcessModel, roots: string[]): Set<string> {
  const out = outgoing(model);
  const attached = boundaryByHost(model);
  const seen = new Set(roots);
  const todo = [...roots];
  while (todo.length) {
    const id = todo.pop()!;
    for (const next of [...(out.get(id) ?? []).map((f) => f.to), ...(attached.get(id) ?? [])]) {
      if (!seen.has(next)) {
        seen.add(next);
        todo.push(next);
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
    repairEvent(node, warnings);
    model.nodes.push(node);
  }
  if (!model.nodes.some((n) => isActivity(n.kind))) throw new ModelError('The model has no activities.');
  attachBoundaryEvents(model, nodeIds, warnings);

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

  // Flows into a start or out of an end make no sense in BPMN; a boundary event is entered only through its task.
  const kindOf = new Map(model.nodes.map((n) => [n.id, n.kind]));
  if (model.flows.some((f) => kindOf.get(f.to) === 'boundary')) warnings.push('Dropped flows into boundary events: they start only from their task.');
  model.flows = model.flows.filter((f) => kindOf.get(f.to) !== 'start' && kindOf.get(f.to) !== 'boundary' && kindOf.get(f.from) !== 'end');

  ensureOneStart(model, warnings);
  connectUnreachable(model, warnings);
  ensureEnds(model, warnings);
  dropPassThroughGateways(model);
  return { model, warnings };
}

/** Event fields that do not fit the node are dropped (a timer value that is not ISO 8601 keeps its label only). */
function repairEvent(node: ModelNode, warnings: string[]): void {
  const name = node.label || node.id;
  if (node.eventType && !(isEventKind(node.kind) && EVENT_TYPES[node.kind].includes(node.eventType))) {
    if (node.kind !== 'boundary') {
      warnings.push(`"${name}" cannot be a ${node.eventType} ${node.kind}; it is a plain one.`);
      delete node.eventType;
    }
  }
  if (node.timer && node.eventType !== 'timer') delete node.timer;
  if (node.timer && !isValidTimer(node.timer)) {
    warnings.push(`The timer "${name}" had a ${node.timer.kind} "${node.timer.value}" that is not ISO 8601; it keeps its label only.`);
    delete node.timer;
  }
  if (node.kind !== 'boundary') {
    delete node.attachedTo;
    delete node.interrupting;
  }
}

/** A boundary event needs a type and an activity to sit on (and shares its lane); one that has neither is dropped. */
function attachBoundaryEvents(model: ProcessModel, nodeIds: Set<string>, warnings: string[]): void {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  for (const node of [...model.nodes]) {
    if (node.kind !== 'boundary') continue;
    const host = node.attachedTo ? byId.get(node.attachedTo) : undefined;
    const typed = node.eventType && EVENT_TYPES.boundary.includes(node.eventType);
    if (!host || !isActivity(host.kind) || !typed) {
      warnings.push(
        !typed
          ? `Dropped the boundary event "${node.label || node.id}": it needs a type (${EVENT_TYPES.boundary.join(', ')}).`
          : `Dropped the boundary event "${node.label || node.id}": "${node.attachedTo ?? ''}" is not a task or sub-process.`,
      );
      model.nodes = model.nodes.filter((n) => n !== node);
      nodeIds.delete(node.id);
      continue;
    }
    node.actor = host.actor ?? null;
  }
}

function ensureOneStart(model: ProcessModel, warnings: string[]): void {
  const starts = model.nodes.filter((n) => n.kind === 'start');
  if (starts.length === 0) {
    const incoming = incomingCount(model);
    const entries = model.nodes.filter((n) => n.kind !== 'boundary');
    const first = entries.find((n) => incoming.get(n.id) === 0) ?? entries[0]!;
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
    // A boundary event is reached with its task.
    if (reached.has(node.id) || node.kind === 'boundary') continue;
    // Hook it after the nearest earlier reachable node that can carry on (not an end, not a boundary event's own path).
    let from: ModelNode | undefined;
    for (let j = i - 1; j >= 0 && !from; j--) {
      const c = model.nodes[j]!;
      if (reached.has(c.id) && c.kind !== 'end' && c.kind !== 'boundary') from = c;
    }
    model.flows.push({ from: (from ?? start).id, to: node.id });
    warnings.push(`"${node.label || node.id}" could not be reached; it now follows "${(from ?? start).label || (from ?? start).id}".`);
    reached = reachableFrom(model, [start.id]);
  }
}

function ensureEnds(model: ProcessModel, warnings: string[]): void {
  const out = outgoing(model);
  // A named end ("Rejection sent") belongs to its own path: a dead end gets the plain one.
  let end = model.nodes.find((n) => n.kind === 'end' && !n.label);
  const endFor = (): ModelNode => {
    if (!end) {
      end = { id: nextId(model, 'end'), kind: 'end', label: '', actor: null };
      model.nodes.push(end);
    }
    return end;
  };
  for (const node of [...model.nodes]) {
    if (node.kind === 'end' || (out.get(node.id)?.length ?? 0) > 0) continue;
    const e = endFor();
    if (node.actor && !e.actor) e.actor = node.actor;
    model.flows.push({ from: node.id, to: e.id });
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
  const kindOf = new Map(model.nodes.map((n) => [n.id, n.kind]));
  for (const f of model.flows) {
    if (!ids.has(f.from) || !ids.has(f.to)) problems.push(`Flow ${f.from} -> ${f.to} names a missing node.`);
    else if (kindOf.get(f.to) === 'start') problems.push(`Flow ${f.from} -> ${f.to} enters the start event.`);
    else if (kindOf.get(f.from) === 'end') problems.push(`Flow ${f.from} -> ${f.to} leaves an end event.`);
    else if (f.from === f.to) problems.push(`Flow ${f.from} -> ${f.to} loops on itself.`);
  }
  if (starts.length === 1) {
    const reached = reachableFrom(model, [starts[0]!.id]);
    for (const n of model.nodes) if (!reached.has(n.id)) problems.push(`"${n.label || n.id}" cannot be reached from the start.`);
  }
  const ending = reachingEnd(model);
  for (const n of model.nodes) if (!ending.has(n.id)) problems.push(`"${n.label || n.id}" never reaches an end.`);
  for (const n of model.nodes) if (isActivity(n.kind) && !n.label.trim()) problems.push(`Activity "${n.id}" has no label.`);
  problems.push(...eventProblems(model));
  return problems;
}

function eventProblems(model: ProcessModel): string[] {
  const problems: string[] = [];
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  for (const n of model.nodes) {
    const name = n.label || n.id;
    const problem = eventProblem(n);
    if (problem) problems.push(`"${name}": ${problem}.`);
    if (n.timer && !isValidTimer(n.timer)) problems.push(`"${name}": the timer ${n.timer.kind} "${n.timer.value}" is not ISO 8601.`);
    if (n.kind !== 'boundary') continue;
    const host = n.attachedTo ? byId.get(n.attachedTo) : undefined;
    if (n.attachedTo && !(host && isActivity(host.kind))) problems.push(`Boundary event "${name}" sits on "${n.attachedTo}", which is not a task or sub-process.`);
    if (model.flows.some((f) => f.to === n.id)) problems.push(`Boundary event "${name}" has an incoming flow; it starts only from its task.`);
    if (!model.flows.some((f) => f.from === n.id)) problems.push(`Boundary event "${name}" has no outgoing flow.`);
  }
  return problems;
}
