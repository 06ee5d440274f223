// Beside accepting, a way that leaves with nothing done ("or take the bike back unrepaired", "or walk away") is the
// refusal and ends; a way that goes on talking ("or make a counter-offer") does not.
import { describe, expect, it } from 'vitest';
import { downstream, next, node, read } from './model-reading.ts';

describe('accepting or leaving', () => {
  it('"can accept the quote or take the bike back" ends the taking back (retail repair)', () => {
    const m = read('The mechanic gives the customer a quote. The customer can accept it or take the bike back unrepaired. The mechanic then repairs the bike.');
    expect(next(m, node(m, 'Take back bike').id).map((n) => [n.kind, n.label])).toEqual([['end', 'Quote not accepted']]);
    expect(downstream(m, node(m, 'Accept quote'))).toContain('Repair bike');
  });

  it('"accept the offer or walk away" (car sales)', () => {
    const m = read('The dealer makes an offer. The customer can accept the offer or walk away. The dealer then prepares the contract.');
    expect(next(m, node(m, 'Walk away').id)[0]!.kind).toBe('end');
    expect(downstream(m, node(m, 'Accept offer'))).toContain('Prepare contract');
  });

  it('"sign the contract or pull out" (HR)', () => {
    const m = read('HR sends the contract. The candidate can sign the contract or pull out. HR then orders a laptop.');
    expect(next(m, node(m, 'Pull out').id)[0]!.kind).toBe('end');
  });

  it('a counter-offer goes on (housing)', () => {
    const m = read('The landlord sends the offer. The tenant can accept it or make a counter-offer. The landlord then prepares the lease.');
    expect(downstream(m, node(m, 'Make counter-offer'))).toContain('Prepare lease');
  });
});
