// Tagger slips that garbled labels: "right away" read as a noun "right" in the object ("Release away shipment
// right"), a noun after an article read as a verb ("registers for the resit" → "Resit in exam office"), and a
// heading "Resit of a failed exam:" too long for a title and taken for the first step.
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('tag slips that garbled labels', () => {
  it('"right away", "straight away" say when, in any domain', () => {
    expect(tasks(read('Customs either releases the shipment right away or selects it for inspection.'))).toEqual(['Release shipment', 'Select shipment for inspection']);
    expect(tasks(read('If the request fits into the free capacity, the platform team assigns a quota right away.'))).toEqual(['Assign quota']);
    expect(tasks(read('The clerk files the letter straight away. The manager signs it.'))).toEqual(['File letter', 'Sign letter']);
  });

  it('a word after an article and before a preposition is a noun, so the verb before it keeps its step', () => {
    expect(tasks(read('The student registers for the resit in the exam office. The exam office checks the attempts.'))[0]).toBe('Register for resit');
    expect(tasks(read('The tenant applies for the sublet at the housing office. The landlord signs the sublease.'))[0]).toMatch(/^(Apply|Request)/);
  });

  it('a heading with "of" before a colon names the diagram', () => {
    const m = read('Resit of a failed exam:\n1. The student registers for the resit in the exam office.\n2. The exam office checks the attempts.');
    expect(m.name).toBe('Resit of a failed exam');
    expect(tasks(m)).not.toContain('Resit of failed exam');
    expect(read('Handling of a customer complaint: the agent logs the complaint. The manager answers it.').name).toBe('Handling of a customer complaint');
  });

  it('a bare object after a note\'s verb is a noun, so the step is kept; a state after the verb is not an object', () => {
    expect(tasks(read('Guest check-out\nguest returns key\nreceptionist prints bill\nguest pays'))).toEqual(['Return key', 'Print bill', 'Pay bill']);
    expect(tasks(read('Pool car\nemployee books car\nemployee collects key\nemployee returns key'))).toContain('Return key');
    expect(tasks(read('The courier delivers the parcels. The courier returns empty. The clerk books the tour.'))).not.toContain('Return empty');
  });

  it('a note\'s party that English also uses as a verb ("couple requests date") acts, and is not in the label', () => {
    const m = read('civil marriage - registry office\ncouple requests date (online)\nregistrar examines docs\ncouple pays fee');
    expect(tasks(m)).toEqual(['Request date', 'Examine docs', 'Pay fee']);
    expect(m.actors.map((a) => a.name)).toContain('Couple');
  });

  it('one long note line does not run on into the next one', () => {
    const notes = 'Store returns\ncustomer brings the item back with the receipt and the original packaging if possible\ncashier checks receipt\ncashier refunds money';
    expect(tasks(read(notes))).toEqual(expect.arrayContaining(['Check receipt', 'Refund money']));
  });

  it('"the process ends" after a condition is its own clause, not part of the condition', () => {
    for (const text of [
      'The customer places an order. If the order is cancelled, the process ends. Otherwise the warehouse ships it.',
      'The agent opens the claim. If the policy has lapsed, the procedure ends. Otherwise the agent pays the claim.',
    ]) {
      const conditions = read(text).flows.map((f) => f.label ?? '').filter(Boolean);
      expect(conditions.filter((c) => /ends/.test(c))).toEqual([]);
      expect(conditions).toContain('otherwise');
    }
  });
});
