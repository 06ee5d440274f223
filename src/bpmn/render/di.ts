// Reads one BPMNDiagram into a draw tree in bpmn-js's z-order: the semantic model is walked the way bpmn-js's
// importer walks it (flow nodes first; boundary events, lanes, flows and associations deferred), each element's
// children follow it, lanes go behind their siblings, data associations and stray data stores go to the root.
import type { Point } from './path.ts';
import { labelBounds, labelFromDi, type Bounds, type TextLayout } from './text.ts';
import { dataSources, type BpmnElement, type DiBounds, type Definitions } from '../model.ts';

export interface ShapeItem {
  kind: 'shape';
  type: string;
  semantic: BpmnElement;
  di: BpmnElement;
  bounds: Bounds;
  /** A sub-process drawn collapsed, a black-box pool: its children are not drawn. */
  collapsed: boolean;
  hidden: boolean;
  children: DrawItem[];
}

export interface EdgeItem {
  kind: 'edge';
  type: string;
  semantic: BpmnElement;
  di: BpmnElement;
  waypoints: Point[];
  source: BpmnElement | undefined;
  hidden: boolean;
  children: DrawItem[];
}

export interface LabelItem {
  kind: 'label';
  owner: ShapeItem | EdgeItem;
  text: string;
  bounds: Bounds;
  /** The text laid out in these bounds, when working out the bounds already did that. */
  layout: TextLayout | null;
  hidden: boolean;
  children: DrawItem[];
}

export type DrawItem = ShapeItem | EdgeItem | LabelItem;

export interface Scene {
  diagramId: string | null;
  items: DrawItem[];
}

export class DiagramNotFoundError extends Error {
  override name = 'DiagramNotFoundError';
}

export function is(element: BpmnElement | null | undefined, type: string): boolean {
  return typeof element?.$instanceOf === 'function' && element.$instanceOf(type);
}

/**
 * Memoises a question about an element's type. moddle's $instanceOf answers from the element's descriptor alone,
 * so asking once per descriptor saves asking the same few questions of every element.
 */
export function perType<T extends NonNullable<unknown>>(answer: (element: BpmnElement) => T): (element: BpmnElement) => T {
  const answers = new WeakMap<object, T>();
  return (element) => {
    const descriptor = element?.$descriptor;
    if (typeof descriptor !== 'object' || descriptor === null) return answer(element);
    let value = answers.get(descriptor);
    if (value === undefined) {
      value = answer(element);
      answers.set(descriptor, value);
    }
    return value;
  };
}

const EXTERNAL_LABEL_TYPES = [
  'bpmn:Event', 'bpmn:Gateway', 'bpmn:DataStoreReference', 'bpmn:DataObjectReference', 'bpmn:DataInput',
  'bpmn:DataOutput', 'bpmn:SequenceFlow', 'bpmn:MessageFlow', 'bpmn:Group',
];

/** What reading a diagram asks about each semantic element's type. */
interface TypeFacts {
  /** How the importer treats it as a flow element of a process or sub-process. */
  role: 'flow' | 'boundary' | 'node' | 'data' | 'other';
  activity: boolean;
  subProcess: boolean;
  callActivity: boolean;
  participant: boolean;
  lane: boolean;
  dataStoreReference: boolean;
  dataAssociation: boolean;
  dataInputAssociation: boolean;
  dataOutputAssociation: boolean;
  externalLabel: boolean;
}

const factsOf = perType((element): TypeFacts => {
  const role = is(element, 'bpmn:SequenceFlow')
    ? 'flow'
    : is(element, 'bpmn:BoundaryEvent')
      ? 'boundary'
      : is(element, 'bpmn:FlowNode')
        ? 'node'
        : is(element, 'bpmn:DataStoreReference') || is(element, 'bpmn:DataObjectReference')
          ? 'data'
          : 'other';
  return {
    role,
    activity: is(element, 'bpmn:Activity'),
    subProcess: is(element, 'bpmn:SubProcess'),
    callActivity: is(element, 'bpmn:CallActivity'),
    participant: is(element, 'bpmn:Participant'),
    lane: is(element, 'bpmn:Lane'),
    dataStoreReference: is(element, 'bpmn:DataStoreReference'),
    dataAssociation: is(element, 'bpmn:DataAssociation'),
    dataInputAssociation: is(element, 'bpmn:DataInputAssociation'),
    dataOutputAssociation: is(element, 'bpmn:DataOutputAssociation'),
    externalLabel: EXTERNAL_LABEL_TYPES.some((type) => is(element, type)),
  };
});

const diKindOf = perType((di): 'shape' | 'edge' | 'plane' | 'other' =>
  is(di, 'bpmndi:BPMNShape') ? 'shape' : is(di, 'bpmndi:BPMNEdge') ? 'edge' : is(di, 'bpmndi:BPMNPlane') ? 'plane' : 'other',
);

const NONE: readonly never[] = [];

