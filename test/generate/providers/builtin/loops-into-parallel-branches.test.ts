// A loop told after a parallel block that names a step inside one branch goes back to the whole block (through a
// merge in front of its split), so the join never waits for a branch that was not run again.
import { describe, expect, it } from 'vitest';
import { next, node, read } from './model-reading.ts';
import type { ProcessModel } from '../../../../src/generate/model.ts';

/** The node the way labelled `label` leads to. */
const wayTo = (m: ProcessModel, label: string) => m.nodes.find((n) => n.id === m.flows.find((f) => f.label === label)!.to)!;

describe('loops from after a parallel block into one of its branches', () => {
  it('goes back to the split through a merge (logistics)', () => {
    const m = read('The warehouse receives the order. The picker picks the items and at the same time the packer prepares the box. The packer packs the items. The checker checks the package. If items are missing, the process goes back to picking. Otherwise the courier ships the package.');
    const merge = wayTo(m, 'items missing');
    expect(merge.kind).toBe('exclusive');
    expect(next(m, merge.id).map((n) => n.kind)).toEqual(['parallel']);
    expect(next(m, node(m, 'Receive order').id)).toEqual([merge]);
  });

  it('goes back to the split through a merge (manufacturing, "meanwhile")', () => {
    const m = read('The plant receives the order. The machinist cuts the parts. Meanwhile the painter mixes the paint. The assembler assembles the product. The inspector tests the product. If the test fails, go back to cutting the parts.');
    const merge = wayTo(m, 'test fails');
    expect(merge.kind).toBe('exclusive');
    expect(next(m, merge.id).map((n) => n.kind)).toEqual(['parallel']);
  });

  // (A redo of one branch's step told right after the block is that branch's own loop: the desk is not prepared again.
  // It used to go back to the whole block; see separate-questions.test.ts.)
  it('a redo of one branch\'s step stays inside that branch (HR onboarding, "again")', () => {
    const m = read('The HR officer opens the file. The IT team sets up the laptop and at the same time the facilities team prepares the desk. If the laptop does not work, the IT team sets it up again. The manager welcomes the new hire.');
    expect(wayTo(m, 'laptop does not work').label).toBe('Set up laptop');
    const decision = next(m, node(m, 'Set up laptop').id)[0]!;
    expect(decision.kind).toBe('exclusive');
    const join = next(m, node(m, 'Prepare desk').id)[0]!;
    expect(join.kind).toBe('parallel');
    expect(next(m, decision.id).map((n) => n.id)).toContain(join.id);
  });

  it('does not fire when the loop goes back to a step before the block', () => {
    const m = read('The clerk registers the claim. The adjuster inspects the damage while the analyst checks the policy. The manager reviews the file. If documents are missing, the process goes back to registering the claim. Otherwise the manager approves the payment.');
    expect(wayTo(m, 'documents missing').label).toBe('Register claim');
  });
});
