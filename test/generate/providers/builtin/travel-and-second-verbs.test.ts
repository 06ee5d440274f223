// Steps that were lost because the tagger read their verb as a noun: travelling somewhere ("drives to the
// customer", "the drivers return to the depot"), a second verb with its particle ("and hand over the parcels"), and
// objects read as people or describing words ("approves the grant", "sends the offer right away").
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('travelling and second verbs', () => {
  it('a verb of travelling after "and" is a step of its own, in any domain', () => {
    expect(tasks(read('The drivers load the vans and drive to the customers.'))).toEqual(['Load vans', 'Drive to customers']);
    expect(tasks(read('The driver loads the van and drives to the customer.'))).toEqual(['Load van', 'Drive to customer']);
    expect(tasks(read('The technician packs the tools and travels to the site. He repairs the pump.'))).toEqual(['Pack tools', 'Travel to site', 'Repair pump']);
  });

  it('people in the plural with a verb and a preposition act', () => {
    expect(tasks(read('At noon the drivers return to the depot and hand over the undelivered parcels.'))).toEqual(['Return to depot', 'Hand over undelivered parcels']);
    expect(tasks(read('The nurses walk to the ward. The doctors examine the patients.'))).toEqual(['Walk to ward', 'Examine patients']);
  });

  it('a second verb keeps its particle, but "in" after a noun stays a preposition', () => {
    expect(tasks(read('The student writes the essay and hands in the paper.'))).toEqual(['Write essay', 'Hand in paper']);
    expect(tasks(read('Give the injection and record batch number and site in the vaccination record.'))).not.toContain('Site in vaccination record');
  });
});

describe('things that looked like people or describing words', () => {
  it('"the grant" is a thing in hand, so "it" means it', () => {
    expect(tasks(read('The clerk sends a letter. The panel approves the grant and finance pays it out.'))).toEqual(['Send letter', 'Approve grant', 'Pay out grant']);
  });

  it('"the offer" before an adverb is the object', () => {
    expect(tasks(read('The manager checks the CV. HR sends the offer right away.'))).toEqual(['Check CV', 'Send offer']);
  });

  it('"the rest" of things sorted by a describing word are the plain things', () => {
    expect(tasks(read('The librarians count the books. Missing books are written off; the rest are relabelled.'))).toContain('Relabel books');
  });
});
