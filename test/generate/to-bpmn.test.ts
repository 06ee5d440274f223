import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/bpmn/parse.ts';
import { measureLayout } from '../../src/bpmn/layout/quality.ts';
import { validateDefinitions } from '../../src/bpmn/validate.ts';
import { repairModel, validateModel, type ModelNode, type ProcessModel } from '../../src/generate/model.ts';
import { modelToBpmn } from '../../src/generate/to-bpmn.ts';

const s = (id: string, extra: Partial<ModelNode> = {}): ModelNode => ({ id, kind: 'start', label: '', ...extra });
const t = (id: string, label: string, extra: Partial<ModelNode> = {}): ModelNode => ({ id, kind: 'task', label, ...extra });
const e = (id: string, label = '', extra: Partial<ModelNode> = {}): ModelNode => ({ id, kind: 'end', label, ...extra });
const chain = (...ids: string[]) => ids.slice(1).map((to, i) => ({ from: ids[i]!, to }));

/** Model → repaired (must need no repair) → BPMN XML → our parser; returns the process's elements by model id. */
async function roundTrip(partial: Partial<ProcessModel>) {
  const input: ProcessModel = { name: 'Test', actors: [], nodes: [], flows: [], ...partial };
  expect(validateModel(input)).toEqual([]);
  const { model, warnings } = repairModel(input);
  expect(warnings).toEqual([]);
  const parsed = await parseBpmn(await modelToBpmn(model));
  expect(parsed.warnings).toEqual([]);
  const processes = parsed.definitions.rootElements.filter((r: any) => r.$type === 'bpmn:Process');
  const byModelId = (id: string) => processes.flatMap((p: any) => p.flowElements).find((el: any) => el.id === `P1_${id}` || el.id.endsWith(`_${id}`));
  return { parsed, el: byModelId, quality: measureLayout(parsed.definitions), issues: validateDefinitions(parsed.definitions) };
}

describe('modelToBpmn: events', () => {
  it('writes a timer start with an ISO 8601 cycle and keeps the words as its label', async () => {
    const { el } = await roundTrip({
      nodes: [s('s', { label: 'Every Monday', eventType: 'timer', timer: { kind: 'cycle', value: 'R/2026-01-05T09:00/P1W' } }), t('a', 'Send weekly report'), e('e')],
      flows: chain('s', 'a', 'e'),
    });
    const start = el('s');
    expect(start.$type).toBe('bpmn:StartEvent');
    expect(start.name).toBe('Every Monday');
    expect(start.eventDefinitions).toHaveLength(1);
    expect(start.eventDefinitions[0].$type).toBe('bpmn:TimerEventDefinition');
    expect(start.eventDefinitions[0].timeCycle.body).toBe('R/2026-01-05T09:00/P1W');
    expect(start.eventDefinitions[0].timeDuration).toBeUndefined();
  });

  it('writes a message start event', async () => {
    const { el } = await roundTrip({
      nodes: [s('s', { label: 'Order received', eventType: 'message' }), t('a', 'Check order'), e('e')],
      flows: chain('s', 'a', 'e'),
    });
    expect(el('s').$type).toBe('bpmn:StartEvent');
    expect(el('s').eventDefinitions[0].$type).toBe('bpmn:MessageEventDefinition');
  });

  it('writes waits as intermediate catch events: a timer with its duration, a message without', async () => {
    const { el } = await roundTrip({
      nodes: [
        s('s'),
        t('a', 'Send offer'),
        { id: 'w', kind: 'intermediate', label: '2 days', eventType: 'timer', timer: { kind: 'duration', value: 'P2D' } },
        { id: 'm', kind: 'intermediate', label: 'Answer received', eventType: 'message' },
        { id: 'd', kind: 'intermediate', label: 'Until the first of March', eventType: 'timer', timer: { kind: 'date', value: '2027-03-01T09:00' } },
        { id: 'x', kind: 'intermediate', label: 'Reminder due', eventType: 'timer' },
        t('b', 'File answer'),
        e('e'),
      ],
      flows: chain('s', 'a', 'w', 'm', 'd', 'x', 'b', 'e'),
    });
    expect(el('w').$type).toBe('bpmn:IntermediateCatchEvent');
    expect(el('w').name).toBe('2 days');
    expect(el('w').eventDefinitions[0].timeDuration.body).toBe('P2D');
    expect(el('m').$type).toBe('bpmn:IntermediateCatchEvent');
    expect(el('m').eventDefinitions[0].$type).toBe('bpmn:MessageEventDefinition');
    expect(el('d').eventDefinitions[0].timeDate.body).toBe('2027-03-01T09:00');
    // A timer whose value the text does not give is still a timer, without an expression.
    expect(el('x').eventDefinitions[0].$type).toBe('bpmn:TimerEventDefinition');
    expect(el('x').eventDefinitions[0].timeDuration).toBeUndefined();
  });

  it('writes named, terminate, message and error end events', async () => {
    const { el, issues } = await roundTrip({
      nodes: [
        s('s'),
        t('a', 'Review claim'),
        { id: 'g', kind: 'exclusive', label: 'Outcome?' },
        e('ok', 'Claim paid', { eventType: 'message' }),
        e('no', 'Claim rejected', { eventType: 'terminate' }),
        e('err', 'Fraud found', { eventType: 'error' }),
      ],
      flows: [...chain('s', 'a', 'g'), { from: 'g', to: 'ok', label: 'approved' }, { from: 'g', to: 'no', label: 'rejected' }, { from: 'g', to: 'err', label: 'fraud' }],
    });
    expect(el('ok').name).toBe('Claim paid');
    expect(el('ok').eventDefinitions[0].$type).toBe('bpmn:MessageEventDefinition');
    expect(el('no').eventDefinitions[0].$type).toBe('bpmn:TerminateEventDefinition');
    expect(el('err').eventDefinitions[0].$type).toBe('bpmn:ErrorEventDefinition');
    expect(issues.errors).toEqual([]);
  });
});

