// The shape of decisions once read: work that goes on joins, loops go back to the step repeated, and what the reader
// built plays soundly (no deadlock, no doubled token).
import { describe, expect, it } from 'vitest';
import { repairModel, type ProcessModel } from '../../../../src/generate/model.ts';
import { soundnessProblems } from '../../../../src/generate/soundness.ts';
import { downstream, next, node, read } from './model-reading.ts';

const sound = (m: ProcessModel) => soundnessProblems(repairModel(m).model);

describe('branches that both do work', () => {
  it.each([
    ['If the item is in stock, the clerk reserves it; otherwise the clerk orders it from the supplier. The clerk then ships the order.', ['Reserve item', 'Order item'], 'Ship order'],
    ['If the server is healthy, the operator applies the patch; otherwise the operator restores the backup. The operator then restarts the service.', ['Apply patch', 'Restore backup'], 'Restart service'],
  ])('join before the work that follows: %s', (text, ways, after) => {
    const m = read(text);
    for (const way of ways) expect(downstream(m, node(m, way))).toContain(after);
    expect(sound(m)).toEqual([]);
  });
});

describe('rework told after a send-back', () => {
  it.each([
    ['The team lead reviews the timesheet. If the hours are wrong, the team lead sends the timesheet back to the employee, who corrects it. Otherwise payroll processes the timesheet.', 'Send back timesheet', 'Correct timesheet', 'Review timesheet'],
    ['The editor reviews the manuscript. If the manuscript needs changes, the editor returns it to the author, who revises it. Otherwise the editor accepts the manuscript. The printer prints the book.', 'Return manuscript', 'Revise manuscript', 'Review manuscript'],
    ['The quality engineer inspects the weld. If the weld is faulty, the engineer sends it back to the welder, who repairs it. Otherwise the engineer releases the part.', 'Send back weld', 'Repair weld', 'Inspect weld'],
  ])('goes on the path sent back, then back to the check: %s', (text, sent, rework, check) => {
    const m = read(text);
    expect(next(m, node(m, sent).id).map((n) => n.label)).toEqual([rework]);
    expect(next(m, node(m, rework).id).map((n) => n.label)).toEqual([check]);
    expect(sound(m)).toEqual([]);
  });
});

describe('work handed back after a send-back', () => {
  it.each([
    ['The supplier sends the invoice. Accounts payable checks the invoice against the order. If the amounts differ, accounts payable sends the invoice back to the supplier, who issues a corrected invoice. Otherwise accounts payable pays the invoice.', 'Issue corrected invoice', 'Send invoice', 'Pay invoice'],
    ['The student submits the thesis. The examiner assesses the thesis. If the formatting is wrong, the examiner sends the thesis back to the student, who prepares a new version. Otherwise the examiner grades the thesis.', 'Prepare new version', 'Submit thesis', 'Grade thesis'],
  ])('comes back where the send-back went instead of joining the other way: %s', (text, rework, back, other) => {
    const m = read(text);
    expect(next(m, node(m, rework).id).map((n) => n.label)).toEqual([back]);
    expect(downstream(m, node(m, other))).not.toContain(rework);
    expect(sound(m)).toEqual([]);
  });
});

describe('decisions and loops in parallel blocks', () => {
  it.each([
    ['Once the order is accepted, three checks run in parallel: the credit team checks the credit, the warehouse checks the stock, and legal reviews the contract terms. If legal finds problematic clauses, the sales rep renegotiates them and the terms are reviewed again. When all checks are done, the sales rep confirms the order.', 'Review contract terms', 'Check stock'],
    ['New suppliers are onboarded as follows. Three reviews run in parallel: quality assurance audits a production site, the sustainability team checks the trade certificate, and finance verifies the bank details. If quality assurance finds critical issues, the supplier fixes them and the site is audited again. When all reviews are passed, the buyer places the first order.', 'Audit production site', 'Verify bank details'],
  ])('a decision that loops back into one branch closes that branch before the join: %s', (text, looped, other) => {
    const m = read(text);
    const decision = next(m, node(m, looped).id)[0]!;
    expect(decision.kind).toBe('exclusive');
    expect(downstream(m, node(m, other))).not.toContain(decision.label || decision.id);
    expect(next(m, node(m, other).id)[0]!.kind).toBe('parallel');
    expect(sound(m)).toEqual([]);
  });

  it('a loop repeated for each item goes back to the start of its own branch, not to the split', () => {
    const m = read('The lab receives the samples. The technician tests each sample and records the result. This procedure is repeated for each sample. In the meantime, the doctor prepares the report template. The doctor writes the report.');
    const loop = m.flows.find((f) => f.label === 'repeat')!;
    expect(node(m, 'Test sample').id).toBe(loop.to);
    expect(sound(m)).toEqual([]);
  });

  it('a deadline missed inside a parallel block ends the whole process', () => {
    const m = read('The landlord sends the lease to the tenant. The tenant must sign the lease within 7 days; if the tenant does not sign it in time, the landlord cancels the reservation. Meanwhile the caretaker cleans the flat. Then the landlord hands over the keys.');
    expect(m.nodes.find((n) => n.kind === 'end' && n.label === 'Reservation canceled')?.eventType).toBe('terminate');
    expect(sound(m)).toEqual([]);
  });
});

describe('conditions on every way of a choice', () => {
  it('drops a bare way straight to the end beside two labelled ways', () => {
    const m = read('When a customer wants to cancel, I check the notice period. If the cancellation is too late, I write back with the earliest possible date and that is it unless they reply. If it is on time, I confirm the cancellation and refund the premium.');
    const split = m.nodes.find((n) => n.kind === 'exclusive')!;
    expect(m.flows.filter((f) => f.from === split.id).every((f) => f.label)).toBe(true);
  });
});
