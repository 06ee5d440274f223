// "checks whether the form is complete": the quality asked about is what is checked ("Check form completeness"),
// and the thing that has it stays the thing in hand.
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('a question whether something has a quality', () => {
  it.each([
    ['The clerk checks whether the form is complete. If it is, she files it.', ['Check form completeness', 'File form']],
    ['The accountant verifies whether the invoice is correct. Then he books it.', ['Verify invoice correctness', 'Book invoice']],
    ['The officer checks whether the applicant is eligible. If so, she approves the grant.', ['Check applicant eligibility', 'Approve grant']],
    ['The pharmacist checks whether the medicine is available. If so, she hands it over.', ['Check medicine availability', 'Hand over medicine']],
  ])('%s', (text, steps) => {
    expect(tasks(read(text))).toEqual(steps);
  });

  it('names the diagram for the thing, not its quality', () => {
    expect(read('The clerk checks whether the form is complete. If it is, she files it.').name).toBe('Form handling');
  });

  it('leaves a question of two states as it was: the states are the condition', () => {
    expect(tasks(read('The clerk checks whether the form is complete and signed. If so, she files it.'))[0]).toBe('Check form');
  });
});
