// Words that stand in for the things in hand ("the rest", "the others", "the ones worth …") and a passive that gives
// something to a party ("the others are sent a rejection"): the label names the thing, never "rest" or "others".
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('the rest, the others, the ones', () => {
  it('names what is left of the things in hand, in any domain', () => {
    expect(tasks(read('The committee opens the offers, excludes those that do not meet the requirements and evaluates the rest.'))).toEqual(['Open offers', 'Exclude offers', 'Evaluate offers']);
    expect(tasks(read('The product manager goes through the ideas and picks the ones worth exploring; the rest are archived.'))).toEqual(['Go through ideas', 'Pick ideas', 'Archive ideas']);
    expect(tasks(read('The lab tests the samples. Damaged samples are discarded. All others are labelled and released.'))).toEqual(expect.arrayContaining(['Label samples', 'Release samples']));
    expect(tasks(read('The clerk sorts the letters. Urgent letters go to the manager; the rest are filed.'))).toContain('File letters');
  });

  it('"the rest of …" names what follows "of"', () => {
    expect(tasks(read('The auditor checks the first ten invoices. The clerk books the rest of the invoices.'))).toContain('Book invoices');
  });
});

describe('a passive that gives something', () => {
  it('makes its subject the receiver and the thing given the object', () => {
    expect(tasks(read('The committee scores the applications. Applicants above the cut-off are invited to an interview; the others are sent a rejection.'))).toContain('Send rejection');
    expect(tasks(read('The teacher marks the tests. The best students are given a prize.'))).toContain('Give prize');
  });

  it('leaves a time after the verb alone', () => {
    expect(tasks(read('The warehouse packs the parcel. The parcel is sent the next day.'))).toEqual(['Pack parcel', 'Send parcel']);
  });
});
