// What a flow container (process or sub-process) holds, sorted into what the layout places and connects.
import { is } from './sizes.ts';

/** A connection the layout routes inside one container; `from`/`to` are the elements whose shapes it joins. */
export interface Link {
  element: any;
  from: any;
  to: any;
  /** Sequence flows attach to the sides of their shapes; associations anywhere on them. */
  kind: 'sequence' | 'association';
}

export interface ContainerContent {
  /** Shapes laid out as graph nodes, in document order. */
  nodes: any[];
  /** Boundary events by their host. */
  boundary: Map<any, any[]>;
  links: Link[];
  groups: any[];
}

function isNode(element: any): boolean {
  if (is(element, 'bpmn:BoundaryEvent')) return false;
  return (
    is(element, 'bpmn:FlowNode') ||
    is(element, 'bpmn:DataObjectReference') ||
    is(element, 'bpmn:DataStoreReference') ||
    is(element, 'bpmn:TextAnnotation')
  );
}

/** Reads a process or sub-process; links whose ends are not both in it are left out (they are invalid BPMN). */
export function readContainer(container: any, extraArtifacts: any[] = []): ContainerContent {
  const flowElements: any[] = container.flowElements ?? [];
  const artifacts: any[] = [...(container.artifacts ?? []), ...extraArtifacts];
  const nodes = [...flowElements, ...artifacts].filter(isNode);
  const boundary = new Map<any, any[]>();
  for (const el of flowElements) {
    if (!is(el, 'bpmn:BoundaryEvent') || !el.attachedToRef) continue;
    const list = boundary.get(el.attachedToRef) ?? [];
    list.push(el);
    boundary.set(el.attachedToRef, list);
  }
  const placed = new Set<any>([...nodes, ...[...boundary.values()].flat()]);
  const links: Link[] = [];
  const add = (element: any, from: any, to: any, kind: Link['kind']) => {
    if (from && to && placed.has(from) && placed.has(to) && from !== to) links.push({ element, from, to, kind });
  };
  for (const el of flowElements) {
    if (is(el, 'bpmn:SequenceFlow')) add(el, el.sourceRef, el.targetRef, 'sequence');
  }
  for (const el of [...flowElements]) {
    for (const assoc of el.dataInputAssociations ?? []) {
      add(assoc, assoc.sourceRef?.[0], el, 'association');
    }
    for (const assoc of el.dataOutputAssociations ?? []) add(assoc, el, assoc.targetRef, 'association');
  }
  for (const el of artifacts) {
    if (is(el, 'bpmn:Association')) add(el, el.sourceRef, el.targetRef, 'association');
  }
  const groups = artifacts.filter((a) => is(a, 'bpmn:Group'));
  return { nodes, boundary, links, groups };
}
