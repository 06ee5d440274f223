// Silence as the default answer (issue 13, time rules and class 9): after "has 10 days to object", a condition that
// the party stays silent, does nothing or makes no objection is the allowance's missed path — a timer on the step —
// not a gateway on the silence with no decision before it.
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { deemedOutcome, saysSilence } from '../../../../src/generate/providers/builtin/silence.ts';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';
import { askedAction } from '../../../../src/generate/providers/builtin/asked-actions.ts';
import { stoppedName, stopsProcess } from '../../../../src/generate/providers/builtin/stopping-steps.ts';
import { downstream, laneOf, node, read, tasks } from './model-reading.ts';

const tokens = (s: string) => readSentences(s)[0]!;
const boundaries = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'boundary');
const gateways = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length > 1);
const conditions = (m: ProcessModel) => m.flows.map((f) => f.label ?? '').filter(Boolean);
/** What the timer on the step labelled `host` leads to. */
const timerPath = (m: ProcessModel, host: string) => {
  const at = m.nodes.find((n) => n.label === host)!;
  return boundaries(m).filter((n) => n.attachedTo === at.id).map((n) => downstream(m, n));
};

describe('a condition that says nothing was done', () => {
  it('reads staying silent, doing nothing and making no objection', () => {
    expect(saysSilence(tokens('if he stays silent'))).toBe(true);
    expect(saysSilence(tokens('if the insurer remains silent'))).toBe(true);
    expect(saysSilence(tokens('if the employee does nothing'))).toBe(true);
    expect(saysSilence(tokens('if the council makes no objection'))).toBe(true);
    expect(saysSilence(tokens('if the bank raises no concerns'))).toBe(true);
    expect(saysSilence(tokens("if they don't"))).toBe(true);
  });

  it('leaves conditions that name something done or a state', () => {
    expect(saysSilence(tokens('if the patient stays overnight'))).toBe(false);
    expect(saysSilence(tokens('if the server does not restart'))).toBe(false);
    expect(saysSilence(tokens('if the amount is high'))).toBe(false);
    expect(saysSilence(tokens('if there are no errors'))).toBe(false);
  });
});

describe('silence after a time allowance', () => {
  it('takes the timer path of the step the party had time for', () => {
    const sublet = read('The tenant requests a sublet. The landlord has 10 days to object; if he stays silent the sublet is approved.');
    expect(timerPath(sublet, 'Object to sublet')[0]).toContain('Approve sublet');
    expect(conditions(sublet)).not.toContain('he stays silent');
    const leave = read('The employee submits a leave request. The manager has 3 days to object to the leave request; if the manager does nothing, the leave is booked.');
    expect(timerPath(leave, 'Object to leave request')[0]).toContain('Book leave');
    expect(gateways(leave)).toHaveLength(0);
    const loan = read('The bank sends the loan terms to the borrower. The borrower has 14 days to object. If the borrower makes no objection, the bank pays out the loan.');
    expect(timerPath(loan, 'Object to loan terms')[0]![0]).toMatch(/^Pay out loan/);
    expect(conditions(loan).join(' ')).not.toMatch(/objection/);
  });
});

describe('asking to do something', () => {
  it('is a request named by what is asked for; an informal ask to do something to a thing keeps that thing', () => {
    const sublet = read('The tenant asks to sublet. The landlord reviews the request.');
    expect(tasks(sublet)[0]).toBe('Request sublet');
    // ("asks to cancel the order. The agent cancels it": "it" is the order, so the order stays the object.)
    const order = read('The customer asks to cancel the order. The agent cancels it.');
    expect(tasks(order)).toEqual(['Ask to cancel order', 'Cancel order']);
    const loan = read('The borrower applies to extend the loan. The bank reviews the application.');
    expect(tasks(loan)[0]).toBe('Request extension of loan');
    expect(laneOf(loan, 'Request extension of loan')).toBe('Borrower');
  });

  it('leaves asking to do what names no request', () => {
    expect(askedAction(tokens('The nurse asks to see the patient'))).toBeNull();
    expect(askedAction(tokens('The clerk asks the customer for the form'))).toBeNull();
    expect(askedAction(tokens('The manager is asked to approve the request'))).toBeNull();
  });
});

