import { describe, expect, it } from 'vitest';
import { downstream, next, node, read } from './model-reading.ts';

const ends = (m: ReturnType<typeof read>) => m.nodes.filter((n) => n.kind === 'end').map((n) => n.label);

describe('"in both cases", "either way", "whatever the outcome": a refusal\'s way meets the others there', () => {
  it('insurance: "Otherwise the underwriter rejects the claim. In both cases …"', () => {
    const m = read('The underwriter assesses the claim. If the claim is covered, the underwriter approves the payout. Otherwise the underwriter rejects the claim. In both cases the customer receives a letter.');
    expect(downstream(m, node(m, 'Reject claim'))).toContain('Send letter');
    expect(ends(m)).toEqual(['']);
  });

  it('HR: "approves or rejects the request. Either way, HR records the decision"', () => {
    const m = read('The manager reviews the leave request. The manager approves or rejects the request. Either way, HR records the decision in the system.');
    expect(downstream(m, node(m, 'Reject request'))).toContain('Record decision');
  });

  it('finance: "the request is rejected. Whatever the outcome, the buyer is notified"', () => {
    const m = read('The buyer submits a purchase request. The finance officer checks the budget. If the budget is insufficient, the request is rejected. Whatever the outcome, the buyer is notified by email.');
    expect(downstream(m, node(m, 'Reject request'))).toContain('Notify buyer');
  });

  it('public administration: "can also reject it. In any case the clerk files the application"', () => {
    const m = read('The clerk can accept the application. The clerk can also reject it. In any case the clerk files the application.');
    expect(next(m, node(m, 'Reject application').id)[0]?.kind).toBe('exclusive');
    expect(downstream(m, node(m, 'Reject application'))).toContain('File application');
  });

  it('without the words, the refusal still ends (health)', () => {
    const m = read('The pharmacist checks the prescription. If the drug is not in stock, the pharmacist declines the order. Otherwise the pharmacist prepares the drug. The pharmacist logs the request.');
    expect(downstream(m, node(m, 'Decline order'))).not.toContain('Log request');
  });
});

describe('the one served leaves: "hangs up", "backs out", "drops out", "walks away" end that way', () => {
  it('health: "If the caller hangs up, the dispatcher logs the call" does not go on to the ambulance', () => {
    const m = read('The caller reports an emergency. The dispatcher asks for the address. If the caller hangs up, the dispatcher logs the call. The dispatcher sends an ambulance.');
    expect(next(m, node(m, 'Log call').id)).toMatchObject([{ kind: 'end', label: 'Caller hung up' }]);
  });

  it('education and retail: "drops out", "walks away"', () => {
    const m = read('The student enrols in the course. If the student drops out, the school refunds half of the fee. The teacher assesses the student.');
    expect(ends(m)).toContain('Student dropped out');
    const r = read('The agent presents the offer to the buyer. If the buyer backs out, the agent informs the seller. The notary drafts the contract.');
    expect(ends(r)).toContain('Buyer backed out');
  });

  it('"hangs up the poster" is work, not leaving (facilities)', () => {
    const m = read('If the room is empty, the technician hangs up the poster. The technician cleans the room.');
    expect(ends(m)).toEqual(['']);
  });
});

describe('rolling back a change undoes a step; the work goes on (IT ops, software, finance)', () => {
  it('"rolls back the change if necessary. The engineer then writes the release notes"', () => {
    const m = read('The engineer deploys the change to production. The engineer monitors the error rate and rolls back the change if necessary. The engineer then writes the release notes.');
    expect(downstream(m, node(m, 'Roll back change'))).toContain('Write release notes');
  });

  it('"If the totals differ, the accountant rolls back the posting" goes on to the report', () => {
    const m = read('The accountant posts the entries. If the totals differ, the accountant rolls back the posting. The accountant prepares the monthly report.');
    expect(downstream(m, node(m, 'Roll back posting'))).toContain('Prepare monthly report');
  });
});
