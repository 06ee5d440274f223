import { describe, expect, it } from 'vitest';
import { termReplacer } from '../../../src/generate/context/terms.ts';

const replace = (text: string, ...terms: Array<[string, string]>) => termReplacer(terms.map(([to, from]) => ({ from, to })))(text);

describe('preferred terms', () => {
  it('replace whole words, keeping the case of the word they replace', () => {
    expect(replace('Customer premium customer?', ['client', 'customer'])).toBe('Client premium client?');
    expect(replace('CUSTOMER DATA', ['client', 'customer'])).toBe('CLIENT DATA');
    expect(replace("the customer's order", ['client', 'customer'])).toBe("the client's order");
    expect(replace('Customerise the customers list', ['client', 'customer'])).toBe('Customerise the clients list');
  });

  it('replace plurals with the plural of the preferred term', () => {
    expect(replace('Notify parties', ['stakeholder', 'party'])).toBe('Notify stakeholders');
    expect(replace('Pack boxes and box labels', ['crate', 'box'])).toBe('Pack crates and crate labels');
  });

  it('never replace a replacement again: two terms that swap stay swapped', () => {
    expect(replace('Call client, then customer', ['client', 'customer'], ['customer', 'client'])).toBe('Call customer, then client');
  });

  it('leave a word alone that is already inside the preferred phrase', () => {
    expect(replace('Check order and purchase order', ['purchase order', 'order'])).toBe('Check purchase order and purchase order');
    expect(replace('Send orders', ['purchase order', 'order'])).toBe('Send purchase orders');
  });

  it('prefer the longer term where two overlap, across any spacing', () => {
    expect(replace('Call customer  service', ['client', 'customer'], ['service desk', 'customer service'])).toBe('Call service desk');
  });
});
