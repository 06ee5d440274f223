// Verbs the tagger takes for nouns after an opening phrase ("Every morning the chef orders milk", "When the stock runs
// low, the chef orders milk"), businesses named for what they are ("the dairy delivers"), and a change of state as the
// start event ("Stock low"). Held-out set F: whole steps were lost this way.
import { describe, expect, it } from 'vitest';
import { laneOf, read, tasks } from './model-reading.ts';

describe('a verb in -s after an opening time phrase or a comma is found', () => {
  it.each([
    ['Every morning the chef orders milk from the dairy. The porter stores the milk.', 'Order milk', 'Chef'],
    ['Each Monday the planner orders parts from the depot. The fitter installs the parts.', 'Order parts', 'Planner'],
    ['When the stock runs low, the chef orders milk. The porter stores the milk.', 'Order milk', 'Chef'],
    ['When the queue gets long, the supervisor opens a second counter. The cashier serves the customers.', 'Open second counter', 'Supervisor'],
  ])('%s', (text, step, lane) => {
    const m = read(text);
    expect(tasks(m)).toContain(step);
    expect(laneOf(m, step)).toBe(lane);
  });
});

describe('a business named for what it is acts', () => {
  it.each([
    ['The chef orders milk. The dairy delivers within 2 hours. The porter stores the milk.', 'Dairy'],
    ['The pub orders beer. The brewery delivers the kegs. The landlord taps the kegs.', 'Brewery'],
    ['The student requests the book. The library sends a notice. The student collects the book.', 'Library'],
  ])('%s', (text, lane) => {
    expect(read(text).actors.map((a) => a.name)).toContain(lane);
  });
});

describe('a change of state that starts the process is named by the state reached', () => {
  it.each([
    ['When the stock runs low, the chef orders milk.', 'Stock low'],
    ['When the tank gets empty, the operator orders fuel.', 'Tank empty'],
  ])('%s', (text, start) => {
    expect(read(text).nodes.find((n) => n.kind === 'start')?.label).toBe(start);
  });
});

describe('a note\'s opening aside to its readers is no step and no lane', () => {
  it.each([
    ['Heads up team - when the stock runs low the chef orders milk, the supplier delivers it and the porter stores it.', ['Order milk', 'Deliver milk', 'Store milk']],
    ['FYI: the clerk scans the invoice and the manager approves it.', ['Scan invoice', 'Approve invoice']],
    ['Quick note for newcomers: the nurse books the scan. The radiographer performs the scan.', ['Book scan', 'Perform scan']],
  ])('%s', (text, steps) => {
    const m = read(text);
    expect(tasks(m)).toEqual(steps);
    expect(m.actors.map((a) => a.name.toLowerCase())).not.toContain(expect.stringMatching(/heads|fyi|note/));
  });
});

describe('", where …," after "and" is a condition; after a noun it is a relative', () => {
  it.each([
    ['The clerk checks the form and, where something is missing, asks the applicant for it. The clerk then files the form.', 'something missing', 'Ask'],
    ['The mechanic inspects the car and, where parts are worn, replaces them. The mechanic then returns the keys.', 'parts worn', 'Replace'],
    ['The auditor reviews the ledger and, wherever entries lack receipts, flags them. The auditor signs the report.', 'entries lack receipts', 'Flag'],
  ])('%s', (text, condition, verb) => {
    // (The branch's step; "them" still points at the thing checked, not the plural in the condition — not fixed here.)
    const m = read(text);
    const branch = m.flows.find((f) => f.label === condition);
    expect(m.nodes.find((n) => n.id === branch?.to)?.label.split(' ')[0]).toBe(verb);
  });

  it('keeps ", where it is archived" after a place as no choice', () => {
    const m = read('The clerk sends the file to the archive, where it is kept. The clerk informs the manager.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });
});

describe('a weekday schedule said with "each" or a plural starts the process on a cycle timer', () => {
  it.each([
    ['Each Monday the planner orders parts from the depot. The fitter installs the parts.', 'Each Monday'],
    ['On Fridays the clerk archives the files. The manager signs the log.', 'On Fridays'],
  ])('%s', (text, label) => {
    const start = read(text).nodes.find((n) => n.kind === 'start')!;
    expect(start.label).toBe(label);
    expect(start.timer).toEqual({ kind: 'cycle', value: 'R/P1W' });
  });

  it('"On Friday" is one day, no schedule', () => {
    expect(read('On Friday the clerk archives the files. The manager signs the log.').nodes.find((n) => n.kind === 'start')?.timer).toBeUndefined();
  });
});