describe('a step that stops the process, allowed for a time', () => {
  const ends = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'end').map((n) => n.label);
  it('ends the process when taken; the default carries the work on', () => {
    const sublet = read('The tenant asks to sublet. The landlord has 10 days to object; if he stays silent the sublet is approved. Then the tenant signs the sublease.');
    expect(ends(sublet)).toContain('Sublet refused');
    expect(downstream(sublet, node(sublet, 'Object to sublet'))).not.toContain('Sign sublease');
    expect(timerPath(sublet, 'Object to sublet')[0]).toContain('Sign sublease');
    const order = read("The customer places an order. The customer can cancel within 24 hours; if they don't, the order is shipped. The courier delivers the parcel.");
    expect(downstream(order, node(order, 'Cancel order'))).not.toContain('Deliver parcel');
    expect(timerPath(order, 'Cancel order')[0]).toContain('Deliver parcel');
    const course = read('The student enrols in the course. The student may withdraw the enrolment within 14 days; if the student does nothing, the school invoices the fee. The tutor sends the materials.');
    expect(timerPath(course, 'Withdraw enrolment')[0]).toContain('Send materials');
    expect(ends(course)).toContain('Enrolment withdrawn');
  });

  it('names the end for what was stopped', () => {
    expect(stoppedName('Object to sublet')).toBe('Sublet refused');
    expect(stoppedName('Withdraw application')).toBe('Application withdrawn');
    expect(stopsProcess('Review claim')).toBe(false);
  });
});

describe('a timed silence with no time allowed before it', () => {
  it('waits for the answer, with the timer on the wait', () => {
    const offer = read('We send the offer to the supplier. If the supplier stays silent for a week, we sign the contract.');
    expect(timerPath(offer, 'Wait for supplier to answer')[0]).toContain('Sign contract');
    const consent = read('The clinic sends the consent form to the patient. If the patient says nothing within 5 days, the nurse calls the patient.');
    expect(timerPath(consent, 'Wait for patient to answer')[0]).toContain('Call patient');
    const audit = read('The auditor sends the draft report to the branch. If the branch manager remains silent for two weeks, the auditor finalises the report.');
    expect(timerPath(audit, 'Wait for branch manager to answer')[0]).toContain('Finalise report');
  });

  it('reads an answer assumed as the action done on the thing in hand', () => {
    const offer = read('We send the offer to the supplier. If the supplier stays silent for a week, we assume acceptance. Then we order the parts.');
    expect(timerPath(offer, 'Wait for supplier to answer')[0]).toEqual(expect.arrayContaining(['Accept offer', 'Order parts']));
    const draft = read('The agency sends the draft contract to the client. If the client says nothing within 10 days, we assume approval.');
    expect(tasks(draft)).toContain('Approve draft contract');
    expect(tasks(draft)).not.toContain('Assume approval');
    expect(deemedOutcome(tokens('we presume consent'))?.map((t) => t.text).join(' ')).toBe('it is approved');
    expect(deemedOutcome(tokens('we assume the risk is low'))).toBeNull();
  });
});

describe('whose answer silence gives', () => {
  it('puts the step taken as given in the lane of the party that stayed silent', () => {
    const sublet = read('The tenant asks to sublet. The landlord has 10 days to object; if he stays silent the sublet is approved.');
    expect(laneOf(sublet, 'Approve sublet')).toBe('Landlord');
    const leave = read('The employee submits a leave request. The manager has 3 days to object to the leave request; if the manager does nothing, the leave request is approved.');
    expect(laneOf(leave, 'Approve leave request')).toBe('Manager');
    const prices = read('The supplier sends the price list. The buyer has 5 days to object; if the buyer stays silent, the price list is accepted.');
    expect(laneOf(prices, 'Accept price list')).toBe('Buyer');
  });
});
