import { describe, expect, it } from 'vitest';
import { branches, downstream, laneOf, node, read, tasks } from './model-reading.ts';

describe('"when" before a state denied is an "if": nobody waits for a thing not to be', () => {
  it('education: "When a place is not available, … Otherwise …" is a choice', () => {
    const m = read('The customer books a course. When a place is not available, the customer is put on the waiting list. Otherwise the school confirms the booking. The teacher prepares the materials.');
    expect(branches(m)).toEqual(['place not available', 'otherwise']);
    expect(downstream(m, node(m, 'Put customer on waiting list'))).not.toContain('Confirm booking');
  });

  it('retail and health: "when the part isn\'t in stock", "when no bed is free"', () => {
    expect(branches(read('The clerk checks the stock. When the part isn\'t in stock, the clerk orders it from the supplier. The clerk packs the order.'))).toEqual(['part not in stock', 'otherwise']);
    expect(branches(read('The nurse checks the ward. When no bed is free, the nurse calls the bed manager. The nurse admits the patient.'))).toEqual(['no bed free', 'otherwise']);
  });

  it('"when the order is approved" still waits for the approval (procurement)', () => {
    const m = read('When the order is approved, the buyer sends it to the supplier. The supplier ships the goods.');
    expect(branches(m)).toEqual([]);
  });
});

describe('"checked by X and, if complete, approved by Y": the participle after the condition is a passive step', () => {
  it('public administration: the approval is kept, in the head of office\'s lane', () => {
    const m = read('The applicant submits the form. The form is checked by the clerk and, if complete, approved by the head of office. The applicant receives the licence.');
    expect(tasks(m)).toContain('Approve form');
    expect(laneOf(m, 'Approve form')).toBe('Head of office');
  });

  it('insurance and IT: "assessed by the adjuster and, if covered, settled by the finance team"', () => {
    const m = read('The claim is assessed by the adjuster and, if covered, settled by the finance team. The customer gets a letter.');
    expect(laneOf(m, 'Settle claim')).toBe('Finance team');
    const t = read('The change is reviewed by the architect and, if sound, scheduled by the release manager. The operator deploys it.');
    expect(laneOf(t, 'Schedule change')).toBe('Release manager');
  });

  it('"Based on the score, …" is still no step (finance)', () => {
    expect(tasks(read('The loan is assessed by the analyst. Based on the score, the officer decides on the loan.'))).not.toContain('Base score');
  });
});
