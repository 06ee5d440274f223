import { describe, expect, it } from 'vitest';
import { ModelError, readModel, repairModel, validateModel, type ProcessModel } from '../../src/generate/model.ts';

function model(partial: Partial<ProcessModel>): ProcessModel {
  return { name: 'Test', actors: [], nodes: [], flows: [], ...partial };
}

describe('repairModel', () => {
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
