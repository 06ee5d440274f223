// ProcessModel → bpmn-moddle definitions (process, lanes, pools and message flows) → laid-out BPMN XML.
import { layoutToXml } from '../bpmn/layout/layout.ts';
import type {
  BpmnBoundaryEvent,
  BpmnCatchEvent,
  BpmnCollaboration,
  BpmnDefinitions,
  BpmnEventDefinition,
  BpmnFlowNode,
  BpmnProcess,
} from 'bpmn-moddle/types';
import type { ModdleElement } from 'moddle';
import type { Definitions, Moddle } from '../bpmn/model.ts';
import { sharedModdle } from '../bpmn/parse.ts';
import { isActivity, repairModel, type EventType, type ModelActor, type ModelNode, type NodeKind, type ProcessModel, type TaskType } from './model.ts';

const TASK_ELEMENTS: Record<TaskType, string> = {
  none: 'bpmn:Task',
  user: 'bpmn:UserTask',
  service: 'bpmn:ServiceTask',
  send: 'bpmn:SendTask',
  receive: 'bpmn:ReceiveTask',
  manual: 'bpmn:ManualTask',
};

const EVENT_DEFINITIONS: Record<EventType, string> = {
  message: 'bpmn:MessageEventDefinition',
  timer: 'bpmn:TimerEventDefinition',
  conditional: 'bpmn:ConditionalEventDefinition',
  error: 'bpmn:ErrorEventDefinition',
  terminate: 'bpmn:TerminateEventDefinition',
};

const TIMER_FIELDS = { duration: 'timeDuration', cycle: 'timeCycle', date: 'timeDate' } as const;

const NODE_ELEMENTS: Record<Exclude<NodeKind, 'task'>, string> = {
  start: 'bpmn:StartEvent',
  end: 'bpmn:EndEvent',
  intermediate: 'bpmn:IntermediateThrowEvent',
  boundary: 'bpmn:BoundaryEvent',
  subprocess: 'bpmn:SubProcess',
  exclusive: 'bpmn:ExclusiveGateway',
  parallel: 'bpmn:ParallelGateway',
  inclusive: 'bpmn:InclusiveGateway',
};

/** A flow node as built here: events get their definition, a boundary event its host. */
type FlowNode = ModdleElement<BpmnFlowNode & Pick<BpmnCatchEvent, 'eventDefinitions'> & Pick<BpmnBoundaryEvent, 'attachedToRef'>>;

interface Pool {
  id: string;
  name: string;
  model: ProcessModel;
}

/** Node ids come from providers (an LLM may answer "start 1"): element ids must be XML names, and unique. */
function xmlId(raw: string, used: Set<string>): string {
  const base = raw.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^([^A-Za-z_])/, '_$1');
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
  used.add(id);
  return id;
}

function elementType(node: ModelNode): string {
  // Intermediate messages and timers are waited for: catch events.
  if (node.kind === 'intermediate' && node.eventType) return 'bpmn:IntermediateCatchEvent';
  return node.kind === 'task' ? TASK_ELEMENTS[node.taskType ?? 'none'] : NODE_ELEMENTS[node.kind];
}

/** Builds the definitions, lays them out and serialises them. */
export async function modelToBpmn(model: ProcessModel): Promise<string> {
  const moddle = sharedModdle();
  // moddle's element, seen as the engine sees every element.
  const definitions = buildDefinitions(model, moddle) as unknown as Definitions;
  return (await layoutToXml({ definitions, moddle })).xml;
}

