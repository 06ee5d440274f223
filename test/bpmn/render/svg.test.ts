import { readFileSync } from 'node:fs';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../src/bpmn/parse.ts';
import { contrastRatio } from '../../../src/bpmn/render/color.ts';
import { DiagramNotFoundError, renderSvg } from '../../../src/bpmn/render/svg.ts';
import { measureText } from '../../../src/bpmn/render/text.ts';
import { DARK } from '../../../src/bpmn/render/theme.ts';
import { MIWG_DIR, miwgFiles as listMiwg } from '../../helpers/shared.ts';

const MIWG = MIWG_DIR;
const FIXTURES = new URL('./fixtures/', import.meta.url);
const haveMiwg = listMiwg().length > 0;
// MIWG plus our fixture of the element types MIWG lacks.
const miwgFiles = [...listMiwg().map((f) => `${MIWG}/${f}`), new URL('element-zoo.bpmn', FIXTURES).pathname];

/** Parses with a real XML parser; any warning or error fails the test. */
function parseXml(svg: string) {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
}

function all(node: any, tag: string): XmlElement[] {
  return Array.from(node.getElementsByTagName(tag) as ArrayLike<XmlElement>);
}

function elementGroup(doc: any, id: string): XmlElement {
  const found = all(doc, 'g').find((g) => g.getAttribute('data-element-id') === id);
  if (!found) throw new Error(`no drawn element ${id}`);
  return found;
}

function isInMarker(node: any): boolean {
  for (let n = node.parentNode; n; n = n.parentNode) if (n.tagName === 'marker') return true;
  return false;
}

function childElements(node: XmlElement): XmlElement[] {
  return Array.from(node.childNodes as ArrayLike<any>).filter((n) => n.nodeType === 1) as XmlElement[];
}

async function render(xml: string, theme: 'light' | 'dark' = 'light', diagramId?: string) {
  const { definitions } = await parseBpmn(xml);
  const svg = renderSvg(definitions, { theme, diagramId });
  return { svg, doc: parseXml(svg), definitions };
}

async function renderMiwg(name: string, theme: 'light' | 'dark' = 'light') {
  return render(readFileSync(`${MIWG}/${name}.bpmn`, 'utf8'), theme);
}

function viewBox(doc: any): [number, number, number, number] {
  return doc.documentElement.getAttribute('viewBox').split(' ').map(Number);
}

