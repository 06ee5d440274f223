// Notes and short prompts drop articles ("agent checks policy") and list a check before its choice ("checks the
// policy, approves or rejects"): each clause is still a step, in its doer's lane, and the check comes before the choice.
import { describe, expect, it } from 'vitest';
import { branches, laneOf, lanes, next, node, read, tasks } from './model-reading.ts';

describe('clauses whose subject has no article', () => {
  it('"Customer submits claim, agent checks policy, agent pays out" keeps every step and lane (insurance)', () => {
    const m = read('Customer submits claim, agent checks policy, agent pays out.');
    expect(tasks(m)).toEqual(['Submit claim', 'Check policy', 'Pay out']);
    expect(laneOf(m, 'Check policy')).toBe('Agent');
  });

  it('"Nurse takes blood, lab analyses sample, doctor reviews results" is three parties (health)', () => {
    const m = read('Nurse takes blood, lab analyses sample, doctor reviews results.');
    expect(tasks(m)).toEqual(['Take blood', 'Analyse sample', 'Review results']);
    expect(lanes(m)).toEqual(['Nurse', 'Lab', 'Doctor']);
  });

  it('"Planner books truck, driver collects load" (logistics)', () => {
    const m = read('Planner books truck, driver collects load, warehouse stores pallets.');
    expect(laneOf(m, 'Collect load')).toBe('Driver');
    expect(laneOf(m, 'Store pallets')).toBe('Warehouse');
  });
});

describe('a check listed before the choice it informs', () => {
  it('"checks policy, approves or rejects" checks first, then chooses (insurance)', () => {
    const m = read('Customer submits claim, agent checks policy, approves or rejects, pays out.');
    expect(next(m, node(m, 'Check policy').id)[0]!.kind).toBe('exclusive');
    expect(branches(m)).toEqual(['approved', 'rejected']);
  });

  it('"reviews the request, approves it or rejects it" (HR)', () => {
    const m = read('The manager reviews the leave request, approves it or rejects it.');
    expect(next(m, node(m, 'Review leave request').id)[0]!.kind).toBe('exclusive');
    expect(branches(m)).toHaveLength(2);
  });

  it('a list without a check stays one set of alternatives (purchasing)', () => {
    const m = read('The buyer can approve the order, reject it outright, or send it back.');
    expect(branches(m)).toHaveLength(3);
  });
});
