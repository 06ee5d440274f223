// Writes laid-out shapes and edges as a BPMNDiagram/BPMNPlane of bpmn-moddle elements.
import type { PlacedEdge, PlacedShape, Rect } from './geometry.ts';
import { is } from './sizes.ts';

/** Builds BPMNDiagram number `index` (1-based) showing `root`; `used` collects DI ids across diagrams. */
export function buildDiagram(
  moddle: any,
  index: number,
  root: any,
  shapes: PlacedShape[],
  edges: PlacedEdge[],
  used: Set<string>,
): any {
  const idFor = (element: any, suffix: string): string => {
    const base = `${element.id ?? 'Element'}_${suffix}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  };
  const bounds = (r: Rect) =>
    moddle.create('dc:Bounds', { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) });
  const label = (r: Rect | undefined) => (r ? moddle.create('bpmndi:BPMNLabel', { bounds: bounds(r) }) : undefined);

  const planeElements: any[] = [];
  for (const shape of shapes) {
    const attrs: Record<string, unknown> = { id: idFor(shape.element, 'di'), bpmnElement: shape.element, bounds: bounds(shape.bounds) };
    if (shape.isHorizontal) attrs.isHorizontal = true;
    if (shape.isExpanded) attrs.isExpanded = true;
    if (is(shape.element, 'bpmn:ExclusiveGateway')) attrs.isMarkerVisible = true;
    if (shape.label) attrs.label = label(shape.label);
    planeElements.push(moddle.create('bpmndi:BPMNShape', attrs));
  }
  for (const edge of edges) {
    const attrs: Record<string, unknown> = {
      id: idFor(edge.element, 'di'),
      bpmnElement: edge.element,
      waypoint: edge.waypoints.map((p) => moddle.create('dc:Point', { x: Math.round(p.x), y: Math.round(p.y) })),
    };
    if (edge.label) attrs.label = label(edge.label);
    planeElements.push(moddle.create('bpmndi:BPMNEdge', attrs));
  }
  const plane = moddle.create('bpmndi:BPMNPlane', { id: `BPMNPlane_${index}`, bpmnElement: root, planeElement: planeElements });
  return moddle.create('bpmndi:BPMNDiagram', { id: `BPMNDiagram_${index}`, plane });
}
