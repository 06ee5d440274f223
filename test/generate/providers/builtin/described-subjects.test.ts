import { describe, expect, it } from 'vitest';
import { laneOf, read } from './model-reading.ts';

describe('a participle opening a passive sentence describes its subject; the agent after "then …" does the step', () => {
  it('public administration: "Missing papers are then supplied by the customer"', () => {
    const m = read('The clerk checks the form. Missing papers are then supplied by the customer.');
    expect(laneOf(m, 'Supply missing papers')).toBe('Customer');
  });

  it('logistics: "Remaining items are then packed by the picker"', () => {
    const m = read('The clerk checks the order. Remaining items are then packed by the picker.');
    expect(laneOf(m, 'Pack remaining items')).toBe('Picker');
    expect(laneOf(m, 'Check order')).toBe('Clerk');
  });

  it('education: "Missing grades are then entered by the secretary"', () => {
    const m = read('The teacher marks the exam. Missing grades are then entered by the secretary.');
    expect(laneOf(m, 'Enter missing grades')).toBe('Secretary');
  });
});
