// The review that approves or rejects, told as "If approved, … If rejected, …" or "Rejected claims go back to …":
// one decision, the rejection going back to whoever handed the work in.
import { describe, expect, it } from 'vitest';
import { branches, laneOf, next, node, read } from './model-reading.ts';

const splits = (m: ReturnType<typeof read>) => m.nodes.filter((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length >= 2);

describe('approve or reject, and rework', () => {
  it('"If approved, … If rejected, …" are the ways of one decision (HR, public administration)', () => {
    const m = read('The employee submits a claim. The manager reviews the claim. If approved, accounting reimburses the employee. If rejected, the claim is returned to the employee.');
    expect(splits(m)).toHaveLength(1);
    expect(branches(m)).toEqual(['approved', 'rejected']);
    const p = read('The citizen files the form. The clerk checks the form. If accepted, the clerk issues the permit. If declined, the clerk writes a refusal.');
    expect(splits(p)).toHaveLength(1);
  });

  it('"goes back to the employee" returns to that party\'s step, not to a step naming them (HR)', () => {
    const m = read('The employee submits a claim. The manager reviews the claim. If approved, accounting reimburses the employee. If rejected, the claim goes back to the employee.');
    const split = splits(m)[0]!;
    const rejected = m.flows.find((f) => f.from === split.id && f.label === 'rejected')!;
    expect(m.nodes.find((n) => n.id === rejected.to)?.label).toBe('Submit claim');
    expect(next(m, node(m, 'Reimburse employee').id).map((n) => n.kind)).toEqual(['end']);
  });

  it('"Rejected claims go back to …" after "If approved" is the other way of that decision (finance, retail)', () => {
    const m = read('The employee submits a claim. The manager reviews the claim. If approved, accounting reimburses the employee. Rejected claims go back to the employee with a comment.');
    expect(splits(m)).toHaveLength(1);
    expect(branches(m)).toEqual(['approved', 'rejected']);
    const o = read('The clerk checks the orders. Declined orders are archived by the clerk. The clerk ships the rest.');
    expect(branches(o)[0]).toBe('declined');
    expect(laneOf(o, 'Archive orders')).toBe('Clerk');
  });

  it('keeps "Approved claims … Rejected claims …" in a row as one contrast', () => {
    const m = read('The employee submits a claim. The manager reviews the claim. Approved claims are paid by accounting. Rejected claims are returned to the employee.');
    expect(splits(m)).toHaveLength(1);
    expect(branches(m)).toEqual(['approved', 'rejected']);
  });
});
