import { describe, expect, it } from 'vitest';
import { branches, laneOf, read, tasks } from './model-reading.ts';

describe('kinds of people set against each other in parallel clauses are the cases of one choice', () => {
  it('two kinds of person told apart by who they are (leisure, education, public administration)', () => {
    const m = read('Adults pay full price; children get a discount.');
    expect(branches(m)).toEqual(['adult', 'child']);
    expect(tasks(m)).toEqual(['Pay full price', 'Get discount']);
    expect(branches(read('Students show their card; staff use their badge.'))).toEqual(['student', 'staff']);
    expect(branches(read('Seniors receive a voucher; pensioners get a refund.'))).toEqual(['senior', 'pensioner']);
  });

  it('a clause that acts on what the first did is a next step, not a case (hospitality, software)', () => {
    expect(branches(read('Customers order the meal; staff cook it.'))).toEqual([]);
    const m = read('Senior engineers design the system; junior engineers build it.');
    expect(branches(m)).toEqual([]);
    expect(tasks(m)).toEqual(['Design system', 'Build system']);
  });
});

describe('three or more kinds in one sentence, the thing or its verb left out after the first', () => {
  it('each case is a branch of one choice (logistics, IT ops, insurance, loyalty)', () => {
    const orders = read('Small orders ship the same day, medium ones within two days and large ones are quoted first.');
    expect(branches(orders)).toEqual(['small', 'medium', 'large']);
    expect(tasks(orders)).toEqual(['Ship order', 'Ship medium orders within 2 days', 'Quote order']);
    const incidents = read('Minor incidents are closed by the desk, major ones by the on-call engineer and critical ones by the duty manager.');
    expect(branches(incidents)).toEqual(['minor', 'major', 'critical']);
    expect(laneOf(incidents, 'Close critical incidents')).toBe('Duty manager');
    expect(branches(read('Routine claims are paid by the clerk, complex ones are checked by the adjuster.'))).toEqual(['routine', 'complex']);
    expect(branches(read('Bronze members get a letter, silver get a callback and gold get a visit.'))).toEqual(['bronze', 'silver', 'gold']);
  });
});
