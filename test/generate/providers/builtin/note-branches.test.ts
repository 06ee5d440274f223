// Notes that branch with arrows: a short question or an outcome before "->" is the condition of the steps after it
// ("mismatch? -> note discrepancy, inform purchasing. ok -> put away"), "yes ->" / "no ->" answer the question before
// them, and an outcome inside a chain that ends in "X again" loops back to X.
import { describe, expect, it } from 'vitest';
import { branches, next, node, read, tasks } from './model-reading.ts';

describe('a note question before an arrow is a condition, not a step', () => {
  it.each([
    ['Receiving notes:\ncount pallets. mismatch? -> note discrepancy, inform purchasing. ok -> put away', 'mismatch', 'Note discrepancy', 'Put away'],
    ['Claim notes:\ncheck policy. not covered? -> reject claim, inform customer. covered -> assess damage -> pay out', 'covered', 'Assess damage', 'Reject claim'],
    ['Stock notes:\ncheck shelf. stock low? -> order parts, notify planner. stock fine -> pick items', 'stock low', 'Order parts', 'Pick items'],
  ])('%s', (text, condition, step, other) => {
    const m = read(text);
    expect(branches(m)).toContain(condition);
    expect(tasks(m)).toEqual(expect.arrayContaining([step, other]));
    expect(tasks(m).some((t) => /^(?:Mismatch|Cover|Stock)\b/.test(t))).toBe(false);
  });

  it('keeps the steps after the condition on its way, in order', () => {
    const m = read('Receiving notes:\ncount pallets. mismatch? -> note discrepancy, inform purchasing. ok -> put away');
    expect(next(m, node(m, 'Note discrepancy').id).map((n) => n.label)).toContain(tasks(m).find((t) => t.startsWith('Inform')));
  });
});

describe('"yes ->" and "no ->" after a note question are its two ways', () => {
  it.each([
    ['Ticket triage (notes)\n- agent reads ticket\n- known issue? yes -> send standard answer. no -> escalate to 2nd level\n- close ticket', 'known issue', 'Send standard answer', 'Escalate to 2nd level'],
    ['Leave requests\n- employee submits request\n- enough days left? yes -> manager approves request. no -> HR rejects request\n- payroll updates records', 'enough days left', 'Approve request', 'Reject request'],
    // ("no" told first: the question's outcome leads, its negation is the other way.)
    ['patient arrives -> triage nurse assesses patient. critical? no -> GP sees patient. yes -> resus team treats patient', 'critical', 'Treat patient', 'See patient'],
  ])('%s', (text, condition, yes, no) => {
    const m = read(text);
    expect(branches(m)).toEqual([condition, 'otherwise']);
    const split = m.nodes.find((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length >= 2)!;
    expect(next(m, split.id).map((n) => n.label)).toEqual([yes, no]);
  });
});

describe('an outcome inside an arrow chain that ends in "X again" loops back to X', () => {
  it.each([
    ['review -> changes requested -> developer updates PR -> review again; approved -> merge', 'Review', 'Update PR', 'changes requested'],
    ['teacher grades essay -> revision needed -> student rewrites essay -> grade again; accepted -> office records grade', 'Grade essay', 'Rewrite essay', 'revision needed'],
    ['underwriter reviews application -> more info needed -> broker sends documents -> review again; approved -> underwriter issues policy', 'Review application', 'Send documents', 'more info needed'],
  ])('%s', (text, checked, rework, condition) => {
    const m = read(text);
    expect(branches(m)).toContain(condition);
    expect(next(m, node(m, rework).id).map((n) => n.label)).toEqual([checked]);
    expect(tasks(m).filter((t) => t === checked)).toHaveLength(1);
  });

  it('leaves a chain of states reached without a loop or a second outcome as steps in a row', () => {
    expect(tasks(read('parcel received -> item inspected -> customer notified -> refund issued'))).toEqual(['Inspect item', 'Notify customer', 'Issue refund']);
  });
});
