// Rework told in two steps: "it is sent back to the supplier, who corrects it and sends it again" hands the work in
// again (back to the check, not to the send-back), and "… who fix them. QA then retests." says the loop just drawn
// once more — no second test on the way on (issue 13, loops).
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { downstream, next, node, read, tasks } from './model-reading.ts';

const after = (m: ProcessModel, label: string) => next(m, node(m, label).id).map((n) => n.label || n.kind);

describe('"sent back to X, who corrects it and sends it again" goes back to the check', () => {
  it('loops the corrected delivery back to "Inspect delivery" (logistics)', () => {
    const m = read('The buyer inspects the delivery. If it is incomplete, it is sent back to the supplier, who corrects it and sends it again. Otherwise the buyer books the goods in.');
    expect(after(m, 'Correct delivery')).toEqual(['Inspect delivery']);
    expect(m.nodes.filter((n) => n.kind === 'end')).toHaveLength(1);
  });

  it('loops the amended claim back to "Assess claim" (insurance)', () => {
    const m = read('The handler assesses the claim. If details are wrong, the claim is sent back to the customer, who amends it and sends it again. Otherwise the handler pays the claim.');
    expect(after(m, 'Amend claim')).toEqual(['Assess claim']);
  });

  it('loops the revised timesheet back to "Check timesheet" (hr)', () => {
    const m = read('The payroll clerk checks the timesheet. If hours are missing, the clerk sends it back to the employee, who completes it and sends it again. Otherwise the clerk runs the payroll.');
    expect(downstream(m, node(m, 'Send back timesheet'))).toContain('Check timesheet');
    expect(m.nodes.filter((n) => n.kind === 'end')).toHaveLength(1);
  });
});

describe('"X then re-does the check" after the rework loop is that loop, not a new step', () => {
  it('"QA then retests" adds no "Retest" step (software delivery)', () => {
    const m = read('Developers write the code. QA tests the release. If there are bugs, they go back to the developers, who fix them. QA then retests. Operations deploys the release.');
    expect(tasks(m).some((t) => t.startsWith('Retest'))).toBe(false);
    expect(after(m, 'Test release')).toHaveLength(1);
    expect(downstream(m, node(m, 'Test release'))).toContain('Deploy release');
  });

  it('"the clerk then reviews it again" adds no second loop (public administration)', () => {
    const m = read('The clerk reviews the form. If it is incomplete, it is returned to the applicant, who corrects it. The clerk then reviews it again. Once complete, the clerk files it.');
    expect(m.nodes.filter((n) => n.kind === 'exclusive')).toHaveLength(1);
    expect(after(m, 'Correct form')).toEqual(['Review form']);
  });

  it('"the nurse then re-checks the dose" adds no second check (health)', () => {
    const m = read('The nurse checks the dose. If it is wrong, the pharmacist corrects it. The nurse then re-checks the dose. Then the nurse gives the medication.');
    expect(tasks(m).filter((t) => t.includes('heck'))).toEqual(['Check dose']);
    expect(after(m, 'Correct dose')).toEqual(['Check dose']);
  });
});

describe('the deciding party checking the same thing after rework in the branch is the check again', () => {
  it('"makes a new proof and the customer checks it" loops to "Check proof" (manufacturing)', () => {
    const m = read('The printer makes a proof. The customer checks the proof. If there are errors, the printer makes a new proof and the customer checks it. When the proof is accepted, the printer prints the job.');
    expect(after(m, 'Make new proof')).toEqual(['Check proof']);
    expect(tasks(m).filter((t) => t.startsWith('Check'))).toEqual(['Check proof']);
  });

  it('"the nurse takes a new sample and the technician tests it" loops to "Test sample" (health)', () => {
    const m = read('The lab technician tests the sample. If the result is unclear, the nurse takes a new sample and the technician tests it. Then the doctor reads the result.');
    expect(after(m, 'Take new sample')).toEqual(['Test sample']);
  });

  it('"the accountant adds them and the auditor reviews the ledger" loops to "Review ledger" (finance)', () => {
    const m = read('The auditor reviews the ledger. If entries are missing, the accountant adds them and the auditor reviews the ledger. Finally the auditor signs the report.');
    expect(after(m, 'Add entries')).toEqual(['Review ledger']);
    expect(tasks(m)).toEqual(['Review ledger', 'Add entries', 'Sign report']);
  });
});