/** The text bpmn-js shows for an element: its name, an annotation's text, a group's category value. */
export function labelText(semantic: BpmnElement): string {
  if (is(semantic, 'bpmn:TextAnnotation')) return String(semantic.text ?? '');
  if (is(semantic, 'bpmn:Group')) return String(semantic.categoryValueRef?.value ?? '');
  return String(semantic?.name ?? '');
}

/** bpmn-js: call activities are always collapsed; sub-processes only when the DI says so; pools when they have a process. */
export function isExpanded(semantic: BpmnElement, di: BpmnElement): boolean {
  const facts = factsOf(semantic);
  if (facts.callActivity) return false;
  if (facts.subProcess) return diKindOf(di) === 'plane' || !!di?.isExpanded;
  if (facts.participant) return !!semantic.processRef;
  return true;
}

/** DI numbers from a broken exporter can be missing, NaN or infinite; they count as 0. */
function finite(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

function round(bounds: DiBounds | undefined): Bounds {
  return {
    x: Math.round(finite(bounds?.x)),
    y: Math.round(finite(bounds?.y)),
    width: Math.max(0, Math.round(finite(bounds?.width))),
    height: Math.max(0, Math.round(finite(bounds?.height))),
  };
}

function centre(b: Bounds): Point {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

function edgeEnds(semantic: BpmnElement, facts: TypeFacts): { source: BpmnElement | undefined; target: BpmnElement | undefined } {
  if (facts.dataInputAssociation) return { source: dataSources(semantic)[0], target: semantic.$parent };
  if (facts.dataOutputAssociation) return { source: semantic.$parent, target: semantic.targetRef };
  return { source: semantic.sourceRef, target: semantic.targetRef };
}

/** bpmn-js's default label anchor: below a shape, inside the top of a group, above/beside a flow's middle segment. */
function labelAnchor(item: ShapeItem | EdgeItem): Point {
  if (item.kind === 'edge') {
    const mid = item.waypoints.length / 2 - 1;
    const first = item.waypoints[Math.floor(mid)] ?? { x: 0, y: 0 };
    const second = item.waypoints[Math.ceil(mid + 0.01)] ?? first;
    const point = { x: (first.x + second.x) / 2, y: (first.y + second.y) / 2 };
    const angle = Math.atan((second.y - first.y) / (second.x - first.x));
    return Math.abs(angle) < Math.PI / 2 ? { x: point.x, y: point.y - 15 } : { x: point.x + 15, y: point.y };
  }
  const b = item.bounds;
  if (is(item.semantic, 'bpmn:Group')) return { x: b.x + b.width / 2, y: b.y + 10 };
  return { x: b.x + b.width / 2, y: b.y + b.height + 10 };
}

function insideBounds(b: Bounds, p: Point): boolean {
  return p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
}

/** One BPMNDiagram of a document: a page a viewer can show on its own. */
export interface DiagramPage {
  id: string;
  /** The diagram's name, else null. */
  name: string | null;
}

/** The document's BPMNDiagram pages, in document order (the first is what renders by default); those without id are skipped. */
export function diagramPages(definitions: Definitions): DiagramPage[] {
  const diagrams: BpmnElement[] = definitions?.diagrams ?? [];
  return diagrams
    .filter((d) => typeof d?.id === 'string' && d.id !== '')
    .map((d) => ({ id: d.id as string, name: typeof d.name === 'string' && d.name.trim() !== '' ? d.name.trim() : null }));
}

/** Picks the diagram (by id, default the first) and returns its elements as a draw tree. */
export function readScene(definitions: Definitions, diagramId?: string): Scene {
  const diagrams: BpmnElement[] = definitions?.diagrams ?? [];
  const diagram = diagramId ? diagrams.find((d) => d?.id === diagramId) : diagrams[0];
  if (diagramId && !diagram) throw new DiagramNotFoundError(`No BPMNDiagram with id "${diagramId}".`);
  const plane = diagram?.plane;
  const root: DrawItem[] = [];
  if (!plane) return { diagramId: diagram?.id ?? null, items: root };

  // Keyed by bpmnElement id; an element without id finds no DI.
  const diMap = new Map<string | undefined, BpmnElement>();
  for (const di of plane.planeElement ?? []) {
    const id = di?.bpmnElement?.id;
    if (id && !diMap.has(id)) diMap.set(id, di);
  }
  const handled = new Set<BpmnElement>();
  const deferred: (() => void)[] = [];
  const rootElement =
    plane.bpmnElement ?? (definitions.rootElements ?? []).find((e: BpmnElement) => is(e, 'bpmn:Process') || is(e, 'bpmn:Collaboration'));

  type Context = ShapeItem | null;
  const containerOf = (ctx: Context) => (ctx ? ctx.children : root);

  function addLabel(item: ShapeItem | EdgeItem, container: DrawItem[]): void {
    const semantic = item.semantic;
    if (!factsOf(semantic).externalLabel) return;
    const text = labelText(semantic);
    if (!text) return;
    const diBounds = item.di?.label?.bounds;
    // Without DI bounds, bpmn-js sizes the label in a 90 px box and then lays it out again in its own bounds.
    const { bounds, layout } =
      diBounds && Number(diBounds.width) > 0 ? labelFromDi(text, round(diBounds)) : { bounds: labelBounds(text, labelAnchor(item)), layout: null };
    container.push({ kind: 'label', owner: item, text, bounds, layout, hidden: item.hidden, children: [] });
  }

  function visit(semantic: BpmnElement, ctx: Context): ShapeItem | null {
    if (!semantic) return null;
    handled.add(semantic);
    const di = diMap.get(semantic.id);
    if (!di) return null;
    const hidden = !!ctx && (ctx.hidden || ctx.collapsed);
    const facts = factsOf(semantic);
    const diKind = diKindOf(di);
    if (diKind === 'shape') {
      const bounds = round(di.bounds);
      const item: ShapeItem = {
        kind: 'shape', type: semantic.$type, semantic, di, bounds,
        collapsed: !isExpanded(semantic, di), hidden, children: [],
      };
      let container = containerOf(ctx);
      if (facts.dataStoreReference && ctx && !insideBounds(ctx.bounds, centre(bounds))) container = root;
      if (facts.lane) container.unshift(item);
      else container.push(item);
      addLabel(item, container);
      return item;
    }
    if (diKind === 'edge') {
      const { source, target } = edgeEnds(semantic, facts);
      const points: Point[] = [];
      for (const p of di.waypoint ?? NONE) points.push({ x: finite(p?.x), y: finite(p?.y) });
      const waypoints = points.length >= 2 ? points : [source, target].map((e) => centre(round(diMap.get(e?.id)?.bounds)));
      const item: EdgeItem = { kind: 'edge', type: semantic.$type, semantic, di, waypoints, source, hidden, children: [] };
      const container = facts.dataAssociation ? root : containerOf(ctx);
      container.push(item);
      addLabel(item, container);
    }
    return null;
  }

  function handleProcess(process: BpmnElement, ctx: Context): void {
    handleFlowElementsContainer(process, ctx);
    handleIoSpecification(process.ioSpecification, ctx);
    handleArtifacts(process.artifacts, ctx);
    handled.add(process);
  }

  function handleArtifacts(artifacts: BpmnElement[] | undefined, ctx: Context): void {
    for (const artifact of artifacts ?? []) {
      if (is(artifact, 'bpmn:Association')) deferred.push(() => visit(artifact, ctx));
      else visit(artifact, ctx);
    }
  }

  function handleIoSpecification(io: BpmnElement | undefined, ctx: Context): void {
    for (const input of io?.dataInputs ?? []) visit(input, ctx);
    for (const output of io?.dataOutputs ?? []) visit(output, ctx);
  }

  function handleFlowNode(node: BpmnElement, ctx: Context): void {
    const child = visit(node, ctx);
    const facts = factsOf(node);
    if (facts.subProcess) {
      handleFlowElementsContainer(node, child ?? ctx);
      handleArtifacts(node.artifacts, child ?? ctx);
    }
    if (facts.activity) handleIoSpecification(node.ioSpecification, ctx);
    if (node.dataInputAssociations?.length || node.dataOutputAssociations?.length) {
      deferred.push(() => {
        for (const a of node.dataInputAssociations ?? NONE) visit(a, ctx);
        for (const a of node.dataOutputAssociations ?? NONE) visit(a, ctx);
      });
    }
  }

  function handleLane(lane: BpmnElement, ctx: Context): void {
    deferred.push(() => {
      const child = visit(lane, ctx);
      for (const inner of lane.childLaneSet?.lanes ?? []) handleLane(inner, child ?? ctx);
    });
  }

  function handleFlowElementsContainer(container: BpmnElement, ctx: Context): void {
    for (const element of container.flowElements ?? NONE) {
      const role = factsOf(element).role;
      if (role === 'flow') deferred.push(() => visit(element, ctx));
      else if (role === 'boundary') deferred.unshift(() => handleFlowNode(element, ctx));
      else if (role === 'node') handleFlowNode(element, ctx);
      else if (role === 'data') visit(element, ctx);
    }
    for (const laneSet of container.laneSets ?? []) for (const lane of laneSet.lanes ?? []) handleLane(lane, ctx);
  }

  if (rootElement && (is(rootElement, 'bpmn:Process') || is(rootElement, 'bpmn:SubProcess'))) {
    handleProcess(rootElement, null);
  } else if (rootElement && is(rootElement, 'bpmn:Collaboration')) {
    for (const participant of rootElement.participants ?? []) {
      const child = visit(participant, null);
      if (participant.processRef) handleProcess(participant.processRef, child);
    }
    deferred.push(() => {
      for (const flow of rootElement.messageFlows ?? []) visit(flow, null);
    });
    handleArtifacts(rootElement.artifacts, null);
    for (const process of definitions.rootElements ?? []) {
      if (!handled.has(process) && is(process, 'bpmn:Process') && process.laneSets) handleProcess(process, null);
    }
  }
  while (deferred.length) deferred.shift()!();
  return { diagramId: diagram.id ?? null, items: root };
}
