// "by the due date", "before the deadline", "before the end of the day": a deadline at a date set elsewhere; "we wait
// up to 5 days for the payment; if nothing arrives …": the longest wait, a timer on the wait. Both draw a boundary
// timer whose path is the late one, where a gateway used to stand.
import { describe, expect, it } from 'vitest';
import { downstream, next, node, read, tasks } from './model-reading.ts';
import type { ProcessModel } from '../../../../src/generate/model.ts';

const timerOn = (m: ProcessModel, host: string) => m.nodes.find((n) => n.kind === 'boundary' && n.attachedTo === node(m, host)?.id);
const gateways = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'exclusive');

describe('deadlines at a named date', () => {
  it('finance: "if the payment has not come in by the due date" is a timer on the wait for the payment', () => {
    const m = read('The accountant sends the invoice to the client. If the payment has not come in by the due date, the accountant sends a reminder. When the payment arrives, the accountant books it.');
    const timer = timerOn(m, 'Wait for payment');
    expect(timer?.label).toBe('Due date');
    expect(next(m, timer!.id).map((n) => n.label)).toEqual(['Send reminder']);
    expect(gateways(m)).toEqual([]);
  });

  it('logistics: "misses the deadline" after "has to confirm pickup before the deadline" is the timer\'s path', () => {
    const m = read('The store sends the order to the courier. The courier has to confirm pickup before the deadline. If the courier misses the deadline, the store books another courier. The courier delivers the parcel.');
    const timer = timerOn(m, 'Confirm pickup');
    expect(timer?.label).toBe('Deadline');
    expect(downstream(m, timer!)).toContain('Book courier');
    expect(downstream(m, node(m, 'Confirm pickup'))).toContain('Deliver parcel');
  });

  it('health: "does not arrive before the end of the day" is a timer on the wait for the delivery', () => {
    const m = read('The pharmacist orders the medicine from the wholesaler. If the delivery does not arrive before the end of the day, the pharmacist calls the wholesaler. The pharmacist then dispenses the medicine.');
    const timer = timerOn(m, 'Wait for delivery');
    expect(timer?.label).toBe('End of day');
    expect(next(m, timer!.id).map((n) => n.label)).toEqual(['Call wholesaler']);
  });

  it('education: a step due "by the agreed date" with no late path keeps the date in its label', () => {
    const m = read('The teacher posts the assignment. The students submit the essay by the agreed date. The teacher grades the essays.');
    expect(tasks(m)).toContain('Submit essay by agreed date');
    expect(m.nodes.some((n) => n.kind === 'boundary')).toBe(false);
  });
});

describe('the longest wait', () => {
  it('retail: "we wait up to 5 days for the payment, and if nothing arrives we cancel the order"', () => {
    const m = read('The customer places an order. We wait up to 5 days for the payment, and if nothing arrives we cancel the order. Otherwise the warehouse ships the goods.');
    const wait = node(m, 'Wait for payment');
    expect(wait.taskType).toBe('receive');
    const timer = timerOn(m, 'Wait for payment');
    expect(timer?.label).toBe('5 days');
    expect(downstream(m, timer!)).toContain('Cancel order');
    expect(downstream(m, timer!)).not.toContain('Ship goods');
    expect(next(m, wait.id).map((n) => n.label)).toEqual(['Ship goods']);
  });

  it('public administration: "waits for the fee payment for up to 7 days. If no payment is received …"', () => {
    const m = read('The applicant submits the form. The office waits for the fee payment for up to 7 days. If no payment is received, the office rejects the application. The office processes the application.');
    const timer = timerOn(m, 'Wait for fee payment');
    expect(timer?.label).toBe('7 days');
    expect(downstream(m, timer!)).toContain('Reject application');
    expect(downstream(m, node(m, 'Wait for fee payment'))).toContain('Process application');
    expect(gateways(m)).toEqual([]);
  });

  it('manufacturing: "waits at most 2 days for approval. If nothing comes back, …" and the wait drawn is the one awaited', () => {
    const m = read('The planner sends the schedule to the plant manager and waits at most 2 days for the approval. If nothing comes back, the planner escalates the schedule to the director. The planner releases the schedule.');
    const timer = timerOn(m, 'Wait for approval');
    expect(timer?.label).toBe('2 days');
    expect(downstream(m, timer!)).toContain('Escalate schedule');
  });

  it('it operations: "waits for approval. If there is no approval after 2 days" hangs the timer on that wait, not a second one', () => {
    const m = read('The engineer submits the change and waits for approval. If there is no approval after 2 days, the engineer escalates the change to the manager. The engineer deploys the change.');
    expect(m.nodes.filter((n) => /approval/i.test(n.label)).map((n) => n.label)).toEqual(['Wait for approval']);
    expect(timerOn(m, 'Wait for approval')?.label).toBe('2 days');
  });
});
