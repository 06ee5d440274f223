import { describe, expect, it } from 'vitest';
import { layoutToXml } from '../../../src/bpmn/layout/layout.ts';
import { measureLayout } from '../../../src/bpmn/layout/quality.ts';
import { parseBpmn } from '../../../src/bpmn/parse.ts';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://example.com/t"';

/** Lays `xml` out and reads the result back: `parsed` is the laid-out document. */
async function laidOut(xml: string) {
  const { xml: out, report } = await layoutToXml(await parseBpmn(xml));
  const parsed = await parseBpmn(out);
  const planeElements: any[] = parsed.definitions.diagrams?.[0]?.plane?.planeElement ?? [];
  const bounds = (id: string) => planeElements.find((d) => d.bpmnElement?.id === id)?.bounds;
  const waypoints = (id: string) => planeElements.find((d) => d.bpmnElement?.id === id)?.waypoint;
  return { parsed, report, bounds, waypoints };
}

const inside = (r: any, o: any) => r.x >= o.x && r.y >= o.y && r.x + r.width <= o.x + o.width && r.y + r.height <= o.y + o.height;

describe('layoutToXml', () => {
  it('nests child lanes inside their parent lane and keeps each node in its own leaf lane', async () => {
    const { bounds, parsed } = await laidOut(`<bpmn:definitions ${NS}>
      <bpmn:collaboration id="C"><bpmn:participant id="P" name="Company" processRef="Proc" /></bpmn:collaboration>
      <bpmn:process id="Proc">
        <bpmn:laneSet id="LS">
          <bpmn:lane id="Sales" name="Sales">
            <bpmn:childLaneSet id="LS2">
              <bpmn:lane id="Inside" name="Inside sales"><bpmn:flowNodeRef>S</bpmn:flowNodeRef><bpmn:flowNodeRef>T1</bpmn:flowNodeRef></bpmn:lane>
              <bpmn:lane id="Field" name="Field sales"><bpmn:flowNodeRef>T2</bpmn:flowNodeRef></bpmn:lane>
            </bpmn:childLaneSet>
          </bpmn:lane>
          <bpmn:lane id="Ops" name="Operations"><bpmn:flowNodeRef>T3</bpmn:flowNodeRef><bpmn:flowNodeRef>E</bpmn:flowNodeRef></bpmn:lane>
        </bpmn:laneSet>
        <bpmn:startEvent id="S" /><bpmn:task id="T1" name="Qualify" /><bpmn:task id="T2" name="Visit" />
        <bpmn:task id="T3" name="Ship" /><bpmn:endEvent id="E" />
        <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T1" /><bpmn:sequenceFlow id="F2" sourceRef="T1" targetRef="T2" />
        <bpmn:sequenceFlow id="F3" sourceRef="T2" targetRef="T3" /><bpmn:sequenceFlow id="F4" sourceRef="T3" targetRef="E" />
      </bpmn:process></bpmn:definitions>`);
    for (const [node, lane] of [['S', 'Inside'], ['T1', 'Inside'], ['T2', 'Field'], ['T3', 'Ops'], ['E', 'Ops']] as const) {
      expect(inside(bounds(node), bounds(lane)), `${node} in ${lane}`).toBe(true);
      expect(inside(bounds(node), bounds('P'))).toBe(true);
    }
    expect(inside(bounds('Inside'), bounds('Sales'))).toBe(true);
    expect(inside(bounds('Field'), bounds('Sales'))).toBe(true);
    expect(bounds('Inside').x).toBeGreaterThan(bounds('Sales').x);
    expect(bounds('Ops').y).toBeGreaterThanOrEqual(bounds('Field').y + bounds('Field').height);
    expect(bounds('Sales').x + bounds('Sales').width).toBe(bounds('P').x + bounds('P').width);
    expect(measureLayout(parsed.definitions).nodeOverlaps).toBe(0);
  });

  it('stacks pools, draws a black-box pool 60 px high and routes message flows vertically between them', async () => {
    const { bounds, waypoints } = await laidOut(`<bpmn:definitions ${NS}>
      <bpmn:collaboration id="C">
        <bpmn:participant id="Shop" name="Shop" processRef="P1" />
        <bpmn:participant id="Customer" name="Customer" />
        <bpmn:messageFlow id="M1" sourceRef="Customer" targetRef="Start" />
        <bpmn:messageFlow id="M2" sourceRef="Send" targetRef="Customer" />
      </bpmn:collaboration>
      <bpmn:process id="P1">
        <bpmn:startEvent id="Start"><bpmn:messageEventDefinition /></bpmn:startEvent>
        <bpmn:sendTask id="Send" name="Send invoice" /><bpmn:endEvent id="End" />
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Send" /><bpmn:sequenceFlow id="F2" sourceRef="Send" targetRef="End" />
      </bpmn:process></bpmn:definitions>`);
    const shop = bounds('Shop');
    const customer = bounds('Customer');
    expect(customer.height).toBe(60);
    expect(customer.y).toBeGreaterThan(shop.y + shop.height);
    expect(customer.width).toBe(shop.width);
    const m1 = waypoints('M1');
    expect(m1[0].y).toBe(customer.y);
    expect(m1.at(-1).y).toBe(bounds('Start').y + bounds('Start').height);
    const m2 = waypoints('M2');
    expect(m2[0].y).toBe(bounds('Send').y + bounds('Send').height);
    expect(m2.at(-1).y).toBe(customer.y);
  });

  it('draws a message flow between shapes that share an x as one straight line', async () => {
    const { waypoints, bounds } = await laidOut(`<bpmn:definitions ${NS}>
      <bpmn:collaboration id="C">
        <bpmn:participant id="PA" name="A" processRef="A" /><bpmn:participant id="PB" name="B" processRef="B" />
        <bpmn:messageFlow id="M" sourceRef="TA" targetRef="TB" />
      </bpmn:collaboration>
      <bpmn:process id="A"><bpmn:startEvent id="SA" /><bpmn:task id="TA" name="Ask" /><bpmn:sequenceFlow id="FA" sourceRef="SA" targetRef="TA" /></bpmn:process>
      <bpmn:process id="B"><bpmn:startEvent id="SB" /><bpmn:task id="TB" name="Answer" /><bpmn:sequenceFlow id="FB" sourceRef="SB" targetRef="TB" /></bpmn:process>
    </bpmn:definitions>`);
    const m = waypoints('M');
    expect(m).toHaveLength(2);
    expect(m[0].x).toBe(m[1].x);
    expect(m[0].y).toBe(bounds('TA').y + bounds('TA').height);
    expect(m[1].y).toBe(bounds('TB').y);
  });

  it('routes message flows around shapes in the pools they pass, without crossing each other', async () => {
    const pool = (p: string) =>
      `<bpmn:process id="${p}"><bpmn:startEvent id="S${p}" /><bpmn:task id="T${p}" name="Work ${p}" /><bpmn:endEvent id="E${p}" />` +
      `<bpmn:sequenceFlow id="F${p}1" sourceRef="S${p}" targetRef="T${p}" /><bpmn:sequenceFlow id="F${p}2" sourceRef="T${p}" targetRef="E${p}" /></bpmn:process>`;
    const { parsed, waypoints, bounds } = await laidOut(`<bpmn:definitions ${NS}>
      <bpmn:collaboration id="Col">
        <bpmn:participant id="PA" name="A" processRef="A" /><bpmn:participant id="PB" name="B" processRef="B" />
        <bpmn:participant id="PC" name="C" processRef="C" />
        <bpmn:messageFlow id="AB" sourceRef="TA" targetRef="TB" /><bpmn:messageFlow id="BC" sourceRef="TB" targetRef="TC" />
        <bpmn:messageFlow id="AC" sourceRef="TA" targetRef="TC" />
      </bpmn:collaboration>
      ${pool('A')}${pool('B')}${pool('C')}
    </bpmn:definitions>`);
    // The three tasks sit in one column, so the flow from A to C cannot go straight through B's task.
    expect(bounds('TA').x).toBe(bounds('TB').x);
    expect(bounds('TB').x).toBe(bounds('TC').x);
    const quality = measureLayout(parsed.definitions);
    expect(quality.edgesThroughNodes).toBe(0);
    expect(quality.edgeCrossings).toBe(0);
    const ac = waypoints('AC');
    expect(ac[0].y).toBe(bounds('TA').y + bounds('TA').height);
    expect(ac.at(-1).y).toBe(bounds('TC').y);
    expect(new Set([waypoints('AB')[0].x, ac[0].x]).size).toBe(2);
  });

  it('orders pools so message flows span as few pools as possible', async () => {
    const { bounds } = await laidOut(`<bpmn:definitions ${NS}>
      <bpmn:collaboration id="C">
        <bpmn:participant id="A" name="A" /><bpmn:participant id="B" name="B" /><bpmn:participant id="Hub" name="Hub" />
        <bpmn:messageFlow id="M1" sourceRef="A" targetRef="Hub" /><bpmn:messageFlow id="M2" sourceRef="Hub" targetRef="B" />
      </bpmn:collaboration></bpmn:definitions>`);
    const ys = ['A', 'Hub', 'B'].map((id) => bounds(id).y);
    expect(ys[0]).toBeLessThan(ys[1]);
    expect(ys[1]).toBeLessThan(ys[2]);
  });

  it('sizes an expanded sub-process around its content and puts boundary events on its bottom border', async () => {
    const { bounds, parsed } = await laidOut(`<bpmn:definitions ${NS}><bpmn:process id="P">
      <bpmn:startEvent id="S" />
      <bpmn:subProcess id="Sub" name="Handle order">
        <bpmn:startEvent id="S2" /><bpmn:task id="A" name="Pick" /><bpmn:task id="B" name="Pack" /><bpmn:endEvent id="E2" />
        <bpmn:sequenceFlow id="f1" sourceRef="S2" targetRef="A" /><bpmn:sequenceFlow id="f2" sourceRef="A" targetRef="B" />
        <bpmn:sequenceFlow id="f3" sourceRef="B" targetRef="E2" />
      </bpmn:subProcess>
      <bpmn:boundaryEvent id="Timer" attachedToRef="Sub"><bpmn:timerEventDefinition /></bpmn:boundaryEvent>
      <bpmn:endEvent id="E" /><bpmn:endEvent id="Late" name="Too late" />
      <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Sub" /><bpmn:sequenceFlow id="F2" sourceRef="Sub" targetRef="E" />
      <bpmn:sequenceFlow id="F3" sourceRef="Timer" targetRef="Late" />
    </bpmn:process></bpmn:definitions>`);
    const sub = bounds('Sub');
    for (const id of ['S2', 'A', 'B', 'E2']) expect(inside(bounds(id), sub), id).toBe(true);
    const timer = bounds('Timer');
    expect(timer.y + timer.height / 2).toBe(sub.y + sub.height);
    expect(timer.x).toBeGreaterThan(sub.x);
    expect(timer.x + timer.width).toBeLessThan(sub.x + sub.width);
    const di = parsed.definitions.diagrams[0].plane.planeElement.find((d: any) => d.bpmnElement.id === 'Sub');
    expect(di.isExpanded).toBe(true);
    expect(measureLayout(parsed.definitions).nodeOverlaps).toBe(0);
  });

  it('leaves a split through its top, right and bottom and enters the join the same way, labels on their own branch', async () => {
    const { parsed, bounds, waypoints } = await laidOut(`<bpmn:definitions ${NS}><bpmn:process id="P">
      <bpmn:startEvent id="S" /><bpmn:exclusiveGateway id="G" name="Amount?" /><bpmn:exclusiveGateway id="J" /><bpmn:endEvent id="E" />
      <bpmn:task id="A" name="Small" /><bpmn:task id="B" name="Medium" /><bpmn:task id="C" name="Large" />
      <bpmn:sequenceFlow id="F0" sourceRef="S" targetRef="G" />
      <bpmn:sequenceFlow id="GA" name="below 100" sourceRef="G" targetRef="A" /><bpmn:sequenceFlow id="GB" name="up to 1000" sourceRef="G" targetRef="B" />
      <bpmn:sequenceFlow id="GC" name="above 1000" sourceRef="G" targetRef="C" />
      <bpmn:sequenceFlow id="AJ" sourceRef="A" targetRef="J" /><bpmn:sequenceFlow id="BJ" sourceRef="B" targetRef="J" />
      <bpmn:sequenceFlow id="CJ" sourceRef="C" targetRef="J" /><bpmn:sequenceFlow id="F9" sourceRef="J" targetRef="E" />
    </bpmn:process></bpmn:definitions>`);
    const g = bounds('G');
    const j = bounds('J');
    const sides = (box: any, p: any) => (p.y === box.y ? 'top' : p.y === box.y + box.height ? 'bottom' : p.x === box.x ? 'left' : 'right');
    const out = ['GA', 'GB', 'GC'].map((id) => sides(g, waypoints(id)[0]));
    const into = ['AJ', 'BJ', 'CJ'].map((id) => sides(j, waypoints(id).at(-1)));
    expect(new Set(out)).toEqual(new Set(['top', 'right', 'bottom']));
    expect(new Set(into)).toEqual(new Set(['top', 'left', 'bottom']));
    const quality = measureLayout(parsed.definitions);
    expect(quality.sharedSegments).toBe(0);
    expect(quality.labelCollisions).toBe(0);
    expect(quality.edgeCrossings).toBe(0);
    // Each condition label lies beside the first two segments of its own branch, nearer to it than to the others.
    const planeElements: any[] = parsed.definitions.diagrams[0].plane.planeElement;
    const label = (id: string) => planeElements.find((d) => d.bpmnElement?.id === id).label.bounds;
    const distance = (box: any, points: any[]) =>
      Math.min(
        ...points.slice(1, 3).map((p, k) => {
          const a = points[k];
          const dx = Math.max(Math.min(a.x, p.x) - (box.x + box.width), 0, box.x - Math.max(a.x, p.x));
          const dy = Math.max(Math.min(a.y, p.y) - (box.y + box.height), 0, box.y - Math.max(a.y, p.y));
          return Math.hypot(dx, dy);
        }),
      );
    for (const id of ['GA', 'GB', 'GC']) {
      const own = distance(label(id), waypoints(id));
      expect(own, id).toBeLessThanOrEqual(10);
      for (const other of ['GA', 'GB', 'GC'].filter((o) => o !== id)) expect(distance(label(id), waypoints(other)), `${id} vs ${other}`).toBeGreaterThan(own);
    }
  });

  it('keeps boundary paths and loops back inside the pool, growing the bottom lane for them', async () => {
    // Three timers whose paths go right and back left across two lanes (the path from Pack's timer once ran below
    // the pool's border).
    const lane = (id: string, nodes: string[]) => `<bpmn:lane id="${id}" name="${id}">${nodes.map((n) => `<bpmn:flowNodeRef>${n}</bpmn:flowNodeRef>`).join('')}</bpmn:lane>`;
    const timer = (id: string, host: string) => `<bpmn:boundaryEvent id="${id}" name="2 days" attachedToRef="${host}"><bpmn:timerEventDefinition /></bpmn:boundaryEvent>`;
    const flows = [['S', 'Order'], ['S', 'Quote'], ['Order', 'Pick'], ['Pick', 'Ok'], ['Pick', 'Pack'], ['Pack', 'Paid'], ['Pack', 'Ship'],
      ['PickTimer', 'Order'], ['Ok', 'Quote'], ['PackTimer', 'Ok'], ['Paid', 'Quote'], ['ShipTimer', 'Ok'], ['Ship', 'E']];
    const { parsed } = await laidOut(`<bpmn:definitions ${NS}>
      <bpmn:collaboration id="C"><bpmn:participant id="P" name="Shop" processRef="Proc" /></bpmn:collaboration>
      <bpmn:process id="Proc">
        <bpmn:laneSet id="LS">${lane('Office', ['S', 'Quote', 'Paid', 'Ship', 'E'])}${lane('Store', ['Order', 'Pick', 'Ok', 'Pack'])}</bpmn:laneSet>
        <bpmn:startEvent id="S" name="Start" /><bpmn:task id="Order" name="Order" /><bpmn:task id="Quote" name="Quote" />
        <bpmn:task id="Pick" name="Pick" /><bpmn:exclusiveGateway id="Ok" name="Complete?" /><bpmn:task id="Pack" name="Pack" />
        <bpmn:exclusiveGateway id="Paid" name="Paid?" /><bpmn:task id="Ship" name="Ship" /><bpmn:endEvent id="E" name="End" />
        ${timer('PickTimer', 'Pick')}${timer('PackTimer', 'Pack')}${timer('ShipTimer', 'Ship')}
        ${flows.map(([from, to], i) => `<bpmn:sequenceFlow id="F${i}" sourceRef="${from}" targetRef="${to}" />`).join('')}
      </bpmn:process></bpmn:definitions>`);
    const q = measureLayout(parsed.definitions);
    expect(q.flowsOutside).toBe(0);
    expect(q.outsideLane + q.nodeOverlaps + q.edgesThroughNodes).toBe(0);
  });

  it('puts the condition of a branch re-routed into another lane beside its run right after the turn', async () => {
    const lane = (id: string, nodes: string[]) => `<bpmn:lane id="${id}" name="${id}">${nodes.map((n) => `<bpmn:flowNodeRef>${n}</bpmn:flowNodeRef>`).join('')}</bpmn:lane>`;
    const { parsed, waypoints } = await laidOut(`<bpmn:definitions ${NS}>
      <bpmn:collaboration id="C"><bpmn:participant id="P" name="Company" processRef="Proc" /></bpmn:collaboration>
      <bpmn:process id="Proc">
        <bpmn:laneSet id="LS">${lane('Sales', ['Rush'])}${lane('Clerk', ['S', 'Check', 'G', 'Ship'])}${lane('Manager', ['Approve'])}</bpmn:laneSet>
        <bpmn:startEvent id="S" /><bpmn:task id="Check" name="Check order" /><bpmn:exclusiveGateway id="G" name="Order type?" />
        <bpmn:task id="Rush" name="Expedite order" /><bpmn:task id="Ship" name="Ship order" /><bpmn:task id="Approve" name="Approve order" />
        <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Check" /><bpmn:sequenceFlow id="F2" sourceRef="Check" targetRef="G" />
        <bpmn:sequenceFlow id="Up" name="urgent" sourceRef="G" targetRef="Rush" />
        <bpmn:sequenceFlow id="Level" name="standard" sourceRef="G" targetRef="Ship" />
        <bpmn:sequenceFlow id="Down" name="over 10,000 EUR" sourceRef="G" targetRef="Approve" />
      </bpmn:process></bpmn:definitions>`);
    const planeElements: any[] = parsed.definitions.diagrams[0].plane.planeElement;
    const label = (id: string) => planeElements.find((d) => d.bpmnElement?.id === id).label.bounds;
    for (const [id, up] of [['Up', true], ['Down', false]] as const) {
      const [port, turn] = waypoints(id);
      expect(port.x, id).toBe(turn.x);
      const box = label(id);
      expect(box.x - turn.x, `${id} starts at the turn`).toBe(5);
      expect(up ? turn.y - (box.y + box.height) : box.y - turn.y, `${id} against its run`).toBe(3);
    }
    expect(measureLayout(parsed.definitions).labelCollisions).toBe(0);
  });

  it('brings a loop back into a fork across lanes without sharing a side or crossing the flow that leaves the loop', async () => {
    // As in doc-1.1: the fork is entered from the lane above and by the loop, and leaves into its own lane and the one
    // below; the loop's gateway also leaves for the join.
    const lane = (id: string, nodes: string[]) => `<bpmn:lane id="${id}" name="${id}">${nodes.map((n) => `<bpmn:flowNodeRef>${n}</bpmn:flowNodeRef>`).join('')}</bpmn:lane>`;
    const flows = [['S', 'Inform'], ['Inform', 'Fork'], ['Fork', 'Check'], ['Fork', 'Prepare'], ['Check', 'Again'], ['Again', 'Fork'], ['Again', 'Join'], ['Prepare', 'Join'], ['Join', 'E']];
    const { parsed } = await laidOut(`<bpmn:definitions ${NS}>
      <bpmn:collaboration id="C"><bpmn:participant id="P" name="Company" processRef="Proc" /></bpmn:collaboration>
      <bpmn:process id="Proc">
        <bpmn:laneSet id="LS">${lane('Sales', ['S', 'Inform'])}${lane('Store', ['Fork', 'Check', 'Again', 'Join', 'E'])}${lane('Engineering', ['Prepare'])}</bpmn:laneSet>
        <bpmn:startEvent id="S" /><bpmn:task id="Inform" name="Inform storehouse" /><bpmn:parallelGateway id="Fork" />
        <bpmn:task id="Check" name="Check part" /><bpmn:exclusiveGateway id="Again" name="More parts?" /><bpmn:parallelGateway id="Join" />
        <bpmn:task id="Prepare" name="Prepare assembly" /><bpmn:endEvent id="E" />
        ${flows.map(([from, to], i) => `<bpmn:sequenceFlow id="F${i}" sourceRef="${from}" targetRef="${to}" />`).join('')}
      </bpmn:process></bpmn:definitions>`);
    const q = measureLayout(parsed.definitions);
    expect(q.sharedSegments).toBe(0);
    // The loop must pass the flow down to Prepare once; before, it also crossed the flow from its gateway to the join.
    expect(q.edgeCrossings).toBe(1);
  });

  it('routes the flows out of two boundary events of one task without crossing them', async () => {
    const { parsed } = await laidOut(`<bpmn:definitions ${NS}><bpmn:process id="P">
      <bpmn:startEvent id="S" /><bpmn:task id="T" name="Work" /><bpmn:endEvent id="E" />
      <bpmn:boundaryEvent id="B1" attachedToRef="T"><bpmn:messageEventDefinition /></bpmn:boundaryEvent>
      <bpmn:boundaryEvent id="B2" attachedToRef="T"><bpmn:timerEventDefinition /></bpmn:boundaryEvent>
      <bpmn:task id="X1" name="On message" /><bpmn:task id="X2" name="On timeout" /><bpmn:endEvent id="E1" /><bpmn:endEvent id="E2" />
      <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" />
      <bpmn:sequenceFlow id="F3" sourceRef="B1" targetRef="X1" /><bpmn:sequenceFlow id="F4" sourceRef="B2" targetRef="X2" />
      <bpmn:sequenceFlow id="F5" sourceRef="X1" targetRef="E1" /><bpmn:sequenceFlow id="F6" sourceRef="X2" targetRef="E2" />
    </bpmn:process></bpmn:definitions>`);
    expect(measureLayout(parsed.definitions).edgeCrossings).toBe(0);
  });

  it('orders the vertical runs between two layers so that they cut the fewest horizontal ones', async () => {
    // Two flows into each of Reject and Deliver, one from a gateway two layers back: one crossing cannot be avoided.
    const { parsed } = await laidOut(`<bpmn:definitions ${NS}><bpmn:process id="P">
      <bpmn:startEvent id="S" /><bpmn:exclusiveGateway id="Risk" /><bpmn:task id="Manual" name="Manual check" />
      <bpmn:exclusiveGateway id="Decision" /><bpmn:task id="Reject" name="Reject" /><bpmn:task id="Deliver" name="Deliver" />
      <bpmn:boundaryEvent id="B" attachedToRef="Manual"><bpmn:escalationEventDefinition /></bpmn:boundaryEvent>
      <bpmn:task id="Fraud" name="Report fraud" /><bpmn:endEvent id="E1" /><bpmn:endEvent id="E2" /><bpmn:endEvent id="E3" />
      <bpmn:sequenceFlow id="F0" sourceRef="S" targetRef="Risk" /><bpmn:sequenceFlow id="Red" sourceRef="Risk" targetRef="Reject" />
      <bpmn:sequenceFlow id="Green" sourceRef="Risk" targetRef="Deliver" /><bpmn:sequenceFlow id="Yellow" sourceRef="Risk" targetRef="Manual" />
      <bpmn:sequenceFlow id="F1" sourceRef="Manual" targetRef="Decision" /><bpmn:sequenceFlow id="Declined" sourceRef="Decision" targetRef="Reject" />
      <bpmn:sequenceFlow id="Accepted" sourceRef="Decision" targetRef="Deliver" /><bpmn:sequenceFlow id="F4" sourceRef="B" targetRef="Fraud" />
      <bpmn:sequenceFlow id="F5" sourceRef="Fraud" targetRef="E3" /><bpmn:sequenceFlow id="F2" sourceRef="Reject" targetRef="E1" />
      <bpmn:sequenceFlow id="F3" sourceRef="Deliver" targetRef="E2" />
    </bpmn:process></bpmn:definitions>`);
    expect(measureLayout(parsed.definitions).edgeCrossings).toBeLessThanOrEqual(1);
  });

  it('brings an association into a task beside the data object above it, not along a flow or through a shape', async () => {
    const { parsed, bounds, waypoints } = await laidOut(`<bpmn:definitions ${NS}><bpmn:process id="P">
      <bpmn:startEvent id="S" /><bpmn:task id="W" name="Write"><bpmn:dataOutputAssociation id="A1"><bpmn:targetRef>DS</bpmn:targetRef></bpmn:dataOutputAssociation></bpmn:task>
      <bpmn:task id="M" name="Middle" />
      <bpmn:task id="X" name="Read"><bpmn:property id="X_in" name="in" />
        <bpmn:dataInputAssociation id="A2"><bpmn:sourceRef>DS</bpmn:sourceRef><bpmn:targetRef>X_in</bpmn:targetRef></bpmn:dataInputAssociation>
        <bpmn:dataOutputAssociation id="A3"><bpmn:targetRef>D2</bpmn:targetRef></bpmn:dataOutputAssociation></bpmn:task>
      <bpmn:endEvent id="E" /><bpmn:dataStoreReference id="DS" name="Store" /><bpmn:dataObjectReference id="D2" name="Result" dataObjectRef="DO" />
      <bpmn:dataObject id="DO" />
      <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="W" /><bpmn:sequenceFlow id="F2" sourceRef="W" targetRef="M" />
      <bpmn:sequenceFlow id="F3" sourceRef="M" targetRef="X" /><bpmn:sequenceFlow id="F4" sourceRef="X" targetRef="E" />
    </bpmn:process></bpmn:definitions>`);
    const quality = measureLayout(parsed.definitions);
    expect(quality.edgesThroughNodes).toBe(0);
    expect(quality.edgeCrossings).toBe(0);
    const a2 = waypoints('A2');
    const x = bounds('X');
    expect(a2.at(-1).y).toBe(x.y);
    const flowY = waypoints('F3')[0].y;
    expect(a2.slice(1).some((p: any, i: number) => p.y === flowY && a2[i].y === flowY)).toBe(false);
  });

  it('places a data object and an annotation above the task they belong to', async () => {
    const { bounds } = await laidOut(`<bpmn:definitions ${NS}><bpmn:process id="P">
      <bpmn:startEvent id="S" /><bpmn:task id="T" name="Write report"><bpmn:dataOutputAssociation id="DA"><bpmn:targetRef>D</bpmn:targetRef></bpmn:dataOutputAssociation></bpmn:task>
      <bpmn:endEvent id="E" /><bpmn:dataObjectReference id="D" name="Report" dataObjectRef="DO" /><bpmn:dataObject id="DO" />
      <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" />
      <bpmn:textAnnotation id="N"><bpmn:text>Weekly</bpmn:text></bpmn:textAnnotation>
      <bpmn:association id="AS" sourceRef="T" targetRef="N" />
    </bpmn:process></bpmn:definitions>`);
    const task = bounds('T');
    for (const id of ['D', 'N']) {
      const r = bounds(id);
      expect(r.y + r.height, id).toBeLessThan(task.y);
      expect(Math.abs(r.x + r.width / 2 - (task.x + task.width / 2)), id).toBeLessThan(150);
    }
  });

  it('lays out an empty process and a flow with a missing end without failing', async () => {
    const empty = await laidOut(`<bpmn:definitions ${NS}><bpmn:process id="P" /></bpmn:definitions>`);
    expect(empty.parsed.definitions.diagrams).toHaveLength(1);
    const dangling = await laidOut(`<bpmn:definitions ${NS}><bpmn:process id="P">
      <bpmn:task id="T" /><bpmn:sequenceFlow id="F" sourceRef="T" targetRef="Nowhere" /></bpmn:process></bpmn:definitions>`);
    expect(dangling.bounds('T')).toBeDefined();
  });

  it('refuses a document with more elements than the limit with a LayoutError, before laying anything out', async () => {
    const tasks = Array.from({ length: 30 }, (_, i) => `<bpmn:task id="T${i}" />`).join('');
    const parsed = await parseBpmn(`<bpmn:definitions ${NS}><bpmn:process id="P">${tasks}</bpmn:process></bpmn:definitions>`);
    await expect(layoutToXml(parsed, { maxElements: 20 })).rejects.toThrow(/Too many elements to lay out: 30 \(the limit is 20\)/);
    expect(parsed.definitions.diagrams ?? []).toEqual([]);
    await expect(layoutToXml(parsed, { maxElements: 30 })).resolves.toMatchObject({ report: { shapes: 30 } });
  });

  it('gives a document with no process or collaboration no diagram', async () => {
    const { parsed, report } = await laidOut(`<bpmn:definitions ${NS}><bpmn:message id="M" /></bpmn:definitions>`);
    expect(report.shapes).toBe(0);
    expect(parsed.definitions.diagrams ?? []).toEqual([]);
  });
});
