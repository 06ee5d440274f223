import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIWG_DIR, miwgFiles } from '../../helpers/shared.ts';
import { layoutToXml } from '../../../src/bpmn/layout/layout.ts';
import { measureLayout } from '../../../src/bpmn/layout/quality.ts';
import type { Definitions, Moddle } from '../../../src/bpmn/model.ts';
import { parseBpmn } from '../../../src/bpmn/parse.ts';
import { stripDi } from '../../../src/bpmn/strip-di.ts';

const MIWG = MIWG_DIR;
const files = miwgFiles();

/** The file without DI, laid out, and the result read back: `parsed` is the laid-out document. */
async function layoutFile(file: string) {
  const source = await parseBpmn(readFileSync(`${MIWG}/${file}`, 'utf8'));
  stripDi(source.definitions);
  const { xml, report } = await layoutToXml(source);
  return { parsed: await parseBpmn(xml), report, xml };
}

const is = (el: any, type: string) => el?.$instanceOf?.(type) === true;

function* walk(element: any): Generator<any> {
  for (const child of [...(element.flowElements ?? []), ...(element.artifacts ?? []), ...(element.laneSets ?? []).flatMap((s: any) => s.lanes ?? [])]) {
    yield child;
    yield* walk(child);
    for (const lane of child.childLaneSet?.lanes ?? []) yield lane;
  }
}

function onBorder(p: { x: number; y: number }, b: any, element?: any): boolean {
  const tol = 1;
  // Flows may meet an event's circle or a gateway's diamond anywhere on its outline, as bpmn-js docks them.
  const dx = Math.abs(p.x - (b.x + b.width / 2));
  const dy = Math.abs(p.y - (b.y + b.height / 2));
  if (is(element, 'bpmn:Event') && Math.abs(Math.hypot(dx, dy) - b.width / 2) <= tol) return true;
  if (is(element, 'bpmn:Gateway') && Math.abs(dx / (b.width / 2) + dy / (b.height / 2) - 1) <= tol / (b.height / 2)) return true;
  const inX = p.x >= b.x - tol && p.x <= b.x + b.width + tol;
  const inY = p.y >= b.y - tol && p.y <= b.y + b.height + tol;
  const onVertical = Math.abs(p.x - b.x) <= tol || Math.abs(p.x - (b.x + b.width)) <= tol;
  const onHorizontal = Math.abs(p.y - b.y) <= tol || Math.abs(p.y - (b.y + b.height)) <= tol;
  return inX && inY && (onVertical || onHorizontal);
}

