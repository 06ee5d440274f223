import { describe, expect, it } from 'vitest';
import { ModelError, readModel, repairModel, validateModel, type ModelNode, type ProcessModel } from '../../src/generate/model.ts';
import { isIsoCycle, isIsoDate, isIsoDuration, isoDuration } from '../../src/generate/timer.ts';

function model(partial: Partial<ProcessModel>): ProcessModel {
  return { name: 'Test', actors: [], nodes: [], flows: [], ...partial };
}

describe('repairModel', () => {
  it("ends a dead end in a plain end event, never in another path's named end", () => {
    const branched = model({
      nodes: [
        { id: 's', kind: 'start', label: '' },
        { id: 'g', kind: 'exclusive', label: '' },
        { id: 'r', kind: 'task', label: 'Send rejection' },
        { id: 'x', kind: 'end', label: 'Rejection sent' },
        { id: 'p', kind: 'task', label: 'Pay invoice' },
      ],
      flows: [
        { from: 's', to: 'g' },
        { from: 'g', to: 'r' },
        { from: 'r', to: 'x' },
        { from: 'g', to: 'p' },
      ],
    });
    const { model: repaired } = repairModel(branched);
    const end = repaired.flows.find((f) => f.from === 'p')!.to;
    expect(repaired.nodes.find((n) => n.id === end)).toMatchObject({ kind: 'end', label: '' });
  });

  it('leaves a sound model as it is, without warnings', () => {
    const sound = model({
      nodes: [
        { id: 's', kind: 'start', label: '' },
        { id: 't', kind: 'task', label: 'Check invoice' },
        { id: 'e', kind: 'end', label: '' },
      ],
      flows: [{ from: 's', to: 't' }, { from: 't', to: 'e' }],
    });
    const { model: repaired, warnings } = repairModel(sound);
    expect(warnings).toEqual([]);
    expect(repaired.nodes.map((n) => n.id)).toEqual(['s', 't', 'e']);
    expect(validateModel(repaired)).toEqual([]);
  });

  it('adds a missing start and end and reports both problems before', () => {
    const bare = model({ nodes: [{ id: 'a', kind: 'task', label: 'Check invoice' }, { id: 'b', kind: 'task', label: 'Pay invoice' }], flows: [{ from: 'a', to: 'b' }] });
    expect(validateModel(bare)).toEqual(expect.arrayContaining([expect.stringContaining('start'), expect.stringContaining('no end')]));
    const { model: repaired, warnings } = repairModel(bare);
    expect(validateModel(repaired)).toEqual([]);
    expect(repaired.nodes.filter((n) => n.kind === 'start')).toHaveLength(1);
    expect(repaired.flows).toContainEqual({ from: 'b', to: expect.stringMatching(/^end/) });
    expect(warnings).toContain('Added a start event.');
  });

  it('merges several starts into one followed by an exclusive choice', () => {
    const twoStarts = model({
      nodes: [
        { id: 's1', kind: 'start', label: '' },
        { id: 's2', kind: 'start', label: '' },
        { id: 'a', kind: 'task', label: 'Take order by phone' },
        { id: 'b', kind: 'task', label: 'Take order online' },
        { id: 'e', kind: 'end', label: '' },
      ],
      flows: [{ from: 's1', to: 'a' }, { from: 's2', to: 'b' }, { from: 'a', to: 'e' }, { from: 'b', to: 'e' }],
    });
    const { model: repaired, warnings } = repairModel(twoStarts);
    expect(repaired.nodes.filter((n) => n.kind === 'start')).toHaveLength(1);
    const gateway = repaired.nodes.find((n) => n.kind === 'exclusive')!;
    expect(repaired.flows.filter((f) => f.from === gateway.id).map((f) => f.to).sort()).toEqual(['a', 'b']);
    expect(validateModel(repaired)).toEqual([]);
    expect(warnings[0]).toMatch(/Merged 2 start events/);
  });

  it('connects an unreachable node after the previous reachable one and drops dangling flows', () => {
    const broken = model({
      nodes: [
        { id: 's', kind: 'start', label: '' },
        { id: 'a', kind: 'task', label: 'Check invoice' },
        { id: 'b', kind: 'task', label: 'Archive invoice' },
        { id: 'e', kind: 'end', label: '' },
      ],
      flows: [{ from: 's', to: 'a' }, { from: 'a', to: 'e' }, { from: 'b', to: 'e' }, { from: 'a', to: 'ghost' }],
    });
    const { model: repaired, warnings } = repairModel(broken);
    expect(repaired.flows).toContainEqual({ from: 'a', to: 'b' });
    expect(repaired.flows.some((f) => f.to === 'ghost')).toBe(false);
    expect(warnings.some((w) => w.includes('missing node'))).toBe(true);
    expect(validateModel(repaired)).toEqual([]);
  });

  it('gives a loop with no way out an exit to an end', () => {
    const loop = model({
      nodes: [
        { id: 's', kind: 'start', label: '' },
        { id: 'a', kind: 'task', label: 'Test fix' },
        { id: 'g', kind: 'exclusive', label: '' },
        { id: 'b', kind: 'task', label: 'Rework fix' },
      ],
      flows: [{ from: 's', to: 'a' }, { from: 'a', to: 'g' }, { from: 'g', to: 'b' }, { from: 'b', to: 'a' }],
    });
    expect(validateModel(loop).some((p) => p.includes('never reaches an end'))).toBe(true);
    const { model: repaired } = repairModel(loop);
    expect(validateModel(repaired)).toEqual([]);
    expect(repaired.flows).toContainEqual({ from: 'g', to: expect.stringMatching(/^end/) });
  });

  it('names unlabelled activities and removes gateways that decide nothing', () => {
    const odd = model({
      nodes: [
        { id: 's', kind: 'start', label: '' },
        { id: 'g', kind: 'exclusive', label: '' },
        { id: 'a', kind: 'task', label: '   ' },
        { id: 'e', kind: 'end', label: '' },
      ],
      flows: [{ from: 's', to: 'g' }, { from: 'g', to: 'a' }, { from: 'a', to: 'e' }],
    });
    const { model: repaired } = repairModel(odd);
    expect(repaired.nodes.find((n) => n.id === 'a')!.label).toBe('Unnamed activity');
    expect(repaired.nodes.some((n) => n.id === 'g')).toBe(false);
    expect(repaired.flows).toContainEqual({ from: 's', to: 'a' });
  });

  it('reports and drops flows into a start, out of an end and onto the same node', () => {
    const odd = model({
      nodes: [
        { id: 's', kind: 'start', label: '' },
        { id: 'a', kind: 'task', label: 'Check invoice' },
        { id: 'e', kind: 'end', label: '' },
      ],
      flows: [{ from: 's', to: 'a' }, { from: 'a', to: 'e' }, { from: 'a', to: 's' }, { from: 'e', to: 'a' }, { from: 'a', to: 'a' }],
    });
    expect(validateModel(odd)).toEqual(['Flow a -> s enters the start event.', 'Flow e -> a leaves an end event.', 'Flow a -> a loops on itself.']);
    const { model: repaired } = repairModel(odd);
    expect(repaired.flows).toEqual([{ from: 's', to: 'a' }, { from: 'a', to: 'e' }]);
    expect(validateModel(repaired)).toEqual([]);
  });

  it('refuses a model without any activity', () => {
    expect(() => repairModel(model({ nodes: [{ id: 's', kind: 'start', label: '' }] }))).toThrow(ModelError);
  });
});

