// Writes laid-out diagrams as BPMN DI text into the exported document. Building thousands of moddle elements
// (every shape, bounds, label and waypoint) and serialising them through moddle's writer cost more than the layout
// itself; the DI we write is a fixed shape of numbers and id references, so it is written directly. bpmn-moddle still
// writes the rest of the document (exportBpmn) and, through a tiny placeholder diagram, declares the DI namespaces and
// picks their prefixes, so the text fits any document.
import { randomUUID } from 'node:crypto';
import { exportBpmn } from '../export.ts';
import type { PlacedEdge, PlacedShape, Rect } from './geometry.ts';
import { is } from './sizes.ts';
import type { BpmnElement, Definitions, Moddle } from '../model.ts';

/** One diagram to write: the element its plane shows, and what is drawn on it. */
export interface LaidOutDiagram {
  root: BpmnElement;
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
export async function exportWithDiagrams(definitions: Definitions, moddle: Moddle, diagrams: LaidOutDiagram[]): Promise<string> {
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
  // Every id the document already has (a superset: any attribute named id), so no DI id can repeat one.
  const used = new Set<string>();
  for (const match of xml.matchAll(ID_ATTRIBUTE)) used.add(match[1]!);
  const lines = linesFor(found.prefixes, found.indent);
  const text = diagrams.map((d, i) => diagramXml(d, i + 1, used, lines)).join('');
  return xml.slice(0, found.start) + text + xml.slice(found.end);
}

/** A diagram whose plane holds one shape with bounds and one edge with a waypoint: all three DI namespaces in use. */
function placeholder(moddle: Moddle, token: string): BpmnElement {
  const shape = moddle.create('bpmndi:BPMNShape', { bounds: moddle.create('dc:Bounds') });
  const edge = moddle.create('bpmndi:BPMNEdge', { waypoint: [moddle.create('dc:Point')] });
  const plane = moddle.create('bpmndi:BPMNPlane', { planeElement: [shape, edge] });
  return moddle.create('bpmndi:BPMNDiagram', { id: token, plane }) as BpmnElement;
}

const NAME = '((?:[^\\s<>/:"]+:)?)';
const ID_ATTRIBUTE = /\sid="([^"]*)"/g;

/** Where moddle wrote the placeholder (whole lines), its indentation and the prefixes it chose. */
function findPlaceholder(xml: string, token: string): { start: number; end: number; indent: string; prefixes: Prefixes } {
  // Find the token first: a pattern tried at every line of a large document is slow.
  const start = xml.lastIndexOf('\n', xml.indexOf(` id="${token}">`)) + 1;
  const pattern = new RegExp(
    `( *)<${NAME}BPMNDiagram id="${token}">\\n *<\\2BPMNPlane>\\n *<\\2BPMNShape>\\n *<${NAME}Bounds />\\n *</\\2BPMNShape>\\n` +
      ` *<\\2BPMNEdge>\\n *<${NAME}waypoint />\\n *</\\2BPMNEdge>\\n *</\\2BPMNPlane>\\n *</\\2BPMNDiagram>\\n`,
    'y',
  );
  pattern.lastIndex = start;
  const match = start > 0 ? pattern.exec(xml) : null;
  if (!match) throw new Error('bpmn-moddle did not write the diagram placeholder as expected');
  const [whole, indent, bpmndi, dc, di] = match;
  return { start, end: start + whole.length, indent: indent!, prefixes: { bpmndi: bpmndi!, dc: dc!, di: di! } };
}

/** Attribute escaping as exportBpmn writes it (line breaks, carriage returns and tabs as character references). */
function attr(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(NEEDS_ESCAPE_ALL, (c) => `&#${c.charCodeAt(0)};`) : value;
}

const NEEDS_ESCAPE = /[<>'"&\n\r\t]/;
const NEEDS_ESCAPE_ALL = /[<>'"&\n\r\t]/g;

/** The start of every line the writer repeats, indentation and prefixes included. */
function linesFor(prefixes: Prefixes, indent: string) {
  const { bpmndi: b, dc, di } = prefixes;
  const element = `${indent}    `;
  const child = `${element}  `;
  return {
    shape: `${element}<${b}BPMNShape id="`,
    shapeEnd: `${element}</${b}BPMNShape>\n`,
    edge: `${element}<${b}BPMNEdge id="`,
    edgeEnd: `${element}</${b}BPMNEdge>\n`,
    bounds: `${child}<${dc}Bounds x="`,
    waypoint: `${child}<${di}waypoint x="`,
    label: `${child}<${b}BPMNLabel>\n${child}  <${dc}Bounds x="`,
    labelEnd: `${child}</${b}BPMNLabel>\n`,
    plane: `${indent}  <${b}BPMNPlane id="`,
    planeEnd: `${indent}  </${b}BPMNPlane>\n`,
    diagram: `${indent}<${b}BPMNDiagram id="`,
    diagramEnd: `${indent}</${b}BPMNDiagram>\n`,
  };
}

type Lines = ReturnType<typeof linesFor>;

/** The attributes of a dc:Bounds after its `x="`. */
function boundsRest(r: Rect): string {
  return `${Math.round(r.x)}" y="${Math.round(r.y)}" width="${Math.round(r.width)}" height="${Math.round(r.height)}" />\n`;
}

function labelXml(r: Rect | undefined, lines: Lines): string {
  return r ? `${lines.label}${boundsRest(r)}${lines.labelEnd}` : '';
}

/** BPMNDiagram number `index` (1-based); `used` holds the document's ids and collects the DI ids written. */
function diagramXml(diagram: LaidOutDiagram, index: number, used: Set<string>, lines: Lines): string {
  const unique = (base: string): string => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return attr(id);
  };
  const idFor = (element: BpmnElement): string => unique(`${element.id ?? 'Element'}_di`);
  const ref = (element: BpmnElement) => (typeof element?.id === 'string' ? ` bpmnElement="${attr(element.id)}"` : '');
  let body = '';
  for (const shape of diagram.shapes) {
    let flags = '';
    if (shape.isHorizontal) flags += ' isHorizontal="true"';
    if (shape.isExpanded) flags += ' isExpanded="true"';
    if (is(shape.element, 'bpmn:ExclusiveGateway')) flags += ' isMarkerVisible="true"';
    body += `${lines.shape}${idFor(shape.element)}"${ref(shape.element)}${flags}>\n${lines.bounds}${boundsRest(shape.bounds)}`;
    body += `${labelXml(shape.label, lines)}${lines.shapeEnd}`;
  }
  for (const edge of diagram.edges) {
    body += `${lines.edge}${idFor(edge.element)}"${ref(edge.element)}`;
    if (edge.waypoints.length === 0 && !edge.label) {
      body += ' />\n';
      continue;
    }
    body += '>\n';
    for (const p of edge.waypoints) body += `${lines.waypoint}${Math.round(p.x)}" y="${Math.round(p.y)}" />\n`;
    body += `${labelXml(edge.label, lines)}${lines.edgeEnd}`;
  }
  const diagramId = unique(`BPMNDiagram_${index}`);
  const plane = `${lines.plane}${unique(`BPMNPlane_${index}`)}"${ref(diagram.root)}${body ? `>\n${body}${lines.planeEnd}` : ' />\n'}`;
  return `${lines.diagram}${diagramId}">\n${plane}${lines.diagramEnd}`;
}