export function buildDefinitions(model: ProcessModel, moddle: Moddle): ModdleElement<BpmnDefinitions> {
  const definitions = moddle.create<BpmnDefinitions>('bpmn:Definitions', {
    id: 'Definitions_1',
    targetNamespace: 'http://bpmn.io/schema/bpmn',
    exporter: 'Just Flow It',
    rootElements: [],
  });
  const pools = splitIntoPools(model);
  const elements = new Map<string, FlowNode>();
  const processes = pools.map((pool, i) => {
    const process = buildProcess(pool.model, moddle, `Process_${i + 1}`, elements, pool.id);
    definitions.rootElements!.push(process);
    return process;
  });
  const lanesUsed = model.actors.length > 0;
  if (!lanesUsed && pools.length === 1) return definitions;

  const collaboration = moddle.create<BpmnCollaboration>('bpmn:Collaboration', { id: 'Collaboration_1', participants: [], messageFlows: [] });
  pools.forEach((pool, i) => {
    collaboration.participants!.push(
      moddle.create('bpmn:Participant', { id: `Participant_${i + 1}`, name: pool.name, processRef: processes[i] }),
    );
  });
  messageFlows(model, pools).forEach(([from, to], i) => {
    const source = elements.get(`${poolOf(pools, from)}:${from}`);
    const target = elements.get(`${poolOf(pools, to)}:${to}`);
    if (source && target) {
      collaboration.messageFlows!.push(moddle.create('bpmn:MessageFlow', { id: `MessageFlow_${i + 1}`, sourceRef: source, targetRef: target }));
    }
  });
  definitions.rootElements!.unshift(collaboration);
  return definitions;
}

function buildProcess(model: ProcessModel, moddle: Moddle, id: string, elements: Map<string, FlowNode>, poolId: string): ModdleElement<BpmnProcess> {
  const process = moddle.create<BpmnProcess>('bpmn:Process', { id, isExecutable: false, flowElements: [] });
  const local = new Map<string, FlowNode>();
  const usedIds = new Set<string>();
  for (const node of model.nodes) {
    const attrs: Record<string, unknown> = { id: xmlId(`${poolId}_${node.id}`, usedIds) };
    if (node.label) attrs.name = node.label;
    if (node.kind === 'boundary' && node.interrupting === false) attrs.cancelActivity = false;
    const el: FlowNode = moddle.create(elementType(node), attrs);
    if (node.eventType) el.eventDefinitions = [eventDefinition(node, moddle, `${attrs.id}_${node.eventType}`)];
    el.incoming = [];
    el.outgoing = [];
    local.set(node.id, el);
    elements.set(`${poolId}:${node.id}`, el);
    process.flowElements!.push(el);
  }
  for (const node of model.nodes) {
    if (node.kind === 'boundary') local.get(node.id)!.attachedToRef = local.get(node.attachedTo!);
  }
  model.flows.forEach((flow, i) => {
    const source = local.get(flow.from)!;
    const target = local.get(flow.to)!;
    const attrs: Record<string, unknown> = { id: `${poolId}_Flow_${i + 1}`, sourceRef: source, targetRef: target };
    if (flow.label) attrs.name = flow.label;
    const seq = moddle.create('bpmn:SequenceFlow', attrs);
    source.outgoing!.push(seq);
    target.incoming!.push(seq);
    process.flowElements!.push(seq);
  });
  const laneActors = model.actors.filter((a) => model.nodes.some((n) => n.actor === a.id));
  if (laneActors.length) {
    const placed = placeInLanes(model);
    const lanes = laneActors.map((actor, i) =>
      moddle.create('bpmn:Lane', {
        id: `${poolId}_Lane_${i + 1}`,
        name: actor.name,
        flowNodeRef: model.nodes.filter((n) => placed.get(n.id) === actor.id).map((n) => local.get(n.id)!),
      }),
    );
    process.laneSets = [moddle.create('bpmn:LaneSet', { id: `${poolId}_LaneSet_1`, lanes })];
  }
  return process;
}

function eventDefinition(node: ModelNode, moddle: Moddle, id: string): ModdleElement<BpmnEventDefinition> {
  const attrs: Record<string, unknown> = { id };
  if (node.timer) {
    const expression = moddle.create('bpmn:FormalExpression', { body: node.timer.value });
    // The writer keeps a type spelling as it finds it; BPMN 2.0 spells a timer value <timeDuration xsi:type="tFormalExpression">.
    expression.$attrs['xsi:type'] = 'bpmn:tFormalExpression';
    attrs[TIMER_FIELDS[node.timer.kind]] = expression;
  }
  // A conditional event waits for a state; BPMN 2.0 requires its condition, here the state in words ("Cubicle free").
  if (node.eventType === 'conditional') {
    const condition = moddle.create('bpmn:FormalExpression', { body: node.label });
    condition.$attrs['xsi:type'] = 'bpmn:tFormalExpression';
    attrs.condition = condition;
  }
  return moddle.create(EVENT_DEFINITIONS[node.eventType!], attrs);
}