describe('readModel', () => {
  it('rejects unknown node kinds instead of guessing', () => {
    expect(() => readModel({ nodes: [{ id: 'x', kind: 'magic', label: 'x' }], flows: [] })).toThrow(/kind must be one of/);
    expect(() => readModel('nope')).toThrow(ModelError);
    expect(() => readModel({ nodes: [] })).toThrow(/flows/);
  });

  const one = (node: Record<string, unknown>) => () => readModel({ nodes: [{ id: 'n', label: 'x', ...node }], flows: [] });

  it('refuses event fields that are unknown or do not fit the kind, naming the node', () => {
    expect(one({ kind: 'start', eventType: 'signal' })).toThrow(/nodes\[0\]\.eventType must be one of message, timer, conditional, error, terminate/);
    expect(one({ kind: 'start', eventType: 'terminate' })).toThrow(/"n"\): a start event's eventType must be one of message, timer/);
    expect(one({ kind: 'task', eventType: 'timer' })).toThrow(/only events have an eventType/);
    expect(one({ kind: 'intermediate', eventType: 'timer', timer: { kind: 'sometime', value: 'P2D' } })).toThrow(/timer must be \{kind: duration\|cycle\|date/);
    expect(one({ kind: 'intermediate', eventType: 'message', timer: { kind: 'duration', value: 'P2D' } })).toThrow(/only timer events have a timer/);
    expect(one({ kind: 'boundary', eventType: 'timer' })).toThrow(/needs attachedTo/);
    expect(one({ kind: 'boundary', attachedTo: 'a' })).toThrow(/boundary event needs an eventType/);
    expect(one({ kind: 'boundary', eventType: 'timer', attachedTo: 'a', interrupting: 'no' })).toThrow(/interrupting must be true or false/);
    expect(one({ kind: 'task', attachedTo: 'a' })).toThrow(/only boundary events have attachedTo/);
  });

  it('reads null as absent (strict JSON schemas send every field) and keeps a timer value for repair to judge', () => {
    const read = readModel({
      nodes: [
        { id: 't', kind: 'task', label: 'Call', eventType: null, timer: null, attachedTo: null, interrupting: null },
        { id: 'b', kind: 'boundary', label: 'a week', eventType: 'timer', timer: { kind: 'duration', value: 'one week' }, attachedTo: 't', interrupting: false },
      ],
      flows: [],
    });
    expect(read.nodes[0]).toEqual({ id: 't', kind: 'task', label: 'Call', actor: null, taskType: 'none' });
    expect(read.nodes[1]).toMatchObject({ timer: { kind: 'duration', value: 'one week' }, attachedTo: 't', interrupting: false });
  });
});

describe('repairModel and validateModel: events', () => {
  const withBoundary = (extra: Partial<ModelNode>, flows: ProcessModel['flows'] = []) =>
    model({
      nodes: [
        { id: 's', kind: 'start', label: '' },
        { id: 'a', kind: 'task', label: 'Approve request' },
        { id: 'g', kind: 'exclusive', label: '' },
        { id: 'b', kind: 'boundary', label: '1 week', eventType: 'timer', attachedTo: 'a', ...extra },
        { id: 'c', kind: 'task', label: 'Escalate request' },
        { id: 'e', kind: 'end', label: '' },
      ],
      flows: [{ from: 's', to: 'a' }, { from: 'a', to: 'e' }, { from: 'b', to: 'c' }, { from: 'c', to: 'e' }, ...flows],
    });

  it('counts a boundary path as reached through its task, and gives one without a path an end', () => {
    const sound = withBoundary({});
    sound.nodes = sound.nodes.filter((n) => n.id !== 'g');
    expect(validateModel(sound)).toEqual([]);
    const bare = model({ ...sound, flows: sound.flows.filter((f) => f.from !== 'b') });
    expect(validateModel(bare)).toContain('Boundary event "1 week" has no outgoing flow.');
    const { model: repaired } = repairModel(bare);
    expect(repaired.flows).toContainEqual({ from: 'b', to: 'e' });
    expect(repaired.flows.filter((f) => f.to === 'b')).toEqual([]);
    expect(validateModel(repaired).filter((p) => p.includes('1 week'))).toEqual([]);
  });

  it('drops flows into a boundary event and a boundary event on a gateway, with warnings', () => {
    const entered = withBoundary({}, [{ from: 's', to: 'b' }]);
    expect(validateModel(entered)).toContain('Boundary event "1 week" has an incoming flow; it starts only from its task.');
    const fixed = repairModel(entered);
    expect(fixed.model.flows.some((f) => f.to === 'b')).toBe(false);
    expect(fixed.warnings).toContain('Dropped flows into boundary events: they start only from their task.');

    const onGateway = withBoundary({ attachedTo: 'g' });
    expect(validateModel(onGateway)).toContain('Boundary event "1 week" sits on "g", which is not a task or sub-process.');
    const dropped = repairModel(onGateway);
    expect(dropped.model.nodes.some((n) => n.id === 'b')).toBe(false);
    expect(dropped.model.flows.some((f) => f.from === 'b')).toBe(false);
    expect(dropped.warnings).toContain('Dropped the boundary event "1 week": "g" is not a task or sub-process.');
    expect(validateModel(dropped.model)).toEqual([]);
  });

  it('puts a boundary event in its task\'s lane', () => {
    const laned = withBoundary({});
    laned.actors = [{ id: 'boss', name: 'Manager' }];
    laned.nodes.find((n) => n.id === 'a')!.actor = 'boss';
    expect(repairModel(laned).model.nodes.find((n) => n.id === 'b')!.actor).toBe('boss');
  });

  it('keeps a timer whose value is not ISO 8601 as a timer with its label only', () => {
    const vague = withBoundary({ timer: { kind: 'duration', value: 'one week' } });
    expect(validateModel(vague)).toContain('"1 week": the timer duration "one week" is not ISO 8601.');
    const { model: repaired, warnings } = repairModel(vague);
    const timer = repaired.nodes.find((n) => n.id === 'b')!;
    expect(timer).toMatchObject({ eventType: 'timer', label: '1 week' });
    expect(timer.timer).toBeUndefined();
    expect(warnings).toContain('The timer "1 week" had a duration "one week" that is not ISO 8601; it keeps its label only.');
  });

  it('makes an event type that does not fit its kind a plain event', () => {
    const odd = model({
      nodes: [{ id: 's', kind: 'start', label: '', eventType: 'terminate' }, { id: 'a', kind: 'task', label: 'Pay invoice' }, { id: 'e', kind: 'end', label: '' }],
      flows: [{ from: 's', to: 'a' }, { from: 'a', to: 'e' }],
    });
    expect(validateModel(odd)).toEqual(['"s": a start event\'s eventType must be one of message, timer.']);
    const { model: repaired } = repairModel(odd);
    expect(repaired.nodes[0]!.eventType).toBeUndefined();
    expect(validateModel(repaired)).toEqual([]);
  });
});

describe('ISO 8601 timer values', () => {
  it('accepts durations, cycles and dates and refuses words', () => {
    for (const value of ['P2D', 'PT4H', 'P1W', 'P1Y2M', 'PT30M', 'P1DT12H']) expect(isIsoDuration(value), value).toBe(true);
    for (const value of ['P', 'PT', '2 days', 'P2', 'PT4D', 'p2d']) expect(isIsoDuration(value), value).toBe(false);
    for (const value of ['R/P1W', 'R4/P1D', 'R/2026-01-05T09:00/P1W', 'R3/PT1H/2026-01-05']) expect(isIsoCycle(value), value).toBe(true);
    for (const value of ['P1W', 'R/every week', 'R/P1W/P1D', 'R']) expect(isIsoCycle(value), value).toBe(false);
    for (const value of ['2026-03-01', '2026-03-01T09:00', '2026-03-01T09:00:00Z']) expect(isIsoDate(value), value).toBe(true);
    for (const value of ['2026-13-45', 'March 1st', '2026-03-01T25:00']) expect(isIsoDate(value), value).toBe(false);
  });

  it('spells a number and a unit as a duration', () => {
    expect(isoDuration(2, 'days')).toBe('P2D');
    expect(isoDuration(4, 'hours')).toBe('PT4H');
    expect(isoDuration(1, 'Week')).toBe('P1W');
    expect(isoDuration(30, 'minutes')).toBe('PT30M');
    expect(isoDuration(3, 'working days')).toBeNull();
  });
});

describe('modelToBpmn', () => {
  it('writes valid XML ids for provider ids that are not XML names', async () => {
    const { modelToBpmn } = await import('../../src/generate/to-bpmn.ts');
    const { parseBpmn } = await import('../../src/bpmn/parse.ts');
    const { model: sound } = repairModel(
      model({
        actors: [{ id: 'the clerk', name: 'Clerk' }],
        nodes: [
          { id: 'start 1', kind: 'start', label: '' },
          { id: '1st task', kind: 'task', label: 'Check invoice', actor: 'the clerk', taskType: 'user' },
          { id: 'end/1', kind: 'end', label: '' },
        ],
        flows: [{ from: 'start 1', to: '1st task' }, { from: '1st task', to: 'end/1' }],
      }),
    );
    const xml = await modelToBpmn(sound);
    const { definitions } = await parseBpmn(xml);
    const process = definitions.rootElements.find((e: any) => e.$type === 'bpmn:Process');
    const ids = process.flowElements.map((e: any) => e.id);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_.-]*$/);
    expect(process.laneSets[0].lanes[0].name).toBe('Clerk');
  });
});
