// "needs a traffic order", "a patient needs a specialist", "this description is intended for …": a need or an
// intention is a state, never a step "Need …" or "Intend …"; "needs to sign" (a catenative) is still the signing.
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('needing and intending', () => {
  it('make no step, in any domain', () => {
    for (const text of [
      'Roadworks by utility companies need a traffic order. The company applies for the order. The council reviews the application.',
      'When a doctor decides that a patient needs a specialist, she writes a referral letter. The hospital books an appointment.',
      'A new tool needs several checks. The team submits a request. Security reviews the questionnaire.',
      'This guideline is intended for new caseworkers. The applicant submits the form. The caseworker registers the application.',
    ]) {
      expect(tasks(read(text)).filter((l) => /^(Need|Intend)\b/.test(l))).toEqual([]);
      expect(tasks(read(text)).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('"needs to" before a verb is that verb\'s step', () => {
    expect(tasks(read('The tenant needs to sign the lease. The landlord hands over the keys.'))).toEqual(['Sign lease', 'Hand over keys']);
  });
});
