import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIWG_DIR, miwgFiles } from '../../helpers/shared.ts';
import { exportBpmn } from '../../../src/bpmn/export.ts';
import { layoutToXml, planDiagrams } from '../../../src/bpmn/layout/layout.ts';
import { parseBpmn } from '../../../src/bpmn/parse.ts';
import { stripDi } from '../../../src/bpmn/strip-di.ts';
import { compareXml } from '../../../src/bpmn/xml-compare.ts';

const MODEL = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const BPMN_DI = 'http://www.omg.org/spec/BPMN/20100524/DI';
const files = miwgFiles();

const doc = (attrs: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions xmlns:bpmn="${MODEL}"${attrs} id="D" targetNamespace="urn:t">` +
  '<bpmn:process id="P"><bpmn:extensionElements><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Ada</dc:creator>' +
  '</bpmn:extensionElements><bpmn:startEvent id="S" name="Go" /><bpmn:exclusiveGateway id="G" /><bpmn:task id="T" />' +
  '<bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="G" /><bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="T" name="yes" />' +
  '</bpmn:process></bpmn:definitions>';

const rounded = (r: { x: number; y: number; width: number; height: number }) => ({
  x: Math.round(r.x),
  y: Math.round(r.y),
  width: Math.round(r.width),
  height: Math.round(r.height),
});
const boundsOf = (b: any) => ({ x: b.x, y: b.y, width: b.width, height: b.height });

/** The planned diagrams built as bpmn-moddle DI elements and written by exportBpmn: what the text must equal. */
async function throughModdle(parsed: { definitions: any; moddle: any }): Promise<string> {
  const { moddle, definitions } = parsed;
  const used = new Set<string>();
  const idFor = (element: any) => {
    let id = `${element.id}_di`;
    for (let n = 2; used.has(id); n++) id = `${element.id}_di_${n}`;
    used.add(id);
    return id;
  };
  const bounds = (r: any) => moddle.create('dc:Bounds', rounded(r));
  const label = (r: any) => (r ? moddle.create('bpmndi:BPMNLabel', { bounds: bounds(r) }) : undefined);
  const saved = definitions.diagrams;
  definitions.diagrams = planDiagrams(definitions).diagrams.map((d, i) => {
    const shapes = d.shapes.map((s) => {
      const attrs: any = { id: idFor(s.element), bpmnElement: s.element, bounds: bounds(s.bounds) };
      if (s.isHorizontal) attrs.isHorizontal = true;
      if (s.isExpanded) attrs.isExpanded = true;
      if (s.element.$type === 'bpmn:ExclusiveGateway') attrs.isMarkerVisible = true;
      if (s.label) attrs.label = label(s.label);
      return moddle.create('bpmndi:BPMNShape', attrs);
    });
    const edges = d.edges.map((e) => {
      const waypoint = e.waypoints.map((p) => moddle.create('dc:Point', { x: Math.round(p.x), y: Math.round(p.y) }));
      const attrs: any = { id: idFor(e.element), bpmnElement: e.element, waypoint };
      if (e.label) attrs.label = label(e.label);
      return moddle.create('bpmndi:BPMNEdge', attrs);
    });
    const plane = moddle.create('bpmndi:BPMNPlane', { id: `BPMNPlane_${i + 1}`, bpmnElement: d.root, planeElement: [...shapes, ...edges] });
    return moddle.create('bpmndi:BPMNDiagram', { id: `BPMNDiagram_${i + 1}`, plane });
  });
  try {
    return await exportBpmn(definitions, moddle);
  } finally {
    definitions.diagrams = saved;
  }
}

describe('the DI written by layoutToXml', () => {
  it.each(files)('%s: reads back as exactly the planned shapes, labels, flags and waypoints', async (file) => {
    const source = await parseBpmn(readFileSync(`${MIWG_DIR}/${file}`, 'utf8'));
    stripDi(source.definitions);
    const { diagrams } = planDiagrams(source.definitions);
    const laid = await parseBpmn((await layoutToXml(source)).xml);
    expect(laid.warnings).toEqual(source.warnings);
    expect(laid.definitions.diagrams.map((d: any) => d.plane.bpmnElement.id)).toEqual(diagrams.map((d) => d.root.id));
    diagrams.forEach((planned, i) => {
      const written: any[] = laid.definitions.diagrams[i].plane.planeElement;
      expect(written.map((d) => d.bpmnElement.id)).toEqual([...planned.shapes, ...planned.edges].map((s) => s.element.id));
      planned.shapes.forEach((shape, k) => {
        const di = written[k]!;
        expect(boundsOf(di.bounds)).toEqual(rounded(shape.bounds));
        expect(di.label?.bounds ? boundsOf(di.label.bounds) : undefined).toEqual(shape.label && rounded(shape.label));
        expect(di.isHorizontal).toBe(shape.isHorizontal);
        expect(di.isExpanded).toBe(shape.isExpanded);
        expect(di.isMarkerVisible).toBe(shape.element.$type === 'bpmn:ExclusiveGateway' ? true : undefined);
      });
      planned.edges.forEach((edge, k) => {
        const di = written[planned.shapes.length + k]!;
        expect(di.waypoint.map((p: any) => ({ x: p.x, y: p.y }))).toEqual(edge.waypoints.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) })));
        expect(di.label?.bounds ? boundsOf(di.label.bounds) : undefined).toEqual(edge.label && rounded(edge.label));
      });
    });
    const ids = laid.definitions.diagrams.flatMap((d: any) => [d.id, d.plane.id, ...d.plane.planeElement.map((e: any) => e.id)]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['a prefix of the document', ` xmlns:xdi="${BPMN_DI}"`, '<xdi:BPMNShape '],
    ['free prefixes when bpmndi and dc mean something else', ' xmlns:bpmndi="urn:not-di" xmlns:dc="http://purl.org/dc/elements/1.1/"', '<bpmndi_1:BPMNShape '],
    ['the default namespace', ` xmlns="${BPMN_DI}"`, '<BPMNShape '],
    ['bpmn-moddle’s prefixes otherwise', '', '<bpmndi:BPMNShape '],
  ])('uses %s, byte for byte as bpmn-moddle would write the same diagrams', async (_, attrs, tag) => {
    const source = await parseBpmn(doc(attrs));
    const { xml } = await layoutToXml(source);
    expect(xml).toContain(tag);
    expect(xml).toBe(await throughModdle(source));
    const laid = await parseBpmn(xml);
    expect(laid.warnings).toEqual([]);
    expect(laid.definitions.diagrams[0].plane.planeElement.map((d: any) => d.bpmnElement.id)).toEqual(['S', 'G', 'T', 'F1', 'F2']);
  });

  it.each(files)('%s: byte for byte as bpmn-moddle would write the same diagrams', async (file) => {
    const source = await parseBpmn(readFileSync(`${MIWG_DIR}/${file}`, 'utf8'));
    stripDi(source.definitions);
    expect((await layoutToXml(source)).xml).toBe(await throughModdle(source));
  });

  it('never gives DI an id the document already uses', async () => {
    // Semantic ids that look like the DI ids we would pick: T_di, BPMNPlane_1 and BPMNDiagram_1.
    const xml =
      `<bpmn:definitions xmlns:bpmn="${MODEL}" id="BPMNDiagram_1" targetNamespace="urn:t"><bpmn:process id="BPMNPlane_1">` +
      '<bpmn:startEvent id="T" /><bpmn:task id="T_di" /><bpmn:sequenceFlow id="F" sourceRef="T" targetRef="T_di" />' +
      '</bpmn:process></bpmn:definitions>';
    const laid = await parseBpmn((await layoutToXml(await parseBpmn(xml))).xml);
    expect(laid.duplicateIds).toEqual([]);
    expect(laid.warnings).toEqual([]);
    const diagram = laid.definitions.diagrams[0];
    const diIds = [diagram.id, diagram.plane.id, ...diagram.plane.planeElement.map((e: any) => e.id)];
    for (const id of diIds) expect(['BPMNDiagram_1', 'BPMNPlane_1', 'T', 'T_di', 'F']).not.toContain(id);
    expect(diagram.plane.planeElement.map((e: any) => e.bpmnElement.id)).toEqual(['T', 'T_di', 'F']);
  });

  it('replaces the diagrams in the XML but leaves the model as it was', async () => {
    const xml = readFileSync(`${MIWG_DIR}/A.1.0.bpmn`, 'utf8');
    const source = await parseBpmn(xml);
    const diagrams = source.definitions.diagrams;
    const before = await exportBpmn(source.definitions, source.moddle);
    const { xml: out } = await layoutToXml(source);
    expect(source.definitions.diagrams).toBe(diagrams);
    expect(await exportBpmn(source.definitions, source.moddle)).toBe(before);
    const laid = await parseBpmn(out);
    expect(laid.definitions.diagrams).toHaveLength(1);
    expect(out).toContain('id="BPMNDiagram_1"');
    expect(compareXml(xml, out)).not.toBeNull();
  });
});
