// A decision on a step's result comes after the step, and outcomes listed with colons, dashes or arrows — or as
// labelled sentences in a row — are the branches of one gateway.
import { describe, expect, it } from 'vitest';
import { next, node, read, tasks } from './model-reading.ts';
import type { ProcessModel } from '../../../../src/generate/model.ts';

/** The condition labels on the gateway right after a task. */
function outcomes(m: ProcessModel, label: string): string[] {
  const gate = next(m, node(m, label).id).find((n) => n.kind === 'exclusive');
  return gate ? m.flows.filter((f) => f.from === gate.id).map((f) => f.label ?? '') : [];
}

describe('the decision after the step it tests', () => {
  it('"inspects the item: if unused …" makes the step, then the choice', () => {
    const returns = read('The warehouse inspects the returned item: if unused we refund the customer, otherwise we send the item back to the customer.');
    expect(outcomes(returns, 'Inspect returned item')).toEqual(['unused', 'otherwise']);
    const lab = read('The lab checks the sample: if it is clean, the technician files the result; if not, the lab repeats the test.');
    expect(outcomes(lab, 'Check sample').length).toBe(2);
    const loans = read('The librarian checks the laptop for damage, if damaged the librarian bills the student.');
    expect(outcomes(loans, 'Check laptop for damage')).toContain('damaged');
  });

  it('"QA tests it — pass: …; fail: back to dev" is the step, then its outcomes', () => {
    const m = read('The developer opens a merge request. QA tests it — pass: release the build; fail: back to dev.');
    expect(outcomes(m, 'Test merge request')).toEqual(['pass', 'fail']);
    expect(tasks(m)).not.toContain('Pass');
    // "back to dev": to the step of the party named.
    const gate = next(m, node(m, 'Test merge request').id)[0]!;
    expect(next(m, gate.id).map((n) => n.label)).toContain('Open merge request');
    const paper = read('The author submits the paper. The editor screens it — fine: send it to the reviewers; incomplete: back to the author.');
    expect(next(paper, next(paper, node(paper, 'Screen paper').id)[0]!.id).map((n) => n.label)).toContain('Submit paper');
    const ward = read('The doctor reviews the scan — clear: discharge the patient; unclear: order a biopsy.');
    expect(outcomes(ward, 'Review scan')).toEqual(['clear', 'unclear']);
  });

  it('goods sent back to a party served end there instead of looping', () => {
    const m = read('The store checks the returned jacket: if worn, the store sends the jacket back to the customer; otherwise the store refunds the customer.');
    const sendBack = tasks(m).find((t) => t.startsWith('Send'))!;
    expect(next(m, node(m, sendBack).id).map((n) => n.label)).not.toContain('Check returned jacket');
  });
});

describe('three or more outcomes on one gateway', () => {
  it('"within tolerance → release; 1–2 out → rework; more → scrap"', () => {
    const m = read('The inspector measures the machined part. Within tolerance → release to stock; 1–2 dimensions out → rework; more → scrap. The shift lead signs the log.');
    expect(outcomes(m, 'Measure machined part')).toEqual(['within tolerance', '1–2 dimensions out', 'otherwise']);
    const it2 = read('The agent classifies the ticket. Low → answer from the FAQ; medium → assign to second level; high → page the on-call engineer.');
    expect(outcomes(it2, 'Classify ticket')).toHaveLength(3);
  });

  it('"Score A: …. Score B: …. Score C: …." sentences are one choice, and the labels make no lanes', () => {
    const loan = read('The clerk scores the loan application. Score A: approve automatically. Score B: send it to an underwriter. Score C: decline the application.');
    expect(outcomes(loan, 'Score loan application')).toEqual(['score A', 'score B', 'score C']);
    expect(loan.actors.map((a) => a.name).join()).not.toMatch(/Score/);
    const triage = read('The nurse triages the patient. Priority 1: call the resuscitation team. Priority 2: seat the patient in the fast track. Priority 3: send the patient to the waiting room.');
    expect(outcomes(triage, 'Triage patient')).toHaveLength(3);
  });

  it('roles before colons still name who acts', () => {
    const m = read('Finance clerk: checks the invoice. Finance manager: approves the invoice.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });
});
