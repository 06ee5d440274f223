// A semantic diff of two BPMN documents keyed by element id, in bpmn-js-differ's categories (added, removed,
// changed, layout changed). Our own over the parsed model rather than bpmn-js-differ: it reports a changed
// element's property paths (`incoming[0]`, `processRef.flowElements[3]`), not [old, new] values; it does not
// track annotations, groups or plain associations; and lane membership shows on the lane (`flowNodeRef`), not
// on the node that moved. Here a node carries its lane, and flows carry their ends (incoming/outgoing are left out:
// they repeat the flows' sourceRef/targetRef, so a retargeted flow does not mark both neighbours changed too).
import { parseBpmn } from '../parse.ts';
import type { BpmnElement, Definitions, PropertyDescriptor } from '../model.ts';

export type DiffEntry = { id: string; type: string; name: string | null };
export type ChangedEntry = DiffEntry & { attributes: Record<string, [unknown, unknown]> };
export type BpmnDiff = { added: DiffEntry[]; removed: DiffEntry[]; changed: ChangedEntry[]; layout_changed: DiffEntry[] };

/** The element types the diff reports on: what a diagram draws as an element of its own. */
const TRACKED = [
  'bpmn:FlowNode', 'bpmn:SequenceFlow', 'bpmn:MessageFlow', 'bpmn:Participant', 'bpmn:Lane',
  'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:DataInput', 'bpmn:DataOutput',
  'bpmn:TextAnnotation', 'bpmn:Group', 'bpmn:Association', 'bpmn:DataAssociation',
];

/** Properties that hold other tracked elements or mirror them; each of those is compared on its own. */
const STRUCTURAL = new Set([
  'id', 'flowElements', 'artifacts', 'laneSets', 'childLaneSet', 'lanes', 'participants', 'messageFlows',
  'flowNodeRef', 'incoming', 'outgoing', 'dataInputAssociations', 'dataOutputAssociations',
]);

interface Snapshot {
  element: BpmnElement;
  /** Semantic attributes, canonical: defaults left out, references as ids. */
  attributes: Map<string, unknown>;
  /** Every DI of the element (bounds, waypoints, label, flags, colours) across the document's diagrams. */
  layout: string;
}

/**
 * Compares two BPMN documents. Throws BpmnParseError (the import's own error) when either cannot be read.
 * @example const { added, changed } = await diffBpmn(oldXml, newXml);
 */
export async function diffBpmn(fromXml: string, toXml: string): Promise<BpmnDiff> {
  return diffDefinitions((await parseBpmn(fromXml)).definitions, (await parseBpmn(toXml)).definitions);
}