/** Every node needs a lane once there are lanes: nodes without an actor follow their predecessor's lane. */
function placeInLanes(model: ProcessModel): Map<string, string> {
  const placed = new Map<string, string>();
  const firstActor = model.nodes.find((n) => n.actor)?.actor ?? model.actors[0]!.id;
  const preds = new Map<string, string[]>();
  for (const f of model.flows) preds.set(f.to, [...(preds.get(f.to) ?? []), f.from]);
  for (const n of model.nodes) {
    // A boundary event sits in its task's lane.
    if (n.kind === 'boundary') preds.set(n.id, [n.attachedTo!]);
    else if (n.actor) placed.set(n.id, n.actor);
  }
  // Propagate along flows (several passes settle chains of unassigned nodes).
  for (let pass = 0; pass < model.nodes.length && placed.size < model.nodes.length; pass++) {
    for (const n of model.nodes) {
      if (placed.has(n.id)) continue;
      const from = (preds.get(n.id) ?? []).find((p) => placed.has(p));
      if (from) placed.set(n.id, placed.get(from)!);
    }
  }
  // Start events with no lane take the lane of what they start.
  for (const n of model.nodes) {
    if (placed.has(n.id)) continue;
    const next = model.flows.find((f) => f.from === n.id && placed.has(f.to));
    placed.set(n.id, next ? placed.get(next.to)! : firstActor);
  }
  return placed;
}

function poolOf(pools: Pool[], nodeId: string): string | undefined {
  return pools.find((p) => p.model.nodes.some((n) => n.id === nodeId))?.id;
}

/**
 * Separate organisations get a pool each. A pool's process is the model seen from inside it: each of its nodes
 * is followed by the next nodes of the same pool along the flows; whatever crosses pools becomes a message flow.
 */
const GATEWAYS = new Set<NodeKind>(['exclusive', 'parallel', 'inclusive']);

function splitIntoPools(model: ProcessModel): Pool[] {
  const orgs = model.actors.filter((a) => a.organisation && model.nodes.some((n) => n.actor === a.id));
  if (orgs.length === 0) return [{ id: 'P1', name: model.name || 'Process', model }];

  const poolOfNode = assignPools(model, orgs);
  const poolIds = [...new Set(model.nodes.map((n) => poolOfNode.get(n.id)!))];
  const succ = new Map<string, string[]>(model.nodes.map((n) => [n.id, []]));
  for (const f of model.flows) succ.get(f.from)!.push(f.to);

  return poolIds.map((pid, i) => {
    const inPool = (id: string) => poolOfNode.get(id) === pid;
    const nodes = model.nodes.filter((n) => inPool(n.id));
    const flows: ProcessModel['flows'] = [];
    for (const n of [...nodes]) {
      const seen = new Set<string>();
      const todo = [...succ.get(n.id)!];
      const out: ProcessModel['flows'] = [];
      let via: NodeKind | null = null;
      while (todo.length) {
        const t = todo.shift()!;
        if (seen.has(t)) continue;
        seen.add(t);
        if (inPool(t)) {
          const label = model.flows.find((f) => f.from === n.id && f.to === t)?.label;
          out.push(label ? { from: n.id, to: t, label } : { from: n.id, to: t });
        } else {
          const kind = model.nodes.find((x) => x.id === t)!.kind;
          if (GATEWAYS.has(kind)) via ??= kind;
          todo.push(...succ.get(t)!);
        }
      }
      // What the other party decides reaches this pool as one of several next steps: a split of that kind here.
      if (out.length > 1 && !GATEWAYS.has(n.kind)) {
        const choice: ModelNode = { id: `${n.id}_split`, kind: via ?? 'exclusive', label: '', actor: n.actor ?? null };
        nodes.push(choice);
        flows.push({ from: n.id, to: choice.id }, ...out.map((f) => ({ ...f, from: choice.id })));
      } else {
        flows.push(...out);
      }
    }
    const org = orgs.find((o) => o.id === pid);
    const laneActors: ModelActor[] = org ? [] : model.actors.filter((a) => !a.organisation);
    const sub: ProcessModel = {
      name: org?.name ?? model.name,
      actors: laneActors,
      nodes: nodes.map((n) => ({ ...n, actor: org ? null : n.actor ?? null })),
      flows,
    };
    let repaired: ProcessModel;
    try {
      repaired = repairModel(sub).model;
    } catch {
      repaired = { ...sub, nodes: [{ id: `${pid}_start`, kind: 'start', label: '' }, ...sub.nodes, { id: `${pid}_end`, kind: 'end', label: '' }] };
      repaired.flows = [...sub.flows];
    }
    return { id: `P${i + 1}`, name: org?.name ?? (model.name || 'Process'), model: repaired };
  });
}

