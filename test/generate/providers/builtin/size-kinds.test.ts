// Kinds of one thing told by grades in separate sentences ("Minor injuries … Serious injuries …", "Small changes …
// Large changes …") are the ways of one choice after the check before them; a found state told right after them
// ("Suspicious claims …") is one more way; the grade leaves the step's label on its own way.
import { describe, expect, it } from 'vitest';
import { laneOf, next, node, read, tasks } from './model-reading.ts';

/** The ways out of the gateway right after `step`, as "label → task" pairs. */
function waysAfter(text: string, step: string) {
  const m = read(text);
  const gateway = next(m, node(m, step).id)[0]!;
  expect(gateway.kind).toBe('exclusive');
  return { m, ways: m.flows.filter((f) => f.from === gateway.id).map((f) => `${f.label} → ${m.nodes.find((n) => n.id === f.to)!.label}`) };
}

describe('grades of one thing in separate sentences', () => {
  it('minor / serious injuries after triage (health)', () => {
    const { m, ways } = waysAfter('The nurse triages each patient. Minor injuries are treated by the nurse. Serious injuries are seen by the emergency doctor.', 'Triage patient');
    expect(ways).toEqual(['minor → Treat injury', 'serious → See injury']);
    expect(laneOf(m, 'See injury')).toBe('Emergency doctor');
  });

  it('small / large changes, the large ones needing the board (IT operations)', () => {
    const { m, ways } = waysAfter('The helpdesk logs the request. Small changes are made by the helpdesk itself. Large changes need approval from the change board.', 'Log request');
    expect(ways).toEqual(['small → Make change', 'large → Approve change']);
    expect(laneOf(m, 'Approve change')).toBe('Change board');
  });

  it('standard / express orders, a grade the tagger reads as a verb (retail)', () => {
    const { m, ways } = waysAfter('The clerk registers the order. Standard orders are packed by the warehouse. Express orders need the approval of the shift manager.', 'Register order');
    expect(ways).toEqual(['standard → Pack order', 'express → Approve order']);
    expect(tasks(m)).not.toContain('Express orders');
  });
});

describe('a found state right after grades joins their choice', () => {
  it('minor / major / suspicious claims (insurance)', () => {
    const { m, ways } = waysAfter('The adjuster assesses the claim. Minor claims are paid directly by the adjuster. Major claims require a site visit by an external surveyor. Suspicious claims are passed to the fraud team.', 'Assess claim');
    expect(ways).toHaveLength(3);
    expect(ways[0]).toBe('minor → Pay claim');
    expect(ways[2]).toBe('suspicious → Pass claim');
    expect(m.nodes.filter((n) => n.kind === 'exclusive')).toHaveLength(2);
  });

  it('simple / complex / urgent tickets (IT operations)', () => {
    const { ways } = waysAfter('The analyst reviews each ticket. Simple tickets are closed by the analyst. Complex tickets are escalated to the engineering team. Urgent tickets are passed to the on-call engineer.', 'Review ticket');
    expect(ways.map((w) => w.split(' → ')[0])).toEqual(['simple', 'complex', 'urgent']);
    expect(ways[0]).toBe('simple → Close ticket');
  });
});

describe('what stays as it was', () => {
  it('a found state with no grades before it is still its own choice with a way that skips it (logistics)', () => {
    const m = read('The courier collects the parcel. Damaged parcels are photographed by the courier. The courier delivers the parcel.');
    const gateway = m.nodes.find((n) => n.kind === 'exclusive')!;
    expect(m.flows.filter((f) => f.from === gateway.id).map((f) => f.label)).toEqual(['damaged', 'otherwise']);
  });

  it('a kind that is no grade keeps its word on its way (retail)', () => {
    const { ways } = waysAfter('The clerk packs the order. Domestic orders are shipped by the warehouse. International orders are handed to the courier.', 'Pack order');
    expect(ways[0]).toBe('domestic → Ship domestic orders');
  });
});
