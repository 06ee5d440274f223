// A step done for one kind of thing only gets a decision, with a way that skips it: "For urgent tickets the desk calls
// …" (a kind after an opening "for", comma or not), "Foreign applicants additionally submit …" (a kind doing a step
// "also"), "Some claims need a site visit; the adjuster then inspects …" (a part of the things, its step after ";").
import { describe, expect, it } from 'vitest';
import { downstream, next, node, read } from './model-reading.ts';

/** The condition on the flow into a step from the gateway before it, the ways leaving it, and where the other way goes. */
function decided(text: string, step: string) {
  const m = read(text);
  const gateway = m.nodes.find((n) => n.kind === 'exclusive' && next(m, n.id).some((x) => x.label === step));
  expect(gateway, `a gateway before "${step}"`).toBeDefined();
  const ways = m.flows.filter((f) => f.from === gateway!.id);
  const other = ways.find((f) => f.to !== node(m, step).id)!;
  const skipping = downstream(m, m.nodes.find((n) => n.id === other.to)!);
  return { m, ways: ways.length, condition: ways.find((f) => f.to === node(m, step).id)?.label, otherLabel: other.label, skipping };
}

describe('a kind after an opening "for"', () => {
  it('"For urgent tickets the desk calls …" with no comma (IT operations)', () => {
    const { m, ways, condition, otherLabel, skipping } = decided('The service desk logs the ticket. For urgent tickets the desk calls the on-call engineer. The engineer then resolves the incident.', 'Call on-call engineer');
    expect([ways, condition, otherLabel]).toEqual([2, 'urgent tickets', 'otherwise']);
    expect(skipping).toContain('Resolve incident');
    expect(skipping).not.toContain('Call on-call engineer');
    expect(downstream(m, node(m, 'Call on-call engineer'))).toContain('Resolve incident');
  });

  it('"For international shipments, the clerk prepares …" (logistics)', () => {
    const { condition, skipping } = decided('The warehouse picks the goods. For international shipments, the clerk prepares a customs declaration. The carrier collects the parcel.', 'Prepare customs declaration');
    expect(condition).toBe('international shipments');
    expect(skipping).toContain('Collect parcel');
  });

  it('"For amounts above 10,000 euros the CFO must sign …" without its comma (finance)', () => {
    const { condition } = decided('The clerk checks the payment request. For amounts above 10,000 euros the CFO must sign the request. The clerk then transfers the money.', 'Sign request');
    expect(condition).toBe('amounts above 10,000 euros');
  });

  it('"For security reasons, …" gives a reason, not a case: the step always runs (public administration)', () => {
    const m = read('The clerk receives the form. For security reasons the clerk scans the passport. The clerk files the form.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });
});

describe('a kind doing a step "also" or "additionally"', () => {
  it('"Foreign applicants additionally submit …" (education)', () => {
    const { condition, skipping } = decided('The university receives the application and checks the grades. Foreign applicants additionally submit a language certificate. The admissions board then decides on the application.', 'Submit language certificate');
    expect(condition).toBe('foreign applicant');
    expect(skipping).toContain('Decide on application');
  });

  it('"Fragile items also get extra padding" (retail)', () => {
    const { condition } = decided('The warehouse packs the order. Fragile items also get extra padding. The carrier collects the parcel.', 'Get extra padding');
    expect(condition).toBe('fragile item');
  });

  it('"Business customers additionally sign …" (finance)', () => {
    const { condition, skipping } = decided('The bank opens the account. Business customers additionally sign a mandate. The clerk activates the card.', 'Sign mandate');
    expect(condition).toBe('business customer');
    expect(skipping).toContain('Activate card');
  });
});

describe('"Some …; …": a part of the things, its step after the semicolon', () => {
  it('"Some claims need a site visit; the adjuster then inspects …" (insurance)', () => {
    const { condition, skipping } = decided('The adjuster reviews the claim. Some claims need a site visit; the adjuster then inspects the property. Afterwards the adjuster calculates the payout.', 'Inspect property');
    expect(condition).toBe('claims need site visit');
    expect(skipping).toContain('Calculate payout');
  });

  it('"Some orders exceed the credit limit; in that case …" (retail)', () => {
    const { condition } = decided('The clerk checks the order. Some orders exceed the credit limit; in that case the manager approves them. The warehouse ships the order.', 'Approve orders');
    expect(condition).toBe('orders exceed credit limit');
  });
});
