// Parallel work told in pieces is one AND block (issue 13: concurrent work; three bands must stay three).
import { describe, expect, it } from 'vitest';
import type { ModelFlow, ModelNode } from '../../../../src/generate/model.ts';
import { flattenParallel } from '../../../../src/generate/providers/builtin/parallel-blocks.ts';
import { next, node, read } from './model-reading.ts';

const gateways = (nodes: ModelNode[]) => nodes.filter((n) => n.kind === 'parallel');

describe('parallel pieces make one block', () => {
  it('gives three bands one split and one join: "at the same time" then "meanwhile" (health)', () => {
    const m = read('The nurse prepares the patient. At the same time, the surgeon reviews the scans. Meanwhile the anaesthetist checks the equipment.');
    expect(gateways(m.nodes)).toHaveLength(2);
    const split = gateways(m.nodes).find((g) => next(m, g.id).length === 3)!;
    expect(next(m, split.id).map((n) => n.label).sort()).toEqual(['Check equipment', 'Prepare patient', 'Review scans']);
  });

  it('gives "while A, B. Meanwhile C." three bands (hospitality)', () => {
    const m = read('While the kitchen cooks the meal, the waiter sets the table. Meanwhile the host greets the guests. The waiter serves the meal.');
    const split = gateways(m.nodes).find((g) => next(m, g.id).length === 3);
    expect(split).toBeDefined();
    expect(next(m, node(m, 'Greet guests').id)[0]).toBe(next(m, node(m, 'Set table').id)[0]);
  });

  it('draws no empty branch for ", at the same time," inside a sentence (IT)', () => {
    const m = read('The admin backs up the database and, at the same time, the developer freezes the code. The admin deploys the release.');
    const split = gateways(m.nodes).find((g) => next(m, g.id).length >= 2)!;
    expect(next(m, split.id).map((n) => n.kind)).toEqual(['task', 'task']);
  });
});

describe('flattenParallel', () => {
  const n = (id: string, kind: ModelNode['kind']): ModelNode => ({ id, kind, label: id });
  it('merges split into split and join into join, and keeps a split that follows a step', () => {
    const nodes = [n('s', 'start'), n('p1', 'parallel'), n('p2', 'parallel'), n('a', 'task'), n('b', 'task'), n('c', 'task'), n('j1', 'parallel'), n('j2', 'parallel'), n('e', 'end')];
    const flows: ModelFlow[] = [
      { from: 's', to: 'p1' }, { from: 'p1', to: 'a' }, { from: 'p1', to: 'p2' }, { from: 'p2', to: 'b' }, { from: 'p2', to: 'c' },
      { from: 'a', to: 'j1' }, { from: 'b', to: 'j1' }, { from: 'j1', to: 'j2' }, { from: 'c', to: 'j2' }, { from: 'j2', to: 'e' },
    ];
    flattenParallel(nodes, flows);
    expect(nodes.map((x) => x.id)).toEqual(['s', 'p1', 'a', 'b', 'c', 'j2', 'e']);
    expect(flows.filter((f) => f.from === 'p1').map((f) => f.to).sort()).toEqual(['a', 'b', 'c']);
    expect(flows.filter((f) => f.to === 'j2').map((f) => f.from).sort()).toEqual(['a', 'b', 'c']);
  });

  it('leaves an exclusive gateway between two parallel ones alone', () => {
    const nodes = [n('p1', 'parallel'), n('x', 'exclusive'), n('p2', 'parallel')];
    const flows: ModelFlow[] = [{ from: 'p1', to: 'x' }, { from: 'x', to: 'p2' }];
    flattenParallel(nodes, flows);
    expect(nodes).toHaveLength(3);
  });
});

describe('"while" after the step it runs beside', () => {
  it('forks before the first step: "A does X while B does Y" (health, manufacturing)', () => {
    for (const [text, first, second, after] of [
      ['The clerk checks the form. The nurse prepares the patient while the surgeon reviews the scans. Then the surgeon operates on the patient.', 'Prepare patient', 'Review scans', 'Operate on patient'],
      ['The planner releases the order. The operator sets up the machine while the storekeeper picks the materials. The operator starts the run.', 'Set up machine', 'Pick materials', 'Start run'],
    ] as const) {
      const m = read(text);
      const split = gateways(m.nodes)[0]!;
      expect(next(m, split.id).map((n) => n.label).sort()).toEqual([first, second].sort());
      const join = gateways(m.nodes)[1]!;
      expect(next(m, join.id).map((n) => n.label)).toEqual([after]);
    }
  });

  it('keeps the lane of a role without an agent suffix after the block ("the surgeon operates on …")', () => {
    const m = read('The nurse prepares the patient while the surgeon reviews the scans. Then the surgeon operates on the patient.');
    expect(m.actors.find((a) => a.id === node(m, 'Operate on patient').actor)?.name).toBe('Surgeon');
  });
});
