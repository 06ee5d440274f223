// Three or more cases of one choice stay one gateway with a branch each, whether told in one comma list
// ("…, medium orders …, and large orders …") or as "If …" sentences in a row.
import { describe, expect, it } from 'vitest';
import { branches, laneOf, next, node, read, tasks } from './model-reading.ts';

describe('three kinds in one comma list ending in ", and …"', () => {
  it('gives one gateway with a branch per kind (logistics)', () => {
    const m = read("The warehouse receives the order. Small orders ship the same day, medium orders are checked by the supervisor, and large orders need the director's approval. Then the invoice is sent.");
    expect(branches(m)).toEqual(['small', 'medium', 'large']);
    expect(next(m, node(m, 'Receive order').id)[0]!.kind).toBe('exclusive');
    expect(next(m, node(m, 'Check order').id)[0]!.kind).toBe('exclusive');
  });

  it('reads "need the director\'s approval" as the director approving (logistics)', () => {
    const m = read("The warehouse receives the order. Small orders ship the same day, medium orders are checked by the supervisor, and large orders need the director's approval. Then the invoice is sent.");
    expect(tasks(m)).toContain('Approve order');
    expect(laneOf(m, 'Approve order')).toBe('Director');
  });

  it('works for claims as for orders (insurance)', () => {
    const m = read("The insurer receives the claim. Minor claims are paid at once, standard claims are assessed by an adjuster, and major claims require the board's approval. Then the claim is closed.");
    expect(branches(m)).toEqual(['minor', 'standard', 'major']);
    expect(laneOf(m, 'Approve claim')).toBe('Board');
  });

  it('keeps all three kinds when two of them are opposites ("unopened" / "opened") (retail)', () => {
    const m = read('The assistant inspects the item. Unopened items are refunded in cash, opened items are exchanged, and damaged items are repaired by the workshop. The assistant updates the stock list.');
    expect(branches(m)).toEqual(['unopened', 'opened', 'damaged']);
  });

  it('reads an approval owned by a two-word role (logistics)', () => {
    const m = read("The dispatch team sorts the orders. Small orders are packed at the desk, medium orders are handled by the picking crew, and bulky orders need the shift leader's approval. The driver loads the van.");
    expect(laneOf(m, 'Approve bulky orders')).toBe('Shift leader');
  });

  it('leaves workers doing different work in sequence (manufacturing)', () => {
    const m = read('The plant receives the drawing. Senior engineers design the part, junior engineers build it, and apprentices clean the tools.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });
});

describe('three "If …" sentences about one measure', () => {
  it('keeps "repeats the year" as the third branch, not a loop (education)', () => {
    const m = read('The teacher grades the exam. If the score is above 80 the student passes. If it is between 50 and 80 the student resits the exam. If it is below 50 the student repeats the year. Finally the teacher records the result.');
    expect(branches(m)).toEqual(['score above 80', 'score between 50 and 80', 'score below 50']);
    expect(next(m, node(m, 'Repeat year').id)[0]!.kind).toBe('exclusive');
  });

  it('still loops "repeats the check" back to the check (manufacturing)', () => {
    const m = read('The inspector checks the weld. If it is faulty, the welder repairs it and the inspector repeats the check. The foreman signs the sheet.');
    expect(tasks(m)).not.toContain('Repeat check');
  });

  it('"repeats the trial period" is a step of its own (HR)', () => {
    const m = read('The manager reviews the new hire. If the review is poor, the new hire repeats the trial period. Otherwise HR confirms the contract.');
    expect(tasks(m)).toContain('Repeat trial period');
  });
});
