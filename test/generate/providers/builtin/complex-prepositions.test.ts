import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('a complex preposition ("with regard to", "on the basis of") is never cut into a label', () => {
  it('the label keeps verb and object, without a tail ending in the preposition\'s noun', () => {
    expect(tasks(read('The officer reviews the case with regard to the eligibility rules. Then the officer files it.'))[0]).toBe('Review case');
    expect(tasks(read('The team prices the order on the basis of the quote. Then the manager approves it.'))[0]).toBe('Price order');
    expect(tasks(read('The nurse informs the family in line with the hospital policy. Then the doctor signs the form.'))[0]).toBe('Inform family');
    expect(tasks(read('The clerk files the claim on behalf of the customer. Then the adjuster reviews it.'))).toEqual(['File claim', 'Review claim']);
    expect(tasks(read('The engineer patches the server in accordance with the policy. Then the engineer logs the change.'))).toEqual(['Patch server', 'Log change']);
  });

  it('an ordinary complement that names the step stays', () => {
    expect(tasks(read('The clerk checks the form for completeness. Then the clerk files it.'))[0]).toBe('Check form for completeness');
  });
});
