import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read } from './model-reading.ts';

describe('a step said as an order to the reader is the narrator organisation\'s, not the outside party\'s who acted last', () => {
  it('retail: the checks after the customer orders are not the customer\'s', () => {
    const m = read('The customer places an order online. Check the stock. Then ship the order and send the invoice.');
    expect(laneOf(m, 'Place order')).toBe('Customer');
    for (const step of ['Check stock', 'Ship order', 'Send invoice']) expect(laneOf(m, step)).toBe('Company');
  });

  it('insurance: both answers of a decision stay with the narrator', () => {
    const m = read('The customer submits a claim. Check the policy. If it is covered, pay the claim. Otherwise reject it.');
    expect(laneOf(m, 'Pay claim')).toBe('Company');
    expect(laneOf(m, 'Reject claim')).toBe('Company');
  });

  it('health: a served party who calls does not book their own appointment', () => {
    expect(laneOf(read('A patient calls the clinic. Book an appointment. Send a reminder.'), 'Book appointment')).toBe('Company');
  });

  it('logistics: after an internal role an order keeps that role\'s lane, adding no narrator lane', () => {
    const m = read('The clerk receives the order. Check the stock. Ship the order.');
    expect(lanes(m)).toEqual(['Clerk']);
  });
});
