// Sentences that are no steps of their own: a title that calls itself a process and says what for ("Claim handling
// for car insurance."), a requirement said not to be there ("For small orders no approval is required."); and a wait
// split off at its "until" is in the waiter's lane.
import { describe, expect, it } from 'vitest';
import { branches, downstream, laneOf, next, node, read, tasks } from './model-reading.ts';

describe('a process title with what it is for', () => {
  it.each([
    ['Claim handling for car insurance. The customer reports the damage online. The agent checks the policy.', 'Claim handling for car insurance', ['Report damage', 'Check policy']],
    ['Returns process, online shop. The customer sends the parcel back. The warehouse inspects the item.', 'Returns process', ['Send back parcel', 'Inspect item']],
    ['Incident handling in the data centre. The operator logs the incident. The engineer fixes it.', 'Incident handling in the data centre', ['Log incident', 'Fix incident']],
  ])('%s', (text, title, steps) => {
    const m = read(text);
    expect(m.name).toBe(title);
    expect(tasks(m)).toEqual(steps);
  });

  it('does not fire on a clause about a process: "Staff check the process for errors."', () => {
    const m = read('Staff check the process for errors. The manager signs it.');
    expect(tasks(m)[0]).toBe('Check process for errors');
  });
});

describe('a requirement said not to be there', () => {
  it('retail: "For small orders no approval is required" is the way past the approval', () => {
    const m = read('The clerk records the order. For small orders no approval is required. Otherwise the manager approves the order. The warehouse ships the order.');
    expect(tasks(m)).toEqual(['Record order', 'Approve order', 'Ship order']);
    expect(branches(m)).toContain('small orders');
    expect(downstream(m, node(m, 'Record order'))).toContain('Ship order');
  });

  it('software delivery: "For hotfixes no review is required" is no task, and the ticket is closed either way', () => {
    const m = read('The engineer deploys the patch. For hotfixes no review is required. Otherwise a reviewer checks the code. The engineer closes the ticket.');
    expect(tasks(m)).toEqual(['Deploy patch', 'Check code', 'Close ticket']);
    const gateway = next(m, node(m, 'Deploy patch').id)[0]!;
    expect(next(m, gateway.id).map((n) => n.kind)).toContain('exclusive');
  });

  it('health: "In minor cases no referral is required" is no task', () => {
    const m = read('The nurse triages the patient. In minor cases no referral is required. Otherwise the doctor writes a referral. The nurse discharges the patient.');
    expect(tasks(m)).toEqual(['Triage patient', 'Write referral', 'Discharge patient']);
  });

  it('does not fire on a step not done: "If the stock is sufficient, no order is placed" still ends its way', () => {
    const m = read('The planner checks the stock. If the stock is sufficient, no order is placed. Otherwise the buyer orders new parts.');
    expect(tasks(m)).toEqual(['Check stock', 'Order new parts']);
    expect(m.nodes.some((n) => n.kind === 'end' && n.label === 'Order not placed')).toBe(true);
  });
});

describe('a wait until an event', () => {
  it('logistics: the party named waiting holds the wait in its lane: "The driver waits until the truck is loaded"', () => {
    const m = read('The dispatcher assigns a driver. The driver waits until the truck is loaded. The driver delivers the goods.');
    expect(laneOf(m, 'Truck loaded')).toBe('Driver');
    expect(laneOf(m, 'Assign driver')).toBe('Dispatcher');
  });

  it('does not fire on an event: "waits until the form is returned" stays named for the return', () => {
    const m = read('The clerk sends the form. The clerk waits until the form is returned. The clerk files the form.');
    expect(next(m, node(m, 'Send form').id)[0]!.label).toBe('Form returned');
  });
});
