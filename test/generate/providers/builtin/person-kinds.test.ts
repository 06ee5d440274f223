import { describe, expect, it } from 'vitest';
import { branches, read, tasks } from './model-reading.ts';

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