describe('layoutToXml on the MIWG files without DI', () => {
  it.each(files)('%s: no overlaps, nodes inside lanes and pools, labels clear of nodes, lines and each other', async (file) => {
    const { parsed } = await layoutFile(file);
    const q = measureLayout(parsed.definitions);
    expect(q.nodeOverlaps).toBe(0);
    expect(q.outsideLane).toBe(0);
    expect(q.labelOverlaps).toBe(0);
    expect(q.labelLabelOverlaps).toBe(0);
    expect(q.labelCollisions).toBe(0);
    expect(q.missingDi).toBe(0);
  });

  it.each(files)('%s: every drawable element has DI and every edge ends on its shapes', async (file) => {
    const { parsed } = await layoutFile(file);
    const { definitions } = parsed;
    expect(definitions.diagrams.length).toBeGreaterThanOrEqual(1);
    const planeElements: any[] = definitions.diagrams.flatMap((d: any) => d.plane.planeElement);
    const di = new Map<any, any>(planeElements.map((d) => [d.bpmnElement, d]));
    const drawable: any[] = [];
    for (const root of definitions.rootElements) {
      if (is(root, 'bpmn:Collaboration')) drawable.push(...root.participants, ...(root.messageFlows ?? []));
      if (is(root, 'bpmn:Process')) drawable.push(...walk(root));
    }
    const missing = drawable
      .filter((el) => !is(el, 'bpmn:DataObject') && !is(el, 'bpmn:LaneSet') && !di.has(el))
      .map((el) => el.id);
    expect(missing).toEqual([]);
    for (const diagram of definitions.diagrams) {
      const own = new Map<any, any>(diagram.plane.planeElement.map((d: any) => [d.bpmnElement, d]));
      for (const d of diagram.plane.planeElement.filter((x: any) => is(x, 'bpmndi:BPMNEdge'))) {
        const el = d.bpmnElement;
        const source = is(el, 'bpmn:DataInputAssociation') ? el.sourceRef?.[0] : is(el, 'bpmn:DataOutputAssociation') ? el.$parent : el.sourceRef;
        const target = is(el, 'bpmn:DataInputAssociation') ? el.$parent : el.targetRef;
        const shapeOf = (x: any) => own.get(x)?.bounds ?? own.get(x?.sourceRef)?.bounds;
        const first = d.waypoint[0];
        const last = d.waypoint[d.waypoint.length - 1];
        expect(d.waypoint.length, el.id).toBeGreaterThanOrEqual(2);
        expect(onBorder(first, shapeOf(source), source), `${el.id} starts on ${source?.id}`).toBe(true);
        expect(onBorder(last, shapeOf(target), target), `${el.id} ends on ${target?.id}`).toBe(true);
      }
    }
  });

  it('gives every collaboration of C.4.0 its own diagram, the largest first', async () => {
    const { parsed, report } = await layoutFile('C.4.0.bpmn');
    const roots = parsed.definitions.diagrams.map((d: any) => d.plane.bpmnElement);
    expect(roots).toHaveLength(4);
    expect(roots.every((r: any) => is(r, 'bpmn:Collaboration'))).toBe(true);
    expect(new Set(roots).size).toBe(4);
    expect(report.diagrams).toBe(4);
    expect(report.planeElementId).toBe(roots[0].id);
  });

  it.each(files)('%s: sequence and message flows are orthogonal', async (file) => {
    const { parsed } = await layoutFile(file);
    const flows = parsed.definitions.diagrams[0].plane.planeElement.filter(
      (d: any) => is(d.bpmnElement, 'bpmn:SequenceFlow') || is(d.bpmnElement, 'bpmn:MessageFlow'),
    );
    const diagonal = flows
      .filter((d: any) => d.waypoint.slice(1).some((p: any, i: number) => p.x !== d.waypoint[i].x && p.y !== d.waypoint[i].y))
      .map((d: any) => d.bpmnElement.id);
    expect(diagonal).toEqual([]);
  });

  it.each(files)('%s: re-imports cleanly, with every shape and edge the layout made', async (file) => {
    const original = await parseBpmn(readFileSync(`${MIWG}/${file}`, 'utf8'));
    const { parsed, report } = await layoutFile(file);
    expect(parsed.warnings.length).toBeLessThanOrEqual(original.warnings.length);
    const count = (defs: any) => defs.diagrams.reduce((n: number, d: any) => n + d.plane.planeElement.length, 0);
    expect(count(parsed.definitions)).toBe(report.shapes + report.edges);
    expect(parsed.definitions.diagrams).toHaveLength(report.diagrams);
  });

  it('is deterministic: the same input gives the same XML', async () => {
    const outputs: string[] = [];
    for (let i = 0; i < 2; i++) outputs.push((await layoutFile('C.5.0.bpmn')).xml);
    expect(outputs[0]).toBe(outputs[1]);
  });

  it('marks expanded sub-processes, horizontal pools and lanes, and visible exclusive gateway markers', async () => {
    const { parsed } = await layoutFile('A.4.1.bpmn');
    const shapes: any[] = parsed.definitions.diagrams[0].plane.planeElement.filter((d: any) => is(d, 'bpmndi:BPMNShape'));
    const of = (type: string) => shapes.filter((s) => is(s.bpmnElement, type));
    expect(of('bpmn:SubProcess').every((s) => s.isExpanded === true)).toBe(true);
    expect(of('bpmn:Participant').every((s) => s.isHorizontal === true)).toBe(true);
    expect(of('bpmn:Lane').every((s) => s.isHorizontal === true)).toBe(true);
    const { parsed: gateways } = await layoutFile('A.2.0.bpmn');
    const xor = gateways.definitions.diagrams[0].plane.planeElement.filter((d: any) => is(d.bpmnElement, 'bpmn:ExclusiveGateway'));
    expect(xor.length).toBeGreaterThan(0);
    expect(xor.every((d: any) => d.isMarkerVisible === true)).toBe(true);
  });

  it('rejects a root that is not bpmn:Definitions with a LayoutError', async () => {
    await expect(layoutToXml({ definitions: {} as Definitions, moddle: null as unknown as Moddle })).rejects.toThrow(/bpmn:Definitions/);
  });
});
