import { describe, expect, it } from 'vitest';
import { measureLayout } from '../../../src/bpmn/layout/quality.ts';
import { parseBpmn } from '../../../src/bpmn/parse.ts';

// A split gateway G with branches to tasks A (above) and B (below), both joining into end event E; the DI of the
// flows (waypoints, optional label box) comes from each test.
const SHAPES: Record<string, [number, number, number, number]> = {
  G: [100, 175, 50, 50],
  A: [300, 60, 100, 80],
  B: [300, 260, 100, 80],
  E: [500, 182, 36, 36],
};

type Flow = { points: Array<[number, number]>; label?: [number, number, number, number] };

async function measure(flows: Record<'GA' | 'GB' | 'AE' | 'BE', Flow>, gatewayLabel?: [number, number, number, number]) {
  const bounds = ([x, y, width, height]: number[]) => `<dc:Bounds x="${x}" y="${y}" width="${width}" height="${height}" />`;
  const shapes = Object.entries(SHAPES).map(([id, b]) => {
    const label = id === 'G' && gatewayLabel ? `<bpmndi:BPMNLabel>${bounds(gatewayLabel)}</bpmndi:BPMNLabel>` : '';
    return `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}">${bounds(b)}${label}</bpmndi:BPMNShape>`;
  });
  const edges = Object.entries(flows).map(([id, f]) => {
    const points = f.points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('');
    const label = f.label ? `<bpmndi:BPMNLabel>${bounds(f.label)}</bpmndi:BPMNLabel>` : '';
    return `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">${points}${label}</bpmndi:BPMNEdge>`;
  });
  const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
      xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
      xmlns:di="http://www.omg.org/spec/DD/20100524/DI" targetNamespace="http://example.com/t">
    <bpmn:process id="P">
      <bpmn:exclusiveGateway id="G" name="Approved?" /><bpmn:task id="A" name="A" /><bpmn:task id="B" name="B" /><bpmn:endEvent id="E" />
      <bpmn:sequenceFlow id="GA" name="yes" sourceRef="G" targetRef="A" /><bpmn:sequenceFlow id="GB" name="no" sourceRef="G" targetRef="B" />
      <bpmn:sequenceFlow id="AE" sourceRef="A" targetRef="E" /><bpmn:sequenceFlow id="BE" sourceRef="B" targetRef="E" />
    </bpmn:process>
    <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="PL" bpmnElement="P">${shapes.join('')}${edges.join('')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
  </bpmn:definitions>`;
  return measureLayout((await parseBpmn(xml)).definitions);
}

// Branches as bpmn-js users draw them: out of the gateway's top and bottom, into the end event's top and bottom.
const apart: Record<'GA' | 'GB' | 'AE' | 'BE', Flow> = {
  GA: { points: [[125, 175], [125, 100], [300, 100]] },
  GB: { points: [[125, 225], [125, 300], [300, 300]] },
  AE: { points: [[400, 100], [518, 100], [518, 182]] },
  BE: { points: [[400, 300], [518, 300], [518, 218]] },
};

describe('measureLayout: shared segments', () => {
  it('counts no shared segment when branches leave and enter on separate sides', async () => {
    expect((await measure(apart)).sharedSegments).toBe(0);
  });

  it('counts the branches of one split that run along one stub and one track', async () => {
    const q = await measure({
      ...apart,
      GA: { points: [[150, 200], [200, 200], [200, 100], [300, 100]] },
      GB: { points: [[150, 200], [200, 200], [200, 300], [300, 300]] },
    });
    expect(q.sharedSegments).toBe(1);
  });

  it('counts flows entering one node along one run, and not flows that only meet at a point', async () => {
    const joined = await measure({
      ...apart,
      AE: { points: [[400, 100], [470, 100], [470, 200], [500, 200]] },
      BE: { points: [[400, 300], [470, 300], [470, 200], [500, 200]] },
    });
    expect(joined.sharedSegments).toBe(1);
    // Both end at (500, 200) from opposite directions: they touch, they do not run along each other.
    const touching = await measure({
      ...apart,
      AE: { points: [[400, 100], [470, 100], [470, 200], [500, 200]] },
      BE: { points: [[400, 300], [530, 300], [530, 200], [500, 200]] },
    });
    expect(touching.sharedSegments).toBe(0);
  });

  it('counts a flow entering a node and one leaving it through the same side along one run', async () => {
    const q = await measure({
      ...apart,
      GA: { points: [[125, 175], [125, 40], [350, 40], [350, 60]] },
      AE: { points: [[350, 60], [350, 30], [518, 30], [518, 182]] },
    });
    expect(q.sharedSegments).toBe(1);
  });

  it('does not count flows with neither source nor target in common', async () => {
    // GA and BE overlap on x = 200 between y 150 and 250, but they share no node.
    const q = await measure({
      ...apart,
      GA: { points: [[125, 175], [125, 150], [200, 150], [200, 100], [300, 100]] },
      BE: { points: [[400, 300], [450, 300], [450, 250], [200, 250], [200, 140], [470, 140], [470, 200], [500, 200]] },
    });
    expect(q.sharedSegments).toBe(0);
  });
});

describe('measureLayout: label collisions', () => {
  it('counts nothing for labels beside their own first segment', async () => {
    const q = await measure({ ...apart, GA: { ...apart.GA, label: [130, 130, 20, 14] }, GB: { ...apart.GB, label: [130, 250, 14, 14] } }, [60, 228, 40, 14]);
    expect(q.labelCollisions).toBe(0);
    expect(q.labelLineCollisions).toBe(0);
  });

  it('lets a label reach 2 px over its own line, but not be crossed by it', async () => {
    // GA's vertical run at x = 125 is 2 px inside the box's left edge: allowed.
    expect((await measure({ ...apart, GA: { ...apart.GA, label: [123, 120, 20, 14] } })).labelCollisions).toBe(0);
    // The same run through the middle of the box.
    const across = await measure({ ...apart, GA: { ...apart.GA, label: [115, 120, 20, 14] } });
    expect(across.labelLineCollisions).toBe(1);
    expect(across.labelCollisions).toBe(1);
    // Above the horizontal run at y = 100, its bottom 2 px over it: allowed; 3 px over: crossed.
    expect((await measure({ ...apart, GA: { ...apart.GA, label: [140, 88, 40, 14] } })).labelCollisions).toBe(0);
    expect((await measure({ ...apart, GA: { ...apart.GA, label: [140, 89, 40, 14] } })).labelCollisions).toBe(1);
  });

  it('counts a label crossed by another flow, a label on a shape and two labels that overlap', async () => {
    const onLine = await measure({ ...apart, GA: { ...apart.GA, label: [120, 280, 20, 14] } });
    expect(onLine.labelLineCollisions).toBe(1);
    const onShape = await measure(apart, [110, 200, 40, 14]);
    expect(onShape.labelOverlaps).toBe(1);
    expect(onShape.labelCollisions).toBe(1);
    const onLabel = await measure({ ...apart, GA: { ...apart.GA, label: [130, 130, 20, 14] }, GB: { ...apart.GB, label: [140, 135, 20, 14] } });
    expect(onLabel.labelLabelOverlaps).toBe(1);
    expect(onLabel.labelCollisions).toBe(2);
    // Edge to edge is not an overlap.
    const touching = await measure({ ...apart, GA: { ...apart.GA, label: [130, 130, 20, 14] }, GB: { ...apart.GB, label: [150, 130, 20, 14] } });
    expect(touching.labelCollisions).toBe(0);
  });
});

describe('measureLayout: flows outside their pool', () => {
  // Pool 0..400 × 0..200 with a lane from x 30; tasks A and B inside; the flow A → B drawn by each test.
  async function outside(points: Array<[number, number]>) {
    const shape = (id: string, [x, y, w, h]: number[]) => `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}" /></bpmndi:BPMNShape>`;
    const waypoints = points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('');
    const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
        xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
        xmlns:di="http://www.omg.org/spec/DD/20100524/DI" targetNamespace="http://example.com/t">
      <bpmn:collaboration id="C"><bpmn:participant id="Pa" processRef="P" /></bpmn:collaboration>
      <bpmn:process id="P"><bpmn:laneSet id="LS"><bpmn:lane id="L"><bpmn:flowNodeRef>A</bpmn:flowNodeRef><bpmn:flowNodeRef>B</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
        <bpmn:task id="A" /><bpmn:task id="B" /><bpmn:sequenceFlow id="F" sourceRef="B" targetRef="A" /></bpmn:process>
      <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="PL" bpmnElement="C">
        ${shape('Pa', [0, 0, 400, 200])}${shape('L', [30, 0, 370, 200])}${shape('A', [80, 60, 100, 80])}${shape('B', [250, 60, 100, 80])}
        <bpmndi:BPMNEdge id="F_di" bpmnElement="F">${waypoints}</bpmndi:BPMNEdge>
      </bpmndi:BPMNPlane></bpmndi:BPMNDiagram></bpmn:definitions>`;
    return measureLayout((await parseBpmn(xml)).definitions).flowsOutside;
  }

  it('counts no flow that loops back inside the pool', async () => {
    expect(await outside([[300, 140], [300, 180], [130, 180], [130, 140]])).toBe(0);
  });

  it('counts a loop back drawn below the pool and one through the lane header', async () => {
    expect(await outside([[300, 140], [300, 230], [130, 230], [130, 140]])).toBe(1);
    expect(await outside([[300, 140], [300, 180], [45, 180], [45, 100], [80, 100]])).toBe(1);
  });
});
