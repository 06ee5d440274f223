// What a flow container (process or sub-process) holds, sorted into what the layout places and connects.
import { is } from './sizes.ts';
import { dataSources, type BpmnElement } from '../model.ts';

/** A connection the layout routes inside one container; `from`/`to` are the elements whose shapes it joins. */
export interface Link {
  element: BpmnElement;
  from: BpmnElement;
  to: BpmnElement;
  /** Sequence flows attach to the sides of their shapes; associations anywhere on them. */
  kind: 'sequence' | 'association';
}

export interface ContainerContent {
  /** Shapes laid out as graph nodes, in document order. */
  nodes: BpmnElement[];
  /** Boundary events by their host. */
  boundary: Map<BpmnElement, BpmnElement[]>;
  links: Link[];
  groups: BpmnElement[];
  /** Data objects, data stores and annotations drawn above the node they are associated with. */
  satellites: Map<BpmnElement, BpmnElement[]>;
}

function isSatellite(element: BpmnElement): boolean {
  return is(element, 'bpmn:DataObjectReference') || is(element, 'bpmn:DataStoreReference') || is(element, 'bpmn:TextAnnotation');
}

function isNode(element: BpmnElement): boolean {
  if (is(element, 'bpmn:BoundaryEvent')) return false;
  return (
    is(element, 'bpmn:FlowNode') ||
    is(element, 'bpmn:DataObjectReference') ||
    is(element, 'bpmn:DataStoreReference') ||
    is(element, 'bpmn:TextAnnotation')
  );
}

/** Reads a process or sub-process; links whose ends are not both in it are left out (they are invalid BPMN). */
export function readContainer(container: BpmnElement, extraArtifacts: BpmnElement[] = []): ContainerContent {
  const flowElements: BpmnElement[] = container.flowElements ?? [];
  const artifacts: BpmnElement[] = [...(container.artifacts ?? []), ...extraArtifacts];
  const nodes = [...flowElements, ...artifacts].filter(isNode);
  const boundary = new Map<BpmnElement, BpmnElement[]>();
  for (const el of flowElements) {
    if (!is(el, 'bpmn:BoundaryEvent') || !el.attachedToRef) continue;
    const list = boundary.get(el.attachedToRef) ?? [];
    list.push(el);
    boundary.set(el.attachedToRef, list);
  }
  const placed = new Set<BpmnElement>([...nodes, ...[...boundary.values()].flat()]);
  const links: Link[] = [];
  // An association to a sequence flow is drawn to the flow's source shape.
  const shapeOf = (x: BpmnElement | undefined) => (is(x, 'bpmn:SequenceFlow') ? x?.sourceRef : x);
  const add = (element: BpmnElement, rawFrom: BpmnElement | undefined, rawTo: BpmnElement | undefined, kind: Link['kind']) => {
    const from = shapeOf(rawFrom);
    const to = shapeOf(rawTo);
    if (from && to && placed.has(from) && placed.has(to) && from !== to) links.push({ element, from, to, kind });
  };
  for (const el of flowElements) {
    if (is(el, 'bpmn:SequenceFlow')) add(el, el.sourceRef, el.targetRef, 'sequence');
  }
  for (const el of [...flowElements]) {
    for (const assoc of el.dataInputAssociations ?? []) {
      add(assoc, dataSources(assoc)[0], el, 'association');
    }
    for (const assoc of el.dataOutputAssociations ?? []) add(assoc, el, assoc.targetRef, 'association');
  }
  for (const el of artifacts) {
    if (is(el, 'bpmn:Association')) add(el, el.sourceRef, el.targetRef, 'association');
  }
  const groups = artifacts.filter((a) => is(a, 'bpmn:Group'));
  // A satellite hangs on the first graph node it is associated with (a boundary event's host, a flow's source).
  const satellites = new Map<BpmnElement, BpmnElement[]>();
  const anchorFor = (element: BpmnElement | undefined): BpmnElement | null => {
    const target = is(element, 'bpmn:BoundaryEvent') ? element?.attachedToRef : is(element, 'bpmn:SequenceFlow') ? element?.sourceRef : element;
    return target && nodes.includes(target) && !isSatellite(target) ? target : null;
  };
  for (const element of nodes.filter(isSatellite)) {
    let anchor: BpmnElement | null = null;
    for (const link of links) {
      if (link.from === element) anchor ??= anchorFor(link.to);
      if (link.to === element) anchor ??= anchorFor(link.from);
    }
    if (!anchor) {
      for (const a of artifacts) {
        if (!is(a, 'bpmn:Association')) continue;
        if (a.sourceRef === element) anchor ??= anchorFor(a.targetRef);
        if (a.targetRef === element) anchor ??= anchorFor(a.sourceRef);
      }
    }
    if (!anchor) continue;
    const list = satellites.get(anchor) ?? [];
    list.push(element);
    satellites.set(anchor, list);
  }
  const hanging = new Set([...satellites.values()].flat());
  return { nodes: nodes.filter((n) => !hanging.has(n)), boundary, links, groups, satellites };
}
