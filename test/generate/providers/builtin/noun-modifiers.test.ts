import { describe, expect, it } from 'vitest';
import { laneOf, read, tasks } from './model-reading.ts';

describe('an -ing word before a noun inside a subject or object describes the noun', () => {
  it('after the verb, it stays in the object and the verb keeps its step', () => {
    const legal = read('The paralegal contacts opposing counsel. Then the paralegal files the motion.');
    expect(tasks(legal)).toEqual(['Contact opposing counsel', 'File motion']);
    const purchasing = read('The planner contacts existing suppliers. Then the buyer places the order.');
    expect(tasks(purchasing)).toEqual(['Contact existing suppliers', 'Place order']);
    expect(tasks(read('The teller checks incoming transfers. Then the teller books them.'))[0]).toBe('Check incoming transfers');
  });

  it('inside the subject, it is part of who acts', () => {
    const logistics = read('The goods receiving clerk checks the delivery. Then the clerk stores the goods.');
    expect(tasks(logistics)[0]).toBe('Check delivery');
    expect(laneOf(logistics, 'Check delivery')).toBe('Goods receiving clerk');
    const insurance = read('The claims handling team reviews the claim. Then the adjuster visits the site.');
    expect(laneOf(insurance, 'Review claim')).toBe('Claims handling team');
  });

  it('a gerund object after a verb is still the work', () => {
    expect(tasks(read('The clerk starts processing invoices. Then the manager approves them.'))[0]).toMatch(/process/i);
  });
});

describe('a time phrase opening a sentence is not its subject', () => {
  it('"the next day", "the following week" leave the actor and verb alone', () => {
    const qa = read('The next day the team checks the results. Then the lead reports them.');
    expect(tasks(qa)).toEqual(['Check results', 'Report results']);
    expect(laneOf(qa, 'Check results')).toBe('Team');
    const audit = read('The following week the auditor visits the plant. Then the plant manager signs the report.');
    expect(laneOf(audit, 'Visit plant')).toBe('Auditor');
  });
});