function assignPools(model: ProcessModel, orgs: ModelActor[]): Map<string, string> {
  const orgIds = new Set(orgs.map((o) => o.id));
  const own = (n: ModelNode) => (n.actor && orgIds.has(n.actor) ? n.actor : n.actor ? 'internal' : null);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const succ = new Map<string, string[]>(model.nodes.map((n) => [n.id, []]));
  for (const f of model.flows) succ.get(f.from)?.push(f.to);
  // A gateway or event without an actor belongs where the work it leads to happens, when that is one pool.
  const ahead = (id: string): Set<string> => {
    const pools = new Set<string>();
    const seen = new Set<string>();
    const todo = [...(succ.get(id) ?? [])];
    while (todo.length) {
      const t = todo.shift()!;
      if (seen.has(t)) continue;
      seen.add(t);
      const p = own(byId.get(t)!);
      if (p) pools.add(p);
      else todo.push(...(succ.get(t) ?? []));
    }
    return pools;
  };
  const pool = new Map<string, string>();
  let last = own(model.nodes.find((n) => own(n)) ?? model.nodes[0]!) ?? 'internal';
  for (const n of model.nodes) {
    // A task nobody outside is named for ("The sample is sent to the lab") is our own work.
    let p = own(n) ?? (n.kind === 'task' ? 'internal' : null);
    if (!p) {
      const next = ahead(n.id);
      p = next.size === 1 ? [...next][0]! : last;
    }
    last = p;
    pool.set(n.id, p);
  }
  // A boundary event stays with its task.
  for (const n of model.nodes) if (n.kind === 'boundary' && pool.has(n.attachedTo!)) pool.set(n.id, pool.get(n.attachedTo!)!);
  return pool;
}

/** Activity → activity hand-overs between pools, reading through gateways and events. */
function messageFlows(model: ProcessModel, pools: Pool[]): Array<[string, string]> {
  if (pools.length < 2) return [];
  const kind = new Map(model.nodes.map((n) => [n.id, n.kind]));
  const succ = new Map<string, string[]>(model.nodes.map((n) => [n.id, []]));
  for (const f of model.flows) succ.get(f.from)?.push(f.to);
  const pairs: Array<[string, string]> = [];
  for (const n of model.nodes) {
    if (!isActivity(n.kind)) continue;
    const todo = [...(succ.get(n.id) ?? [])];
    const seen = new Set<string>();
    while (todo.length) {
      const t = todo.shift()!;
      if (seen.has(t)) continue;
      seen.add(t);
      if (isActivity(kind.get(t)!)) {
        const [a, b] = [poolOf(pools, n.id), poolOf(pools, t)];
        if (a && b && a !== b) pairs.push([n.id, t]);
      } else {
        todo.push(...(succ.get(t) ?? []));
      }
    }
  }
  return pairs;
}
