// Steps told without a finite verb of their own: a noun with its doer after "by", as minutes and notes put it
// ("Sign-off of the budget by the CFO."), and a gerund after "before/after" whose object is a bare noun phrase
// ("after taking vital signs"), which lost its doer because the subject ran on into the gerund.
import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read, tasks } from './model-reading.ts';

describe('"<action noun> of <thing> by <someone>." is that someone doing the action to the thing', () => {
  it.each([
    ['The analyst drafts the budget. Sign-off of the budget by the CFO.', 'Sign off budget', 'CFO'],
    ['The registrar receives the form. Registration of the student by the registrar.', 'Register student', 'Registrar'],
    ['The operator runs the batch. Inspection of the batch by the quality team.', 'Inspect batch', 'Quality team'],
    ['The adjuster assesses the claim. Final review of the claim by a senior adjuster.', 'Review claim', 'Senior adjuster'],
    ['Invoice received. Payment of the invoice by Treasury.', 'Pay invoice', 'Treasury'],
    ['The engineer writes the change request. Change approval by the architect.', 'Approve change', 'Architect'],
    ['The recruiter screens the applications. Shortlisting of the candidates by the hiring manager.', 'Shortlist candidates', 'Hiring manager'],
    ['The engineer deploys the change. Closure of the change request by the change manager.', 'Close change request', 'Change manager'],
  ])('%s', (text, step, lane) => {
    const m = read(text);
    expect(tasks(m)).toContain(step);
    expect(laneOf(m, step)).toBe(lane);
  });

  it('a bare "<action noun> by <someone>." acts on the thing in hand', () => {
    const m = read('The clerk receives the application. Approval by the board.');
    expect(tasks(m)).toEqual(['Receive application', 'Approve application']);
    expect(laneOf(m, 'Approve application')).toBe('Board');
  });

  it.each([
    ['The customer pays the deposit. Payment by card.'],
    ['The clerk checks the stock by Friday.'],
  ])('"by" with a thing or a time is no doer: %s', (text) => {
    expect(lanes(read(text))).not.toContain('Card');
    expect(tasks(read(text))).not.toContain('Pay card');
  });

  it.each([
    ['Check stock by Friday.', 'Check'],
    ['Sign the contract by Monday. File it.', 'Sign'],
  ])('an imperative note with "by" keeps its verb: %s', (text, verb) => {
    expect(tasks(read(text))[0]).toMatch(new RegExp(`^${verb} `));
  });
});

describe('"before/after" + a gerund with a bare object is a step of the main subject', () => {
  it.each([
    ['The nurse stabilises the patient after taking vital signs.', 'Take vital signs', 'Stabilise patient', 'Nurse'],
    ['The mechanic repairs the engine after getting approval.', 'Get approval', 'Repair engine', 'Mechanic'],
    ['The broker files the claim after collecting signed forms.', 'Collect signed forms', 'File claim', 'Broker'],
    ['After reviewing submitted invoices, the accountant pays the supplier.', 'Review submitted invoices', 'Pay supplier', 'Accountant'],
    ['The warehouse clerk stores the pallets after printing shipping labels.', 'Print shipping labels', 'Store pallets', 'Warehouse clerk'],
  ])('%s', (text, first, then, lane) => {
    const m = read(text);
    expect(tasks(m)).toEqual([first, then]);
    expect(laneOf(m, first)).toBe(lane);
  });
});
