// A thing named by the state a check finds ("Damaged parcels …", "Invoices older than 30 days …") opens its step as a
// condition: the step is one way of a decision, and another way skips it.
import { describe, expect, it } from 'vitest';
import { downstream, next, node, read, tasks } from './model-reading.ts';

/** The condition on the flow into a step from the gateway before it, and how many ways leave that gateway. */
function decided(text: string, step: string) {
  const m = read(text);
  const gateway = m.nodes.find((n) => n.kind === 'exclusive' && next(m, n.id).some((x) => x.label === step));
  expect(gateway, `a gateway before "${step}"`).toBeDefined();
  const ways = m.flows.filter((f) => f.from === gateway!.id);
  return { m, ways: ways.length, condition: ways.find((f) => f.to === node(m, step).id)?.label };
}

describe('a found state before the thing', () => {
  it('"Damaged parcels are photographed" is the damaged way of the scan (logistics)', () => {
    const { m, ways, condition } = decided('The courier scans each parcel. Damaged parcels are photographed by the courier. The courier delivers the parcel.', 'Photograph parcels');
    expect([ways, condition]).toEqual([2, 'damaged']);
    expect(downstream(m, node(m, 'Photograph parcels'))).toContain('Deliver parcel');
  });

  it('"Urgent tickets are escalated" is a decision, not a step every ticket takes (IT support)', () => {
    const { condition } = decided('The agent reads each ticket. Urgent tickets are escalated to the on-call engineer. The agent answers the customer.', 'Escalate tickets');
    expect(condition).toBe('urgent');
  });

  it('"Unsigned contracts go back" decides after the check (HR)', () => {
    const { condition } = decided('HR checks the returned contracts. Unsigned contracts are sent back to the candidate by HR. HR then files the contract.', 'Send back contracts');
    expect(condition).toBe('unsigned');
  });

  it('a text that opens with the state is about such things: no decision (logistics)', () => {
    const m = read('A customer reports a damaged parcel. Damaged parcels are photographed by the courier. The courier delivers a new parcel.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
    expect(tasks(m)).toContain('Photograph damaged parcels');
  });
});

describe('a thing narrowed by a comparison with "than"', () => {
  it('"Milk warmer than 6 degrees is rejected" — a mass noun — ends its way (agriculture)', () => {
    const { m, condition } = decided('The driver measures the temperature. Milk warmer than 6 degrees is rejected. The driver pumps the milk into the tanker.', 'Reject milk');
    expect(condition).toBe('milk warmer than 6 degrees');
    expect(downstream(m, node(m, 'Reject milk'))).not.toContain('Pump milk into tanker');
  });

  it('"Invoices older than 30 days" are one way of a decision (finance)', () => {
    const { condition } = decided('The clerk sorts the invoices. Invoices older than 30 days are sent to collections by the clerk. The clerk files the invoices.', 'Send invoices');
    expect(condition).toBe('invoices older than 30 days');
  });

  it('"Bags heavier than 23 kg" are one way of a decision (travel)', () => {
    const { ways, condition } = decided('The porter weighs each bag. Bags heavier than 23 kg are charged extra. The agent prints the boarding pass.', 'Charge bags');
    expect([ways, condition]).toEqual([2, 'bags heavier than 23 kg']);
  });
});

describe('a participle before a thing narrowed by an amount', () => {
  it('"Approved claims over 1000 EUR also need sign-off from the finance director" decides inside the approved way (finance)', () => {
    const m = read('Employees submit their receipts. The line manager approves or rejects the claim. Approved claims over 1000 EUR also need sign-off from the finance director. Finance pays approved claims.');
    const split = m.nodes.find((n) => n.kind === 'exclusive' && m.flows.some((f) => f.from === n.id && f.label === 'claims over 1000 EUR'));
    expect(split).toBeDefined();
    expect(m.actors.map((a) => a.name)).toContain('Finance director');
  });
});

describe('a greeting before the request names the diagram', () => {
  it.each([
    ['Hi, we need a process for handling expense claims. Employees submit their receipts.', 'Handling expense claims'],
    ['Hello team, I need a diagram for our leave approval. The employee submits a request and the manager approves it.', 'Leave approval'],
  ])('%s', (text, name) => {
    const m = read(text);
    expect(m.name).toBe(name);
    expect(tasks(m).some((t) => /need|process|diagram/i.test(t ?? ''))).toBe(false);
  });
});