describe('modelToBpmn: boundary events', () => {
  const deadline = (interrupting?: boolean): Partial<ProcessModel> => ({
    actors: [{ id: 'clerk', name: 'Clerk' }, { id: 'boss', name: 'Manager' }],
    nodes: [
      s('s', { actor: 'clerk' }),
      t('a', 'Request approval', { actor: 'clerk' }),
      t('b', 'Approve request', { actor: 'boss' }),
      {
        id: 'late',
        kind: 'boundary',
        label: '1 week',
        attachedTo: 'b',
        eventType: 'timer',
        timer: { kind: 'duration', value: 'P1W' },
        ...(interrupting === undefined ? {} : { interrupting }),
      },
      t('c', 'Escalate request', { actor: 'clerk' }),
      t('d', 'Order goods', { actor: 'clerk' }),
      e('e', 'Goods ordered'),
      e('x', 'Request escalated'),
    ],
    flows: [...chain('s', 'a', 'b', 'd', 'e'), ...chain('late', 'c', 'x')],
  });

  it('attaches an interrupting timer to its task, with its own path, in the task\'s lane, laid out without overlaps', async () => {
    const { el, quality, parsed, issues } = await roundTrip(deadline());
    const boundary = el('late');
    expect(boundary.$type).toBe('bpmn:BoundaryEvent');
    expect(boundary.attachedToRef).toBe(el('b'));
    expect(boundary.cancelActivity).not.toBe(false);
    expect(boundary.eventDefinitions[0].timeDuration.body).toBe('P1W');
    expect(boundary.incoming ?? []).toEqual([]);
    expect(boundary.outgoing.map((f: any) => f.targetRef)).toEqual([el('c')]);
    const lanes = parsed.definitions.rootElements.find((r: any) => r.$type === 'bpmn:Process').laneSets[0].lanes;
    expect(lanes.find((l: any) => l.name === 'Manager').flowNodeRef).toContain(boundary);
    expect(issues.errors).toEqual([]);
    expect(quality).toMatchObject({ nodeOverlaps: 0, edgesThroughNodes: 0, outsideLane: 0, labelOverlaps: 0, labelLabelOverlaps: 0, missingDi: 0 });
    // The event is drawn on its host's bottom border.
    const di = parsed.definitions.diagrams[0].plane.planeElement;
    const box = (x: any) => di.find((d: any) => d.bpmnElement === x).bounds;
    const [host, ev] = [box(el('b')), box(boundary)];
    expect(ev.y + ev.height / 2).toBe(host.y + host.height);
    expect(ev.x).toBeGreaterThanOrEqual(host.x - ev.width / 2);
    expect(ev.x + ev.width).toBeLessThanOrEqual(host.x + host.width + ev.width / 2);
  });

  it('marks a non-interrupting boundary event', async () => {
    const { el } = await roundTrip(deadline(false));
    expect(el('late').cancelActivity).toBe(false);
  });

  it('writes message and error boundary events on a collapsed sub-process', async () => {
    const { el, quality, parsed } = await roundTrip({
      nodes: [
        s('s'),
        { id: 'sub', kind: 'subprocess', label: 'Ship order' },
        { id: 'cancel', kind: 'boundary', label: 'Cancellation received', attachedTo: 'sub', eventType: 'message' },
        { id: 'fail', kind: 'boundary', label: 'Carrier failed', attachedTo: 'sub', eventType: 'error' },
        t('r', 'Refund customer'),
        t('c', 'Call customer'),
        e('e'),
        e('x', 'Order cancelled'),
        e('y', 'Customer called'),
      ],
      flows: [...chain('s', 'sub', 'e'), ...chain('cancel', 'r', 'x'), ...chain('fail', 'c', 'y')],
    });
    expect(el('sub').$type).toBe('bpmn:SubProcess');
    expect(el('cancel').eventDefinitions[0].$type).toBe('bpmn:MessageEventDefinition');
    expect(el('fail').eventDefinitions[0].$type).toBe('bpmn:ErrorEventDefinition');
    const subDi = parsed.definitions.diagrams[0].plane.planeElement.find((d: any) => d.bpmnElement === el('sub'));
    expect(subDi.isExpanded).not.toBe(true);
    expect(quality).toMatchObject({ nodeOverlaps: 0, edgesThroughNodes: 0, labelOverlaps: 0, labelLabelOverlaps: 0, missingDi: 0 });
  });

  it('keeps a boundary event in its task\'s pool when the task belongs to another organisation', async () => {
    const { parsed } = await roundTrip({
      actors: [{ id: 'us', name: 'Shop' }, { id: 'sup', name: 'Supplier', organisation: true }],
      nodes: [
        s('s', { actor: 'us' }),
        t('a', 'Order goods', { actor: 'us', taskType: 'send' }),
        t('b', 'Deliver goods', { actor: 'sup' }),
        { id: 'late', kind: 'boundary', label: '3 days', attachedTo: 'b', eventType: 'timer', timer: { kind: 'duration', value: 'P3D' } },
        t('c', 'Send reminder', { actor: 'sup' }),
        t('d', 'Store goods', { actor: 'us' }),
        e('e'),
      ],
      flows: [...chain('s', 'a', 'b', 'd', 'e'), ...chain('late', 'c', 'e')],
    });
    const processes = parsed.definitions.rootElements.filter((r: any) => r.$type === 'bpmn:Process');
    const owner = processes.find((p: any) => p.flowElements.some((x: any) => x.$type === 'bpmn:BoundaryEvent'));
    const boundary = owner.flowElements.find((x: any) => x.$type === 'bpmn:BoundaryEvent');
    expect(owner.flowElements).toContain(boundary.attachedToRef);
    expect(boundary.attachedToRef.name).toBe('Deliver goods');
  });

  it('gives a pool a choice of its own where the other organisation\'s decision sends it one of two ways', async () => {
    const { parsed } = await roundTrip({
      actors: [{ id: 'us', name: 'Buyer' }, { id: 'sup', name: 'Supplier', organisation: true }],
      nodes: [
        s('s', { actor: 'us' }),
        t('a', 'Send order', { actor: 'us', taskType: 'send' }),
        t('b', 'Check stock', { actor: 'sup' }),
        { id: 'x', kind: 'exclusive', label: '', actor: 'sup' },
        t('c', 'Send rejection', { actor: 'sup', taskType: 'send' }),
        t('d', 'Find other supplier', { actor: 'us' }),
        t('f', 'Ship goods', { actor: 'sup' }),
        t('g', 'Receive goods', { actor: 'us', taskType: 'receive' }),
        e('e'),
        e('e2', '', { actor: 'us' }),
      ],
      flows: [...chain('s', 'a', 'b', 'x', 'c', 'd', 'e2'), { from: 'x', to: 'f', label: 'in stock' }, ...chain('f', 'g', 'e')],
    });
    const buyer = parsed.definitions.rootElements.filter((r: any) => r.$type === 'bpmn:Process').find((p: any) => p.flowElements.some((x: any) => x.name === 'Send order'));
    const send = buyer.flowElements.find((x: any) => x.name === 'Send order');
    // One flow out of the send task, into an exclusive gateway that leads to both of the buyer's next steps.
    expect(send.outgoing).toHaveLength(1);
    const split = send.outgoing[0].targetRef;
    expect(split.$type).toBe('bpmn:ExclusiveGateway');
    expect(split.outgoing.map((f: any) => f.targetRef.name).sort()).toEqual(['Find other supplier', 'Receive goods']);
  });
});

describe('modelToBpmn: gateways', () => {
  it('writes an inclusive split and join with its conditions on the branches', async () => {
    const { el, quality } = await roundTrip({
      nodes: [
        s('s'),
        t('a', 'Assess damage'),
        { id: 'or', kind: 'inclusive', label: 'Which repairs?' },
        t('b', 'Repair body'),
        t('c', 'Repair engine'),
        { id: 'join', kind: 'inclusive', label: '' },
        e('e'),
      ],
      flows: [
        ...chain('s', 'a', 'or'),
        { from: 'or', to: 'b', label: 'body damaged' },
        { from: 'or', to: 'c', label: 'engine damaged' },
        ...chain('b', 'join', 'e'),
        { from: 'c', to: 'join' },
      ],
    });
    expect(el('or').$type).toBe('bpmn:InclusiveGateway');
    expect(el('or').name).toBe('Which repairs?');
    expect(el('or').outgoing.map((f: any) => f.name).sort()).toEqual(['body damaged', 'engine damaged']);
    expect(el('join').$type).toBe('bpmn:InclusiveGateway');
    expect(quality).toMatchObject({ nodeOverlaps: 0, edgesThroughNodes: 0, labelOverlaps: 0, labelLabelOverlaps: 0 });
  });
});