/** The diff of two parsed documents (what diffBpmn returns, for callers that need the models too). */
export function diffDefinitions(from: Definitions, to: Definitions): BpmnDiff {
  const before = snapshot(from);
  const after = snapshot(to);
  const diff: BpmnDiff = { added: [], removed: [], changed: [], layout_changed: [] };
  for (const [id, old] of before) if (!after.has(id)) diff.removed.push(entry(id, old.element));
  for (const [id, now] of after) {
    const old = before.get(id);
    if (!old) {
      diff.added.push(entry(id, now.element));
      continue;
    }
    const attributes: Record<string, [unknown, unknown]> = {};
    for (const name of [...new Set([...old.attributes.keys(), ...now.attributes.keys()])].sort(byString)) {
      const a = old.attributes.get(name) ?? null;
      const b = now.attributes.get(name) ?? null;
      if (JSON.stringify(a) !== JSON.stringify(b)) attributes[name] = [a, b];
    }
    if (Object.keys(attributes).length > 0) diff.changed.push({ ...entry(id, now.element), attributes });
    else if (old.layout !== now.layout) diff.layout_changed.push(entry(id, now.element));
  }
  for (const list of [diff.added, diff.removed, diff.changed, diff.layout_changed]) list.sort((a, b) => byString(a.id, b.id));
  return diff;
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function entry(id: string, element: BpmnElement): DiffEntry {
  const name = element.$instanceOf('bpmn:TextAnnotation') ? element.text : element.name;
  return { id, type: element.$type, name: typeof name === 'string' ? name : null };
}

function isTracked(element: BpmnElement): boolean {
  return typeof element.$instanceOf === 'function' && TRACKED.some((type) => element.$instanceOf(type));
}

function isElement(value: unknown): value is BpmnElement {
  return typeof value === 'object' && value !== null && typeof (value as BpmnElement).$type === 'string';
}

/** Every tracked element with an id, by id, with what is compared. */
function snapshot(definitions: Definitions): Map<string, Snapshot> {
  const elements = new Map<string, BpmnElement>();
  const lanes = new Map<BpmnElement, string>();
  const walk = (element: BpmnElement): void => {
    if (isTracked(element) && element.id && !elements.has(element.id)) elements.set(element.id, element);
    // Walked outer lanes first, so a node ends up with its innermost lane.
    if (element.$instanceOf('bpmn:Lane') && element.id) for (const node of element.flowNodeRef ?? []) lanes.set(node, element.id);
    for (const child of containedElements(element)) walk(child);
  };
  for (const root of definitions.rootElements ?? []) walk(root);

  const layouts = diLayouts(definitions);
  const snapshots = new Map<string, Snapshot>();
  for (const [id, element] of elements) {
    const attributes = new Map<string, unknown>([['type', element.$type]]);
    for (const [name, value] of Object.entries(canonicalProperties(element))) attributes.set(name, value);
    const lane = lanes.get(element);
    if (lane) attributes.set('lane', lane);
    const parent = ownerId(element);
    if (parent) attributes.set('parent', parent);
    snapshots.set(id, { element, attributes, layout: (layouts.get(id) ?? []).sort().join('\n') });
  }
  return snapshots;
}

/** The elements a model element contains (not the ones it refers to), for the walk. */
function containedElements(element: BpmnElement): BpmnElement[] {
  const out: BpmnElement[] = [];
  for (const property of element.$descriptor?.properties ?? []) {
    if (property.isReference || property.isAttr) continue;
    const value: unknown = (element as unknown as Record<string, unknown>)[property.name];
    for (const item of Array.isArray(value) ? value : [value]) if (isElement(item)) out.push(item);
  }
  return out;
}

/** The id of the nearest container with one (process, sub-process, collaboration, lane set's owner). */
function ownerId(element: BpmnElement): string | null {
  for (let at = element.$parent; at; at = at.$parent) if (at.id && !at.$instanceOf('bpmn:Definitions')) return at.id;
  return null;
}

/** An element's non-structural properties that differ from their defaults, plus its extension attributes. */
function canonicalProperties(element: BpmnElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const record = element as unknown as Record<string, unknown>;
  for (const property of element.$descriptor?.properties ?? []) {
    if (STRUCTURAL.has(property.name) || property.name in out) continue;
    const value = canonical(record[property.name], property);
    if (value === null || (Array.isArray(value) && value.length === 0) || value === property.default) continue;
    out[property.name] = value;
  }
  for (const [name, value] of Object.entries(element.$attrs ?? {})) if (!name.startsWith('xmlns')) out[name] = value;
  return out;
}

/** A JSON-comparable value: references become ids, contained elements plain objects, expressions their body. */
function canonical(value: unknown, property?: PropertyDescriptor): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((item) => canonical(item, property));
  if (!isElement(value)) return value;
  if (property?.isReference) return value.id ?? null;
  if (value.$instanceOf?.('bpmn:Expression') && !value.$instanceOf('bpmn:FormalExpression')) return value.body ?? '';
  if (value.$instanceOf?.('bpmn:FormalExpression') && !value.get('language') && !value.get('evaluatesToTypeRef')) return value.body ?? '';
  // Generic (extension) elements keep their content as own properties; model elements go by their descriptor.
  const body: Record<string, unknown> = { $type: value.$type };
  if (value.$descriptor?.isGeneric || !value.$descriptor) {
    for (const [key, inner] of Object.entries(value)) if (!key.startsWith('$') || key === '$body' || key === '$children') body[key] = canonical(inner);
    return body;
  }
  if (value.id && isTracked(value)) return value.id;
  return Object.assign(body, canonicalProperties(value));
}

/** Per bpmnElement id, one line per DI: its diagram, bounds or waypoints, label bounds, flags and colours. */
function diLayouts(definitions: Definitions): Map<string, string[]> {
  const layouts = new Map<string, string[]>();
  for (const diagram of definitions.diagrams ?? []) {
    for (const di of diagram?.plane?.planeElement ?? []) {
      const id = di?.bpmnElement?.id;
      if (!id) continue;
      const line = JSON.stringify([diagram.id ?? null, canonicalProperties(di)]);
      const list = layouts.get(id);
      if (list) list.push(line);
      else layouts.set(id, [line]);
    }
  }
  return layouts;
}
