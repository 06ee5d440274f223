// "Amounts over 1,000 euros need the director; anything less, the team lead signs off": a need for a working party is
// that party's approval on the case's way, and "anything less" is the other way of the same choice.
import { describe, expect, it } from 'vitest';
import { branches, downstream, laneOf, node, read, tasks } from './model-reading.ts';

describe('a case that needs a party', () => {
  it('health: "need the senior physician" is the physician approving, only for the case', () => {
    const m = read('The nurse records the request. Doses above 10 mg need the senior physician. The pharmacist then dispenses the drug.');
    expect(branches(m)).toEqual(['doses above 10 mg', 'otherwise']);
    expect(laneOf(m, 'Approve doses')).toBe('Senior physician');
  });

  it('retail: "anything less, the cashier approves" is the other way, not a step after the first', () => {
    const m = read('The agent logs the refund. Refunds over 200 dollars need the store manager; anything less, the cashier approves the refund. The cashier hands over the cash.');
    expect(branches(m)).toEqual(['refunds over 200 dollars', 'otherwise']);
    expect(laneOf(m, 'Approve refunds')).toBe('Store manager');
    expect(laneOf(m, 'Approve refund')).toBe('Cashier');
    expect(downstream(m, node(m, 'Approve refunds'))).not.toContain('Approve refund');
  });

  it('finance: "anything less the team lead signs off" with no comma', () => {
    const m = read('The clerk checks the invoice. Invoices over 1,000 euros need the director\'s approval. Anything less the team lead signs off. Then accounting pays the invoice.');
    expect(branches(m)).toEqual(['invoices over 1,000 euros', 'otherwise']);
    expect(laneOf(m, 'Sign off')).toBe('Team lead');
    expect(downstream(m, node(m, 'Sign off'))).toContain('Pay invoice');
  });

  it('public administration: needing someone the process serves is no approval', () => {
    const m = read('The registrar receives the form. Forms without a signature need the applicant. The registrar files the form.');
    expect(tasks(m).some((t) => /^Approve/.test(t))).toBe(false);
  });
});

describe('a bare number before the need', () => {
  it('finance: "Amounts over 1,000 need the director; anything less the team lead signs off" is one choice', () => {
    const m = read('The clerk checks the invoice. Amounts over 1,000 need the director; anything less the team lead signs off. Then accounting pays the invoice.');
    expect(branches(m)).toEqual(['amounts over 1,000', 'otherwise']);
    expect(laneOf(m, 'Sign off')).toBe('Team lead');
    expect(m.nodes.some((n) => n.kind === 'task' && /^Approve/.test(n.label) && laneOf(m, n.label) === 'Director')).toBe(true);
  });

  it('travel: "require a coordinator" asks for someone to be found, and is no approval', () => {
    const m = read('The agent checks the booking. Groups over 12 require a coordinator. The agent confirms the booking.');
    expect(tasks(m).some((t) => /^Approve/.test(t))).toBe(false);
  });
});
