// Who does a step the text says indirectly: an agentless passive nothing else places is the case holder's
// (case-holder.ts), "the crew" after several crews is the one that acted last, "both parties" after "with the
// supplier" are the two named, and a "Step 2 – Approval:" heading is no lane.
import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read, tasks } from './model-reading.ts';

describe('an agentless passive nothing else places is done by the party holding the case', () => {
  it('IT operations: both ways after a choice are the decider\'s, and closing after "resolves it" the resolver\'s', () => {
    const m = read('The on-call engineer investigates the alert. If a fix is found, it is deployed to production. Otherwise the incident is escalated to the platform team. The platform team resolves the incident and the ticket is closed.');
    expect(laneOf(m, 'Deploy fix')).toBe('On-call engineer');
    expect(laneOf(m, 'Close ticket')).toBe('Platform team');
  });

  it('public administration: "the account is created" after the security team verified the identity', () => {
    const m = read('The security team receives the access request. The team verifies the identity of the requester. The account is then created. The requester is informed.');
    expect(laneOf(m, 'Create account')).toBe('Security team');
    expect(laneOf(m, 'Inform requester')).toBe('Security team');
  });

  it('insurance: the payment after the claims office checked the claims', () => {
    const m = read('Claims are received by the claims office. They are checked for coverage. The payment is then issued.');
    expect(laneOf(m, 'Issue payment')).toBe('Claims office');
  });

  it('does not fire: an opening passive with nobody before it keeps no lane, and a served party lends none', () => {
    const m = read('Loan applications are submitted online. The scoring engine calculates a risk score.');
    expect(laneOf(m, 'Submit loan applications')).toBeUndefined();
    const served = read('The customer places an order. The confirmation is emailed to the customer.');
    expect(laneOf(served, 'Email confirmation')).not.toBe('Customer');
  });
});

describe('one party named several ways is one lane', () => {
  it('utilities: "the crew" after the field crew and the repair crew is no third lane', () => {
    const m = read('The dispatcher creates a work order. The field crew inspects the line. The repair crew fixes the cable. The crew then reports back to the dispatcher.');
    expect(lanes(m)).toEqual(['Dispatcher', 'Field crew', 'Repair crew']);
  });

  it('retail: "the team" after the sales team and the support team', () => {
    const m = read('The sales team prepares the quote. The support team checks the installation needs. The team then sends the quote to the customer.');
    expect(lanes(m)).not.toContain('Team');
  });

  it('procurement and housing: "both parties" are the two named before, not a lane "Parties"', () => {
    const m = read('Procurement negotiates the contract with the supplier. The contract is signed by both parties. The buyer files it.');
    expect(lanes(m)).toEqual(['Procurement', 'Supplier', 'Buyer']);
    const lease = read('The landlord meets the tenant. The lease is signed by both parties. The agent files it.');
    expect(lanes(lease)).not.toContain('Parties');
  });
});

describe('a passive after two parties\' ways meet', () => {
  it('does not fire: the step after a join of two lanes\' work keeps no lane (logistics, HR)', () => {
    const m = read('The warehouse team packs the goods. At the same time the accounting team prepares the invoice. When the goods are packed and the invoice is ready, the shipping label is printed. The courier collects the parcel.');
    expect(laneOf(m, 'Print shipping label')).toBeUndefined();
    const hire = read('HR prepares the contract and, at the same time, IT sets up a laptop. Then the welcome pack is sent.');
    expect(laneOf(hire, 'Send welcome pack')).toBeUndefined();
  });
});

describe('a heading before a step is no lane', () => {
  it('health and finance: "Step 1 – Intake:" labels a part of the text, and the step after it is read', () => {
    const m = read('Step 1 – Intake: The patient registers at the self-service kiosk. The kiosk prints a queue ticket.\nStep 2 – Triage: A nurse measures the vital signs.');
    expect(tasks(m)).toEqual(['Register at self-service kiosk', 'Print queue ticket', 'Measure vital signs']);
    expect(lanes(m)).toEqual(['Patient', 'Kiosk', 'Nurse']);
    const close = read('Phase 1 - Preparation: The accountant exports the trial balance. Phase 2 - Review: The controller reviews the balances.');
    expect(lanes(close)).toEqual(['Accountant', 'Controller']);
  });

  it('does not fire: a step after a bare number keeps its words ("Step 2: The clerk checks the form")', () => {
    const m = read('Step 1: The customer submits the form.\nStep 2: The clerk checks the form.');
    expect(lanes(m)).toEqual(['Customer', 'Clerk']);
    expect(tasks(m)).toEqual(['Submit form', 'Check form']);
  });
});
