// Cases told as labelled lines ("VIP guests: …", "Up to 500 euros: …") are the ways of one choice, not steps in a row.
import { describe, expect, it } from 'vitest';
import { branches, downstream, laneOf, next, node, read, tasks } from './model-reading.ts';

describe('kinds of one thing, each on its labelled line', () => {
  it('hospitality: bulleted kinds of guest are two ways of one choice that join before the next step', () => {
    const m = read('The receptionist welcomes the guests.\n- VIP guests: the manager greets them\n- regular guests: reception checks them in\nThen the porter carries the luggage.');
    expect(branches(m)).toEqual(['VIP guests', 'regular guests']);
    expect(laneOf(m, 'Greet guests')).toBe('Manager');
    expect(downstream(m, node(m, 'Greet guests'))).toContain('Carry luggage');
    expect(downstream(m, node(m, 'Greet guests'))).not.toContain('Check in guests');
  });

  it('retail: "ones" takes the thing of the case before, three ways, each in its lane', () => {
    const m = read('Orders arrive by mail.\n* Small orders: the clerk ships them at once.\n* Medium orders: the manager approves them.\n* Large ones: the director reviews them.\nFinally the clerk archives the order.');
    expect(branches(m)).toEqual(['small orders', 'medium orders', 'large orders']);
    expect(laneOf(m, 'Review orders')).toBe('Director');
    expect(downstream(m, node(m, 'Ship orders'))).not.toContain('Approve orders');
  });

  it('IT operations: priority classes with numbers are cases too', () => {
    const m = read('The service desk logs the incident.\nP1 incidents: the on-call engineer restores the service.\nP3 incidents: the service desk queues the ticket.\nThe service desk closes the ticket.');
    expect(branches(m)).toEqual(['P1 incidents', 'P3 incidents']);
    expect(next(m, node(m, 'Restore service').id).map((n) => n.label)).not.toContain('Queue ticket');
  });

  it('health: named phases with different heads stay steps in a row', () => {
    const m = read('Intake: the nurse records the vitals.\nTriage: the doctor assesses the patient.');
    expect(branches(m)).toEqual([]);
    expect(tasks(m)).toEqual(['Record vitals', 'Assess patient']);
  });
});

describe('amounts on labelled lines', () => {
  it('finance: "Above: the manager." takes the bound and the step of the case before', () => {
    const m = read('The clerk checks the expense claim. Up to 500 euros: the clerk approves. Above: the manager. Then accounting pays the claim.');
    expect(branches(m)).toEqual(['up to 500 euros', 'above 500 euros']);
    const approvals = m.nodes.filter((n) => n.label === 'Approve expense claim');
    expect(approvals.map((n) => m.actors.find((a) => a.id === n.actor)?.name).sort()).toEqual(['Clerk', 'Manager']);
    for (const a of approvals) expect(downstream(m, a)).toContain('Pay claim');
  });

  it('procurement: amounts over and under a bound on their own lines', () => {
    const m = read('The buyer enters the purchase request.\nUnder 1,000 dollars: the team lead signs the request.\nOver 1,000 dollars: the CFO signs the request.\nThe buyer sends the order.');
    expect(branches(m)).toEqual(['under 1,000 dollars', 'over 1,000 dollars']);
    expect(laneOf(m, 'Send order')).toBe('Buyer');
  });
});
