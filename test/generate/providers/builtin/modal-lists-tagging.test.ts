import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read } from './model-reading.ts';

describe('a listed verb after a modal that the tagger took for a noun still shares the subject and makes no lane', () => {
  it('public administration: "the citizen may pay, appeal or withdraw the request"', () => {
    const m = read('The clerk checks the form. The citizen may pay, appeal or withdraw the request.');
    expect(laneOf(m, 'Withdraw request')).toBe('Citizen');
    expect(lanes(m)).toEqual(['Clerk', 'Citizen']);
  });

  it('education: "parents should read, sign and return the slip"', () => {
    const m = read('The school sends the letter. Parents should read, sign and return the slip.');
    expect(laneOf(m, 'Return slip')).toBe('Parents');
    expect(lanes(m)).toEqual(['School', 'Parents']);
  });

  it('IT operations: verbs tagged as verbs are unchanged', () => {
    const m = read('The engineer can restart, patch or replace the server. The engineer closes the ticket.');
    expect(lanes(m)).toEqual(['Engineer']);
    expect(laneOf(m, 'Replace server')).toBe('Engineer');
  });
});
