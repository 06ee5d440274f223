// A step the text makes conditional gets a gateway: its condition on one way, a way that skips it, and the next
// step after the join — whatever word opens the condition (genr34).
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { downstream, laneOf, next, node, read, tasks } from './model-reading.ts';

/** The gateway right before a step, its condition, and the check that the other way skips the step and rejoins at `after`. */
function conditional(text: string, step: string, after: string): { m: ProcessModel; condition: string | undefined } {
  const m = read(text);
  const target = node(m, step);
  expect(target, `no step "${step}" in ${tasks(m).join(', ')}`).toBeDefined();
  const gateway = m.nodes.find((n) => n.kind === 'exclusive' && next(m, n.id).some((x) => x.id === target.id))!;
  expect(gateway, `"${step}" is on the main path`).toBeDefined();
  const around = m.flows.filter((f) => f.from === gateway.id && f.to !== target.id);
  expect(around).toHaveLength(1);
  const skip = m.nodes.find((n) => n.id === around[0]!.to)!;
  expect(skip.id === node(m, after).id || downstream(m, skip).includes(after)).toBe(true);
  expect(downstream(m, target)).toContain(after);
  return { m, condition: m.flows.find((f) => f.from === gateway.id && f.to === target.id)?.label };
}

describe('other words for "if"', () => {
  it('"In the event that …" (public administration)', () => {
    const { condition } = conditional('The clerk registers the application. In the event that documents are missing, the clerk writes to the applicant. The officer assesses the application.', 'Write to applicant', 'Assess application');
    expect(condition).toBe('documents missing');
  });

  it('"In the event of an infection" reads as "in case of" (health)', () => {
    const { condition } = conditional('The vet examines the dog. In the event of an infection, the vet prescribes antibiotics. The assistant bills the owner.', 'Prescribe antibiotics', 'Bill owner');
    expect(condition).toBe('infection');
  });

  it('"Provided that …" keeps its condition, not "yes" (education)', () => {
    const { condition } = conditional('The teacher marks the exam. Provided that the student passes, the school issues a certificate. The teacher archives the exam.', 'Issue certificate', 'Archive exam');
    expect(condition).toBe('student passes');
  });

  it('"Assuming …" (HR)', () => {
    const { condition } = conditional('HR receives the application. Assuming the candidate is suitable, HR invites them to an interview. HR files the application.', 'Invite candidate', 'File application');
    expect(condition).toBe('candidate suitable');
  });

  it('"Were the risk too high, …" is an inverted "if" (insurance)', () => {
    const { condition } = conditional('The underwriter reviews the policy. Were the risk too high, the underwriter would refer the case to the chief underwriter. The underwriter issues the policy.', 'Refer case', 'Issue policy');
    expect(condition).toBe('risk too high');
  });

  it('"Had the customer paid in advance, …" is one too (retail)', () => {
    const { m, condition } = conditional('The shop takes the order. Had the customer paid in advance, the shop ships the goods at once. The shop sends the invoice.', 'Ship goods', 'Send invoice');
    expect(condition).toBe('customer paid in advance');
    expect(tasks(m)).not.toContain('Pay in advance');
  });

  it('"Optionally, …" makes the step optional (logistics)', () => {
    conditional('The planner drafts the schedule. Optionally, the planner shares it with the client. The planner publishes the schedule.', 'Share schedule with client', 'Publish schedule');
  });
});

describe('trailing conditions', () => {
  it('", if any" names what may be there (housing)', () => {
    const { condition } = conditional('The tenant returns the keys. The landlord deducts repair costs from the deposit, if any. The landlord refunds the deposit.', 'Deduct repair costs', 'Refund deposit');
    expect(condition).toBe('repair costs');
  });

  it('"and gives feedback when appropriate" makes only the second step conditional (education)', () => {
    const { m } = conditional('The teacher grades the essays and gives feedback when appropriate. The teacher enters the marks.', 'Give feedback', 'Enter marks');
    expect(next(m, node(m, 'Grade essays').id)[0]!.kind).toBe('exclusive');
  });
});

