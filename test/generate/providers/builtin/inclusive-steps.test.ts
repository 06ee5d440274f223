// Work any part of which may be done is an inclusive choice: two steps joined by "and/or", and a list offered with
// "any of the following", "one or several of", "some or all of".
import { describe, expect, it } from 'vitest';
import { next, node, read, tasks } from './model-reading.ts';

const kinds = (m: ReturnType<typeof read>) => m.nodes.filter((n) => n.kind !== 'task').map((n) => n.kind);

describe('two steps joined by "and/or"', () => {
  it('are the branches of an inclusive split and join (IT operations)', () => {
    const m = read('The technician checks the server. The technician restarts the service and/or clears the cache. The technician closes the ticket.');
    const split = next(m, node(m, 'Check server').id)[0]!;
    expect(split.kind).toBe('inclusive');
    expect(next(m, split.id).map((n) => n.label)).toEqual(['Restart service', 'Clear cache']);
    expect(next(m, node(m, 'Clear cache').id)[0]!.kind).toBe('inclusive');
  });

  it('keep a second step with its own object and receiver (publishing)', () => {
    const m = read('The editor reads the draft. The editor then shortens the text and/or asks the author for changes. The editor publishes the article.');
    expect(tasks(m)).toEqual(['Read draft', 'Shorten text', 'Ask author for changes', 'Publish article']);
    expect(kinds(m)).toContain('inclusive');
  });

  it('leave means after a preposition as one step (customer service)', () => {
    const m = read('The clerk contacts the customer by phone and/or email. The clerk files the case.');
    expect(kinds(m)).not.toContain('inclusive');
  });
});

describe('options offered with "any of", "one or several of"', () => {
  it('"may order any of: steel, copper, plastic" is one step per option (manufacturing)', () => {
    const m = read('The planner checks the stock. The planner may order any of: steel, copper, plastic. The planner updates the plan.');
    expect(tasks(m)).toEqual(['Check stock', 'Order steel', 'Order copper', 'Order plastic', 'Update plan']);
    expect(kinds(m).filter((k) => k === 'inclusive')).toHaveLength(2);
  });

  it('"recommends one or several of the following: …" (finance)', () => {
    const m = read('The advisor meets the client. The advisor recommends one or several of the following: a savings plan, a pension fund, an insurance policy. The advisor writes the summary.');
    expect(tasks(m)).toContain('Recommend pension fund');
    expect(kinds(m)).toContain('inclusive');
  });

  it('"if any of the forms is missing" stays a condition (public administration)', () => {
    const m = read('The clerk checks the forms. If any of the forms is missing, the clerk calls the applicant. The clerk files the case.');
    expect(kinds(m)).not.toContain('inclusive');
    expect(kinds(m)).toContain('exclusive');
  });
});
