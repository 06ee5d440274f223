import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read } from './model-reading.ts';

describe('a role named with a word saying where it works gets a lane of its own', () => {
  it('logistics: "the lot attendant takes the keys" — not the customer before it', () => {
    const m = read('A customer parks the car. The lot attendant takes the keys and issues a ticket. The cashier collects the fee.');
    expect(laneOf(m, 'Take keys')).toBe('Lot attendant');
    expect(laneOf(m, 'Issue ticket')).toBe('Lot attendant');
    expect(laneOf(m, 'Park car')).toBe('Customer');
  });

  it('health: "the parking attendant checks the permit"', () => {
    const m = read('The patient arrives. The parking attendant checks the permit. The receptionist registers the patient.');
    expect(laneOf(m, 'Check permit')).toBe('Parking attendant');
  });

  it('retail: the stations of a kitchen act, each in its lane', () => {
    const m = read('The waiter takes the order. The grill station cooks the meat while the cold station prepares the salad. The waiter serves the dish.');
    expect(lanes(m)).toEqual(['Waiter', 'Grill station', 'Cold station']);
    expect(laneOf(m, 'Cook meat')).toBe('Grill station');
    expect(laneOf(m, 'Prepare salad')).toBe('Cold station');
  });
});
