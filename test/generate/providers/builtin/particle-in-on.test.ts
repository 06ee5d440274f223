// "the traveller hands in the receipts and finance settles them": "in" and "on" after the verbs that take them as
// particles ("hand in", "fill in", "pass on") mark the verb the tagger read as a plural noun; before, the step was lost
// and the next party's step went to the wrong lane.
import { describe, expect, it } from 'vitest';
import { laneOf, read, tasks } from './model-reading.ts';

describe('"hands in", "fills in", "passes on" after their subject', () => {
  it.each([
    ['The traveller collects the tickets. The traveller hands in the receipts and finance settles them.', 'Hand in receipts', 'Settle receipts', 'Finance'],
    ['The patient fills in the form and the nurse checks it.', 'Fill in form', 'Check form', 'Nurse'],
    ['The receptionist passes on the request and the technician fixes the boiler.', 'Pass on request', 'Fix boiler', 'Technician'],
  ])('%s', (text, first, second, lane) => {
    const model = read(text);
    expect(tasks(model)).toEqual(expect.arrayContaining([first, second]));
    expect(laneOf(model, second)).toBe(lane);
  });
});
