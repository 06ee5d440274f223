import { describe, expect, it } from 'vitest';
import { readContextHints } from '../../../src/generate/context/hints.ts';

describe('reading folder contexts', () => {
  it('reads terms, lanes, the speaker, label case and language', () => {
    const hints = readContextHints([
      "Say 'client', not 'customer'. We write \"ticket\" instead of \"case\".",
      'Our lanes are: Front office, Finance and Legal.',
      'We are the accounts payable team. Labels in Title Case. Write labels in German.',
    ]);
    expect(hints.terms).toEqual([{ from: 'customer', to: 'client' }, { from: 'case', to: 'ticket' }]);
    expect(hints.lanes).toEqual(['Front office', 'Finance', 'Legal']);
    expect(hints.speaker).toBe('accounts payable team');
    expect(hints.labelCase).toBe('title');
    expect(hints.language).toBe('german');
  });

  it('lets an inner folder override an outer one, term by term and for the whole lane list', () => {
    const hints = readContextHints(["Say 'client', not 'customer'. Lanes: Sales, Warehouse", "Say 'account holder', not 'customer'.", 'Our teams are: Sales and Support']);
    expect(hints.terms).toEqual([{ from: 'customer', to: 'account holder' }]);
    expect(hints.lanes).toEqual(['Sales', 'Support']);
  });

  it('finds nothing in a context that asks for nothing', () => {
    expect(readContextHints(['Acme accounting, founded 1999. Our teams are spread over three sites.'])).toEqual({ terms: [], lanes: [], speaker: null, labelCase: 'sentence', language: null });
  });
});