function flowsXml(process: string, shapes: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
  xmlns:bioc="http://bpmn.io/schema/bpmn/biocolor/1.0" xmlns:color="http://www.omg.org/spec/BPMN/non-normative/color/1.0"
  id="defs" targetNamespace="http://example.com">
  <bpmn:process id="P">${process}</bpmn:process>
  <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="PL" bpmnElement="P">${shapes}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

function taskXml(name: string, extraDi = ''): string {
  const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return flowsXml(
    `<bpmn:task id="T" name="${escaped}"/>`,
    `<bpmndi:BPMNShape id="T_di" bpmnElement="T" ${extraDi}><dc:Bounds x="100" y="100" width="100" height="80"/></bpmndi:BPMNShape>`,
  );
}

/**
 * Like bpmn-js: DI pointing at nothing is skipped, and so are elements of a process that no pool shows (unless it
 * has lanes), e.g. the called process drawn inside B.1.0's expanded call activity.
 */
function isDisplayed(element: any, plane: any): boolean {
  if (!element) return false;
  let process = element;
  while (process && process.$type !== 'bpmn:Process' && process.$type !== 'bpmn:Collaboration') process = process.$parent;
  if (!process || process.$type === 'bpmn:Collaboration' || process === plane.bpmnElement) return true;
  const collaboration = plane.bpmnElement;
  const shown = (collaboration?.participants ?? []).some((p: any) => p.processRef === process);
  return shown || !!process.laneSets?.length;
}

describe('renderSvg on every MIWG reference file and our fixture', () => {
  for (const file of miwgFiles) {
    for (const theme of ['light', 'dark'] as const) {
      it(`renders ${file.split('/').pop()} (${theme}) as well-formed SVG that covers and counts every DI element`, async () => {
        const { svg, doc, definitions } = await render(readFileSync(file, 'utf8'), theme);
        expect(doc.documentElement?.tagName).toBe('svg');
        expect(svg).not.toMatch(/<script|href=/i);
        const attributeNames = all(doc, '*').flatMap((e) => Array.from(e.attributes as ArrayLike<any>).map((a) => a.name));
        expect(attributeNames.filter((name) => /^on/i.test(name) || /href$/i.test(name))).toEqual([]);

        const plane = definitions.diagrams[0].plane;
        const drawable = plane.planeElement.filter((e: any) => isDisplayed(e.bpmnElement, plane));
        const diShapes = drawable.filter((e: any) => e.$type === 'bpmndi:BPMNShape');
        const diEdges = drawable.filter((e: any) => e.$type === 'bpmndi:BPMNEdge');
        const groups = all(doc, 'g').filter((g) => g.getAttribute('data-element-id') !== null);
        const drawnShapes = groups.filter((g) => g.getAttribute('class') === 'djs-element djs-shape' && !g.getAttribute('data-element-id')!.endsWith('_label'));
        const drawnEdges = groups.filter((g) => g.getAttribute('class') === 'djs-element djs-connection');
        expect(drawnShapes).toHaveLength(diShapes.length);
        expect(drawnEdges).toHaveLength(diEdges.length);

        const [vx, vy, vw, vh] = viewBox(doc);
        for (const shape of diShapes) {
          const b = shape.bounds;
          expect(b.x).toBeGreaterThanOrEqual(vx);
          expect(b.y).toBeGreaterThanOrEqual(vy);
          expect(b.x + b.width).toBeLessThanOrEqual(vx + vw);
          expect(b.y + b.height).toBeLessThanOrEqual(vy + vh);
        }
        for (const edge of diEdges) {
          for (const p of edge.waypoint ?? []) {
            expect(p.x).toBeGreaterThanOrEqual(vx);
            expect(p.y).toBeLessThanOrEqual(vy + vh);
          }
        }
        // every marker reference points at a marker defined in the document
        const markerIds = new Set(all(doc, 'marker').map((m) => m.getAttribute('id')));
        for (const path of all(doc, 'path')) {
          for (const attr of ['marker-start', 'marker-end']) {
            const ref = path.getAttribute(attr);
            if (ref) expect(markerIds.has(/^url\(#(.+)\)$/.exec(ref)![1]!)).toBe(true);
          }
        }
      });
    }
  }
});

describe.skipIf(!haveMiwg)('renderSvg element families', () => {
  it('draws call activities with a 5 px border', async () => {
    const { doc, definitions } = await renderMiwg('B.1.0');
    const calls = definitions.rootElements
      .flatMap((r: any) => r.flowElements ?? [])
      .filter((e: any) => e.$type === 'bpmn:CallActivity');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(childElements(elementGroup(doc, call.id))[0]!.getAttribute('stroke-width')).toBe('5');
    }
  });

  it('dashes both circles of a non-interrupting boundary event and not of an interrupting one', async () => {
    const { doc, definitions } = await renderMiwg('A.3.0');
    const boundaries = definitions.rootElements[0].flowElements.filter((e: any) => e.$type === 'bpmn:BoundaryEvent');
    const nonInterrupting = boundaries.find((e: any) => e.cancelActivity === false);
    const interrupting = boundaries.find((e: any) => e.cancelActivity !== false);
    const dashes = (id: string) => all(elementGroup(doc, id), 'circle').slice(0, 2).map((c) => c.getAttribute('stroke-dasharray'));
    expect(dashes(nonInterrupting.id)).toEqual(['6', '6']);
    expect(dashes(interrupting.id)).toEqual([null, null]);
  });

  it('draws the exclusive gateway X only when the DI sets isMarkerVisible', async () => {
    const hidden = await renderMiwg('A.2.0');
    const gateways = hidden.definitions.rootElements[0].flowElements.filter((e: any) => e.$type === 'bpmn:ExclusiveGateway');
    expect(gateways.length).toBeGreaterThan(0);
    for (const g of gateways) expect(all(elementGroup(hidden.doc, g.id), 'path')).toHaveLength(0);

    const visible = await renderMiwg('C.1.1');
    const plane = visible.definitions.diagrams[0].plane;
    const marked = plane.planeElement.filter((e: any) => e.isMarkerVisible && e.bpmnElement.$type === 'bpmn:ExclusiveGateway');
    expect(marked.length).toBeGreaterThan(0);
    for (const di of marked) expect(all(elementGroup(visible.doc, di.bpmnElement.id), 'path')).toHaveLength(1);
  });

  it('draws message flows dashed 10, 11 with a circle at the start and a hollow arrow at the end', async () => {
    const { doc, definitions } = await renderMiwg('C.1.0');
    const flow = definitions.rootElements.find((r: any) => r.$type === 'bpmn:Collaboration').messageFlows[0];
    const path = all(elementGroup(doc, flow.id), 'path')[0]!;
    expect(path.getAttribute('stroke-dasharray')).toBe('10, 11');
    expect(path.getAttribute('stroke-width')).toBe('1.5');
    const marker = (attr: string) => all(doc, 'marker').find((m) => `url(#${m.getAttribute('id')})` === path.getAttribute(attr))!;
    expect(childElements(marker('marker-start'))[0]!.tagName).toBe('circle');
    expect(childElements(marker('marker-end'))[0]!.getAttribute('d')).toBe('m 1 5 l 0 -3 l 7 3 l -7 3 z');
  });

  it('rounds sequence-flow bends with a cubic curve of radius 5', async () => {
    const xml = flowsXml(
      '<bpmn:task id="A"/><bpmn:task id="B"/><bpmn:sequenceFlow id="F" sourceRef="A" targetRef="B"/>',
      `<bpmndi:BPMNShape id="A_di" bpmnElement="A"><dc:Bounds x="0" y="0" width="100" height="80"/></bpmndi:BPMNShape>
       <bpmndi:BPMNShape id="B_di" bpmnElement="B"><dc:Bounds x="200" y="200" width="100" height="80"/></bpmndi:BPMNShape>
       <bpmndi:BPMNEdge id="F_di" bpmnElement="F"><di:waypoint x="100" y="40"/><di:waypoint x="150" y="40"/><di:waypoint x="150" y="240"/><di:waypoint x="200" y="240"/></bpmndi:BPMNEdge>`,
    );
    const { doc } = await render(xml);
    const d = all(elementGroup(doc, 'F'), 'path')[0]!.getAttribute('d');
    expect(d).toBe('M100,40L145,40C147.5,40,150,42.5,150,45L150,235C150,237.5,152.5,240,155,240L200,240');
  });

  it('wraps a task label to the 86 px inside a 100 px task, centred on the middle', async () => {
    const { doc } = await render(taskXml('Check the incoming invoice against the purchase order'));
    const spans = all(elementGroup(doc, 'T'), 'tspan');
    expect(spans.length).toBeGreaterThan(2);
    for (const span of spans) expect(measureText(span.textContent!.trimEnd(), 12)).toBeLessThanOrEqual(86);
    const text = all(elementGroup(doc, 'T'), 'text')[0]!;
    expect(text.getAttribute('font-size')).toBe('12');
    expect(text.getAttribute('font-family')).toBe('Arial, sans-serif');
  });

  it('places a DI-less external label centred under its event, first baseline 9.9 px below the shape', async () => {
    const xml = flowsXml(
      '<bpmn:startEvent id="S" name="Go"/>',
      '<bpmndi:BPMNShape id="S_di" bpmnElement="S"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>',
    );
    const { doc } = await render(xml);
    const label = elementGroup(doc, 'S_label');
    const [, x, y] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(label.getAttribute('transform')!)!.map(Number) as number[];
    expect(y).toBe(136);
    const span = all(label, 'tspan')[0]!;
    expect(Number(span.getAttribute('y'))).toBeCloseTo(9.9, 5);
    expect(x! + Number(span.getAttribute('x')) + measureText('Go', 11) / 2).toBeCloseTo(118, 0);
  });
});

describe('renderSvg on element types outside MIWG', () => {
  const zoo = () => render(readFileSync(new URL('element-zoo.bpmn', FIXTURES), 'utf8'));

  it('draws a transaction with a double border: outer 1.5 px and an inner rect inset 3 with radius 7', async () => {
    const { doc } = await zoo();
    const rects = childElements(elementGroup(doc, 'Tx')).filter((e) => e.tagName === 'rect');
    expect(rects[0]!.getAttribute('stroke-width')).toBe('1.5');
    const inner = rects.find((r) => r.getAttribute('x') === '3')!;
    expect([inner.getAttribute('rx'), inner.getAttribute('width'), inner.getAttribute('fill')]).toEqual(['7', '254', 'none']);
  });

  it('shows a collapsed event sub-process dotted, with its non-interrupting start as a dashed 20 px icon', async () => {
    const { doc } = await zoo();
    const children = childElements(elementGroup(doc, 'EvSub'));
    expect(children[0]!.getAttribute('stroke-dasharray')).toBe('0, 5.5');
    const ring = children.find((e) => e.tagName === 'circle')!;
    expect([ring.getAttribute('r'), ring.getAttribute('stroke-dasharray'), ring.getAttribute('transform')]).toEqual(['10', '3', 'translate(1,1)']);
  });

  it('marks conditional flows from an activity with a diamond and default flows with a slash', async () => {
    const { doc } = await zoo();
    const startMarker = (id: string) => {
      const ref = all(elementGroup(doc, id), 'path')[0]!.getAttribute('marker-start')!;
      return all(doc, 'marker').find((m) => `url(#${m.getAttribute('id')})` === ref)!;
    };
    expect(childElements(startMarker('F2'))[0]!.getAttribute('d')).toBe('M 0 10 L 8 6 L 16 10 L 8 14 Z');
    expect(childElements(startMarker('F3'))[0]!.getAttribute('d')).toBe('M 6 4 L 10 16');
    expect(all(elementGroup(doc, 'F4'), 'path')[0]!.getAttribute('marker-start')).toBeNull();
  });

  it('draws a white envelope for an initiating message and places its name under the midpoint', async () => {
    const { doc } = await zoo();
    const [, envelope] = all(elementGroup(doc, 'MF'), 'path');
    expect(envelope!.getAttribute('fill')).toBe('#ffffff');
    expect(all(elementGroup(doc, 'MF'), 'text')[0]!.getAttribute('transform')).toBe('translate(1075,40)');
  });

  it('uses the group category value and the both-way association markers', async () => {
    const { doc } = await zoo();
    expect(all(elementGroup(doc, 'Group_label'), 'tspan')[0]!.textContent).toBe('Checks');
    const path = all(elementGroup(doc, 'Assoc'), 'path')[0]!;
    expect(path.getAttribute('marker-start')).toMatch(/association-start/);
    expect(path.getAttribute('marker-end')).toMatch(/association-end/);
  });
});

describe('renderSvg safety', () => {
  // eslint-disable-next-line no-control-regex -- the control characters are what is tested
  const CONTROL = /[\u0001\u0008]/;
  const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
  const hostile = '<script>alert("x")</script> \' " ]]> & \u0001\u0008 😀 עברית';

  // Set on the model after import: the importer already refuses control characters, the renderer must not rely on it.
  async function renderTaskWith(change: (task: any) => void) {
    const { definitions } = await parseBpmn(taskXml('t'));
    change(definitions.rootElements[0].flowElements[0]);
    const svg = renderSvg(definitions, { theme: 'light' });
    return { svg, doc: parseXml(svg) };
  }

  it('escapes hostile label text and drops characters XML cannot hold', async () => {
    const { svg, doc } = await renderTaskWith((task) => (task.name = hostile));
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain(']]>');
    expect(svg).not.toMatch(CONTROL);
    const text = all(elementGroup(doc, 'T'), 'tspan').map((s) => s.textContent).join('');
    expect(text.replace(/\s+/g, '')).toBe(hostile.replace(CONTROL_ALL, '').replace(/\s+/g, ''));
  });

  it('escapes element ids used as attributes', async () => {
    const { doc } = await renderTaskWith((task) => (task.id = 'T" onload="x'));
    const attributeNames = all(doc, '*').flatMap((e) => Array.from(e.attributes as ArrayLike<any>).map((a) => a.name));
    expect(attributeNames).not.toContain('onload');
    expect(elementGroup(doc, 'T" onload="x')).toBeTruthy();
  });

  it('honours safe DI colours and ignores unsafe ones', async () => {
    const ok = await render(taskXml('t', 'bioc:stroke="#e53935" bioc:fill="rgb(255, 224, 178)"'));
    const okRect = all(elementGroup(ok.doc, 'T'), 'rect')[0]!;
    expect(okRect.getAttribute('stroke')).toBe('#e53935');
    expect(okRect.getAttribute('fill')).toBe('#ffe0b2');

    const bad = await render(taskXml('t', 'bioc:stroke="red;} &lt;script&gt;" color:background-color="url(javascript:alert(1))"'));
    const badRect = all(elementGroup(bad.doc, 'T'), 'rect')[0]!;
    expect(badRect.getAttribute('stroke')).toBe('#22242a');
    expect(badRect.getAttribute('fill')).toBe('#ffffff');
    expect(bad.svg).not.toContain('javascript');
  });

  it('renders an empty document (no diagram) as an empty, valid SVG', async () => {
    const { doc } = await render(
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"/>',
    );
    expect(viewBox(doc)).toEqual([-5, -5, 10, 10]);
  });
});

describe.skipIf(!haveMiwg)('renderSvg diagrams and themes', () => {
  it('renders the chosen BPMNDiagram and rejects an unknown id', async () => {
    const xml = readFileSync(`${MIWG}/C.4.0.bpmn`, 'utf8');
    const { definitions } = await parseBpmn(xml);
    const ids: string[] = definitions.diagrams.map((d: any) => d.id);
    expect(ids.length).toBe(4);
    const outputs = new Set(ids.map((id) => renderSvg(definitions, { theme: 'light', diagramId: id })));
    expect(outputs.size).toBe(4);
    expect(renderSvg(definitions, { theme: 'light' })).toBe(renderSvg(definitions, { theme: 'light', diagramId: ids[0] }));
    expect(() => renderSvg(definitions, { theme: 'light', diagramId: 'nope' })).toThrow(DiagramNotFoundError);
  });

  it('draws the dark theme on its own canvas with readable external labels', async () => {
    const light = await renderMiwg('C.1.0', 'light');
    const dark = await renderMiwg('C.1.0', 'dark');
    expect(dark.svg).not.toBe(light.svg);
    const background = childElements(dark.doc.documentElement as unknown as XmlElement)[0]!;
    expect(background.tagName).toBe('rect');
    expect(background.getAttribute('fill')).toBe(DARK.background);
    expect(childElements(light.doc.documentElement as unknown as XmlElement)[0]!.tagName).toBe('g');
    const labels = all(dark.doc, 'g').filter((g) => g.getAttribute('data-element-id')?.endsWith('_label'));
    expect(labels.length).toBeGreaterThan(5);
    for (const label of labels) {
      const fill = all(label, 'text')[0]!.getAttribute('fill')!;
      expect(contrastRatio(fill, DARK.background!)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps the same shapes in both themes', async () => {
    for (const name of ['B.2.0', 'C.6.0']) {
      const light = await renderMiwg(name, 'light');
      const dark = await renderMiwg(name, 'dark');
      for (const tag of ['rect', 'circle', 'path', 'polygon', 'tspan']) {
        const extra = tag === 'rect' ? 1 : 0; // the dark canvas
        // marker defs are shared per colour pair, so only drawn figures are compared
        const drawn = (doc: any) => all(doc, tag).filter((e) => !isInMarker(e)).length;
        expect(drawn(dark.doc)).toBe(drawn(light.doc) + extra);
      }
    }
  });
});
