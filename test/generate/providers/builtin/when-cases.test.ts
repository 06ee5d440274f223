// "When …" before a state is a condition: two such sentences in a row are the ways of one choice, and a trailing
// "when <state>" guards the step before it. "Except when" is "unless"; "for the others" is the other way of a kind.
import { describe, expect, it } from 'vitest';
import { downstream, next, node, read } from './model-reading.ts';

const gatewayAfter = (m: ReturnType<typeof read>, label: string) => next(m, node(m, label).id)[0]!;

describe('when-cases of one choice', () => {
  it('"When the file has problems … When the file is OK …" (public administration)', () => {
    const m = read('The clerk checks the file. When the file has problems, the clerk returns it to the applicant. When the file is OK, the clerk stamps it. Then the clerk archives the file.');
    const g = gatewayAfter(m, 'Check file');
    expect(g.kind).toBe('exclusive');
    expect(next(m, g.id).map((n) => n.label).sort()).toEqual(['Return file', 'Stamp file']);
    expect(downstream(m, node(m, 'Stamp file'))).toContain('Archive file');
  });

  it('"When the restart succeeds … When the restart fails …" (it operations)', () => {
    const m = read('The operator restarts the server. When the restart succeeds, the operator closes the incident. When the restart fails, the operator escalates to the vendor.');
    const g = gatewayAfter(m, 'Restart server');
    expect(g.kind).toBe('exclusive');
    expect(next(m, g.id).map((n) => n.label).sort()).toEqual(['Close incident', 'Escalate to vendor']);
  });

  it('cases about different things are still one choice (manufacturing)', () => {
    const m = read('The engineer reviews the design. When changes are needed, the engineer sends the design back to the designer. When the design is fine, the engineer signs it off.');
    const g = gatewayAfter(m, 'Review design');
    expect(next(m, g.id).map((n) => n.label).sort()).toEqual(['Send back design', 'Sign off design']);
  });

  it('arrivals in a row stay waits (logistics)', () => {
    const m = read('When the order arrives, the clerk checks it. When the payment arrives, the clerk ships the order.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });
});

describe('a trailing "when" before a state', () => {
  it.each([
    ['The buyer receives the invoice. The buyer contacts the supplier when the invoice is incomplete. The buyer pays the invoice.', 'Receive invoice', 'Contact supplier', 'Pay invoice'],
    ['The developer opens a change request. A second reviewer is added when the change touches the database. The team lead approves the change.', 'Open change request', 'Add second reviewer', 'Approve change'],
    ['The city office receives the complaint. An inspector visits the site when the complaint concerns safety. The office replies to the citizen.', 'Receive complaint', 'Visit site', 'Reply to citizen'],
    ['The inspector examines the product. The inspector scraps the product when it is damaged. The product is packed.', 'Examine product', 'Scrap product', 'Pack product'],
  ])('%s', (text, before, guarded, after) => {
    const m = read(text);
    const g = gatewayAfter(m, before);
    expect(g.kind).toBe('exclusive');
    expect(next(m, g.id).map((n) => n.label)).toContain(guarded);
    expect(downstream(m, g)).toContain(after);
  });

  it('"files it when the review is complete" is timing (finance)', () => {
    const m = read('The clerk files the report when the review is complete. The manager signs it.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });
});

describe('"except when" and "for the others"', () => {
  it('"records the result, except when the reading is normal" (health)', () => {
    const m = read('The nurse measures the blood pressure. The nurse records the result in the chart, except when the reading is normal. The doctor then reviews the chart.');
    const g = gatewayAfter(m, 'Measure blood pressure');
    expect(g.kind).toBe('exclusive');
    expect(next(m, g.id).map((n) => n.label)).toContain('Record result');
    expect(next(m, g.id).some((n) => n.kind === 'exclusive')).toBe(true);
  });

  it('"assigns a driver, except if the customer collects" (logistics)', () => {
    const m = read('The dispatcher receives the order. The dispatcher assigns a driver, except if the customer collects the goods. The warehouse issues the invoice.');
    expect(gatewayAfter(m, 'Receive order').kind).toBe('exclusive');
  });

  it.each([
    'The analyst checks the credit score. For good scores, the analyst approves the loan; for the others, the analyst asks for a guarantor. The bank sends the contract.',
    'The analyst checks the credit score. For good scores, the analyst approves the loan. For all other scores, the analyst asks for a guarantor. The bank sends the contract.',
  ])('%s (finance)', (text) => {
    const m = read(text);
    const g = gatewayAfter(m, 'Check credit score');
    expect(next(m, g.id).map((n) => n.label).sort()).toEqual(['Approve loan', 'Ask for guarantor']);
    expect(downstream(m, node(m, 'Ask for guarantor'))).toContain('Send contract');
  });

  it('"for the others" after a ticket kind (it operations)', () => {
    const m = read('The desk sorts the tickets. For urgent tickets, the desk calls the engineer. For the others, the desk sends an email. The desk closes the ticket.');
    const g = gatewayAfter(m, 'Sort tickets');
    expect(next(m, g.id).map((n) => n.label).sort()).toEqual(['Call engineer', 'Send email']);
  });
});
