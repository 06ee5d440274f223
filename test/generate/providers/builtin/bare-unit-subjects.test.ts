// A unit named without an article before its verb ("then staff checks the card", "provisioning activates the SIM")
// is the one who acts, not an order "Staff the card".
import { describe, expect, it } from 'vitest';
import { laneOf, read, tasks } from './model-reading.ts';

describe('bare unit subjects', () => {
  it('reads "then staff checks" as the staff checking (health)', () => {
    const m = read('The patient arrives. Then staff checks the insurance card.');
    expect(tasks(m)).toEqual(['Check insurance card']);
    expect(laneOf(m, 'Check insurance card')).toBe('Staff');
  });

  it('reads "otherwise staff sends" on the other branch (retail)', () => {
    const m = read('The customer returns the item. If it is damaged, support opens a claim. Otherwise staff sends the item back.');
    expect(tasks(m)).toEqual(['Return item', 'Open claim', 'Send back item']);
    expect(laneOf(m, 'Send back item')).toBe('Staff');
  });

  it('reads a department in -ing at the start as who acts (telecom), and leaves orders with a time alone (logistics)', () => {
    const m = read('The agent confirms the order. provisioning activates the line and billing creates the account.');
    expect(tasks(m)).toEqual(['Confirm order', 'Activate line', 'Create account']);
    expect(laneOf(m, 'Activate line')).toBe('Provisioning');
    const l = read('Pick the orders. Then ship parcels the same day.');
    expect(tasks(l)).toEqual(['Pick orders', 'Ship parcels']);
  });
});
