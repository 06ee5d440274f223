// Writes laid-out diagrams as BPMN DI text into the exported document. Building thousands of moddle elements
// (every shape, bounds, label and waypoint) and serialising them through moddle's writer cost more than the layout
// itself; the DI we write is a fixed shape of numbers and id references, so it is written directly. bpmn-moddle still
// writes the rest of the document (exportBpmn) and, through a tiny placeholder diagram, declares the DI namespaces and
// picks their prefixes, so the text fits any document.
import { randomUUID } from 'node:crypto';
import { exportBpmn } from '../export.ts';
import type { PlacedEdge, PlacedShape, Rect } from './geometry.ts';
import { is } from './sizes.ts';

/** One diagram to write: the element its plane shows, and what is drawn on it. */
export interface LaidOutDiagram {
  root: any;
  shapes: PlacedShape[];
  edges: PlacedEdge[];
}

interface Prefixes {
  bpmndi: string;
  dc: string;
  di: string;
}

/**
 * exportBpmn's XML of `definitions` with `diagrams` as its diagram interchange, replacing any the model has. The model
 * is left as it was.
 */
export async function exportWithDiagrams(definitions: any, moddle: any, diagrams: LaidOutDiagram[]): Promise<string> {
  const token = `jfi-di-${randomUUID()}`;
  const saved = definitions.diagrams;
  definitions.diagrams = diagrams.length > 0 ? [placeholder(moddle, token)] : [];
  let xml: string;
  try {
    xml = await exportBpmn(definitions, moddle);
  } finally {
    definitions.diagrams = saved;
  }
  if (diagrams.length === 0) return xml;
  const found = findPlaceholder(xml, token);
  const used = new Set<string>();
  const text = diagrams.map((d, i) => diagramXml(d, i + 1, used, found.prefixes, found.indent)).join('');
  return xml.slice(0, found.start) + text + xml.slice(found.end);
}

/** A diagram whose plane holds one shape with bounds and one edge with a waypoint: all three DI namespaces in use. */
function placeholder(moddle: any, token: string): any {
  const shape = moddle.create('bpmndi:BPMNShape', { bounds: moddle.create('dc:Bounds') });
  const edge = moddle.create('bpmndi:BPMNEdge', { waypoint: [moddle.create('dc:Point')] });
  const plane = moddle.create('bpmndi:BPMNPlane', { planeElement: [shape, edge] });
  return moddle.create('bpmndi:BPMNDiagram', { id: token, plane });
}

const NAME = '((?:[^\\s<>/:"]+:)?)';

/** Where moddle wrote the placeholder (whole lines), its indentation and the prefixes it chose. */
function findPlaceholder(xml: string, token: string): { start: number; end: number; indent: string; prefixes: Prefixes } {
  const pattern = new RegExp(
    `\\n( *)<${NAME}BPMNDiagram id="${token}">\\n *<\\2BPMNPlane>\\n *<\\2BPMNShape>\\n *<${NAME}Bounds />\\n *</\\2BPMNShape>\\n` +
      ` *<\\2BPMNEdge>\\n *<${NAME}waypoint />\\n *</\\2BPMNEdge>\\n *</\\2BPMNPlane>\\n *</\\2BPMNDiagram>\\n`,
  );
  const match = pattern.exec(xml);
  if (!match) throw new Error('bpmn-moddle did not write the diagram placeholder as expected');
  const [whole, indent, bpmndi, dc, di] = match;
  return { start: match.index + 1, end: match.index + whole.length, indent: indent!, prefixes: { bpmndi: bpmndi!, dc: dc!, di: di! } };
}

/** Attribute escaping as exportBpmn writes it (line breaks, carriage returns and tabs as character references). */
function attr(value: string): string {
  return value.replace(/[<>'"&\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function boundsXml(r: Rect, prefixes: Prefixes, indent: string): string {
  return `${indent}<${prefixes.dc}Bounds x="${Math.round(r.x)}" y="${Math.round(r.y)}" width="${Math.round(r.width)}" height="${Math.round(r.height)}" />\n`;
}

function labelXml(r: Rect | undefined, prefixes: Prefixes, indent: string): string {
  if (!r) return '';
  const b = prefixes.bpmndi;
  return `${indent}<${b}BPMNLabel>\n${boundsXml(r, prefixes, `${indent}  `)}${indent}</${b}BPMNLabel>\n`;
}

/** BPMNDiagram number `index` (1-based); `used` collects DI ids across diagrams. */
function diagramXml(diagram: LaidOutDiagram, index: number, used: Set<string>, prefixes: Prefixes, indent: string): string {
  const b = prefixes.bpmndi;
  const idFor = (element: any): string => {
    const base = `${element.id ?? 'Element'}_di`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  };
  const ref = (element: any) => (typeof element?.id === 'string' ? ` bpmnElement="${attr(element.id)}"` : '');
  const inner = `${indent}    `;
  const parts: string[] = [];
  for (const shape of diagram.shapes) {
    let flags = '';
    if (shape.isHorizontal) flags += ' isHorizontal="true"';
    if (shape.isExpanded) flags += ' isExpanded="true"';
    if (is(shape.element, 'bpmn:ExclusiveGateway')) flags += ' isMarkerVisible="true"';
    parts.push(
      `${inner}<${b}BPMNShape id="${attr(idFor(shape.element))}"${ref(shape.element)}${flags}>\n`,
      boundsXml(shape.bounds, prefixes, `${inner}  `),
      labelXml(shape.label, prefixes, `${inner}  `),
      `${inner}</${b}BPMNShape>\n`,
    );
  }
  for (const edge of diagram.edges) {
    const open = `${inner}<${b}BPMNEdge id="${attr(idFor(edge.element))}"${ref(edge.element)}`;
    if (edge.waypoints.length === 0 && !edge.label) {
      parts.push(`${open} />\n`);
      continue;
    }
    parts.push(`${open}>\n`);
    for (const p of edge.waypoints) parts.push(`${inner}  <${prefixes.di}waypoint x="${Math.round(p.x)}" y="${Math.round(p.y)}" />\n`);
    parts.push(labelXml(edge.label, prefixes, `${inner}  `), `${inner}</${b}BPMNEdge>\n`);
  }
  const planeOpen = `${indent}  <${b}BPMNPlane id="BPMNPlane_${index}"${ref(diagram.root)}`;
  const plane = parts.length > 0 ? `${planeOpen}>\n${parts.join('')}${indent}  </${b}BPMNPlane>\n` : `${planeOpen} />\n`;
  return `${indent}<${b}BPMNDiagram id="BPMNDiagram_${index}">\n${plane}${indent}</${b}BPMNDiagram>\n`;
}
