// Counts of what a diagram holds, as the API's diagram object reports them (api-v1.md `stats`).
import type { BpmnElement, Definitions, Descriptor, MutableElement } from './model.ts';

export interface BpmnStats {
  /** Activities: tasks of every kind, sub-processes (incl. event sub-processes, transactions) and call activities. */
  tasks: number;
  /** Start, end, intermediate and boundary events. */
  events: number;
  gateways: number;
  /** Every lane, nested lanes included. */
  lanes: number;
  /** Participants of the collaborations, each once. */
  pools: number;
  /** Sequence flows plus message flows. */
  flows: number;
}

/**
 * Visits every semantic model element once, depth first, in document order: root elements, flow elements
 * of processes and sub-processes, lanes, participants, message flows, artifacts. Diagram interchange and
 * vendor extension elements are not visited.
 */
export function eachSemanticElement(definitions: Definitions, visit: (element: BpmnElement) => void): void {
  const seen = new Set<object>();
  const walk = (value: unknown): void => {
    const element = value as MutableElement | null | undefined;
    if (!element || typeof element !== 'object' || seen.has(element) || !element.$descriptor || element.$descriptor.isGeneric) return;
    seen.add(element);
    visit(element);
    for (const name of containedProperties(element.$descriptor)) {
      const value = element[name];
      if (Array.isArray(value)) value.forEach(walk);
      else walk(value);
    }
  };
  walk(definitions);
}

const contained = new WeakMap<object, string[]>();

/** Names of the properties that hold semantic child elements, per type descriptor (validation walks several times). */
function containedProperties(descriptor: Descriptor): string[] {
  let names = contained.get(descriptor);
  if (!names) {
    names = descriptor.properties
      .filter((p) => !p.isAttr && !p.isReference && p.name !== 'diagrams' && p.name !== 'extensionElements')
      .map((p) => p.name);
    contained.set(descriptor, names);
  }
  return names;
}

/**
 * Counts tasks, events, gateways, lanes, pools and flows anywhere in the document (nested sub-processes too).
 * @example computeStats(parsed.definitions) // { tasks: 7, events: 3, gateways: 2, lanes: 2, pools: 1, flows: 12 }
 */
export function computeStats(definitions: Definitions): BpmnStats {
  const stats: BpmnStats = { tasks: 0, events: 0, gateways: 0, lanes: 0, pools: 0, flows: 0 };
  eachSemanticElement(definitions, (element) => {
    if (element.$instanceOf('bpmn:Activity')) stats.tasks++;
    else if (element.$instanceOf('bpmn:Event')) stats.events++;
    else if (element.$instanceOf('bpmn:Gateway')) stats.gateways++;
    else if (element.$instanceOf('bpmn:Lane')) stats.lanes++;
    else if (element.$instanceOf('bpmn:Participant')) stats.pools++;
    else if (element.$instanceOf('bpmn:SequenceFlow') || element.$instanceOf('bpmn:MessageFlow')) stats.flows++;
  });
  return stats;
}