describe('"only" before a kind of thing', () => {
  it('"Only urgent tickets are escalated …" (IT support)', () => {
    const { condition } = conditional('The support agent sorts the tickets. Only urgent tickets are escalated to the on-call engineer. The agent answers the rest.', 'Escalate tickets', 'Answer tickets');
    expect(condition).toBe('urgent ticket');
  });

  it('"Only complete applications are forwarded …" (public administration)', () => {
    const { condition } = conditional('The registrar checks the forms. Only complete applications are forwarded to the committee. The registrar archives the forms.', 'Forward applications', 'Archive forms');
    expect(condition).toBe('complete application');
  });
});

describe('now and then, and some of them', () => {
  it('"Sometimes X; then Y": X is the condition on Y (purchasing)', () => {
    const { condition } = conditional('The buyer places the order. Sometimes the supplier sends a partial delivery; then the buyer reorders the rest. The buyer pays the supplier.', 'Reorder delivery', 'Pay supplier');
    expect(condition).toBe('supplier sends partial delivery');
  });

  it('"Occasionally X. In that case Y" across two sentences (manufacturing)', () => {
    const { m, condition } = conditional('The operator starts the line. Occasionally a machine jams. In that case the operator clears it. The operator records the output.', 'Clear machine', 'Record output');
    expect(condition).toBe('machine jams');
    expect(tasks(m)).not.toContain('Jam machine');
  });

  it('"The editor sometimes asks …" is a step done when needed (publishing)', () => {
    conditional('The editor reads the manuscript. The editor sometimes asks a second reviewer for an opinion. The editor sends the decision to the author.', 'Ask second reviewer for opinion', 'Send decision');
  });

  it('"Some orders are over 500 euros. For those, …" joins the condition to its step, in the signer\'s lane (sales)', () => {
    const { m, condition } = conditional('The sales rep enters the order. Some orders are over 500 euros. For those, the director signs the order. The warehouse ships the goods.', 'Sign order', 'Ship goods');
    expect(condition).toBe('orders over 500 euros');
    expect(laneOf(m, 'Sign order')).toBe('Director');
    expect(laneOf(m, 'Ship goods')).toBe('Warehouse');
  });

  it('"Some claims involve an injury. For these, …" makes no step of the condition (insurance)', () => {
    const { m } = conditional('The handler registers the claim. Some claims involve an injury. For these, a medical assessor reviews the file. The claims handler pays the claim.', 'Review file', 'Pay claim');
    expect(tasks(m)).not.toContain('Involve injury');
  });

  it('"may also", "might also", "can optionally" add a step done when needed (health, finance, public administration)', () => {
    conditional('The doctor examines the patient. The doctor may also order an X-ray. The nurse discharges the patient.', 'Order X-ray', 'Discharge patient');
    conditional('The auditor reviews the accounts. The auditor might also interview the staff. The auditor writes the report.', 'Interview staff', 'Write report');
    conditional('The clerk fills in the form. The clerk can optionally attach a cover note. The clerk submits the form.', 'Attach cover note', 'Submit form');
  });

  it('several "sometimes" are alternatives, not one case, and change nothing', () => {
    const m = read('Sometimes we buy address lists, sometimes our staff visits fairs. Then the call centre calls the leads.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });
});

describe('the step before failing', () => {
  it('"If that fails, …" is named for the step and rejoins (IT operations)', () => {
    const { m, condition } = conditional('The admin restarts the server. If that fails, the admin restores the backup. The admin informs the users.', 'Restore backup', 'Inform users');
    expect(condition).toBe('restart server fails');
    expect(m.nodes.filter((n) => n.kind === 'end')).toHaveLength(1);
  });

  it('"If that does not work, …" (helpdesk)', () => {
    const { condition } = conditional('The helpdesk resets the password. If that does not work, the helpdesk escalates the ticket to second level. The helpdesk closes the ticket.', 'Escalate ticket', 'Close ticket');
    expect(condition).toBe('reset password does not work');
  });
});
