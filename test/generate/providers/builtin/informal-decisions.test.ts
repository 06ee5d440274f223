// Decisions told informally: refusals that say "no" in other words end their branch, conditions under other words
// than "if" ("unless", "when needed", "X -> reject"), an approval told only as a condition, and cases about different
// things kept apart. Small sentences from several domains per rule.
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { branches, downstream, laneOf, next, node, read, tasks } from './model-reading.ts';

const splits = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length >= 2);
const ends = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'end').map((n) => n.label);

describe('an informal refusal ends its branch', () => {
  it.each<[string, string, string]>([
    ['A citizen applies for a parking permit. If the car is not registered in the city, the request is dropped. Otherwise the clerk issues the permit. The clerk mails the permit.', 'Drop request', 'Mail permit'],
    ['The clinic receives the referral. If the patient is insured, the clinic books an appointment. If the patient is not insured, the referral is discarded. The doctor examines the patient.', 'Discard referral', 'Examine patient'],
    ['The agent checks the purchase. If the receipt is missing, the agent sends a polite no. Otherwise the agent approves the refund. Finance transfers the money.', 'Send polite no', 'Transfer money'],
  ])('%s', (text, refusal, followUp) => {
    const m = read(text);
    expect(downstream(m, node(m, refusal))).not.toContain(followUp);
    expect(next(m, node(m, refusal).id).map((n) => n.kind)).toEqual(['end']);
  });

  it.each([
    'The recruiter screens the application. If the candidate lacks the required degree, that\'s the end of it. If the candidate qualifies, the recruiter invites the candidate. The manager interviews the candidate.',
    'The assistant checks the shoes. If they are older than two years, the assistant explains the rules and that\'s the end. Otherwise the assistant repairs the shoes. The assistant returns the shoes.',
    'The officer checks the permit. If the permit has expired, that is the end of the matter. If it is valid, the officer stamps the permit. The officer files the permit.',
  ])('"that\'s the end of it" stops its branch: %s', (text) => {
    const m = read(text);
    const split = splits(m)[0]!;
    expect(next(m, split.id).some((n) => n.kind === 'end' || next(m, n.id).some((x) => x.kind === 'end'))).toBe(true);
  });

  it.each<[string, string, string]>([
    ['The landlord reviews the application. The application is turned down when the applicant has unpaid rent elsewhere. Otherwise the landlord signs the lease.', 'applicant has unpaid rent elsewhere', 'Sign lease'],
    ['The bank checks the transaction. The dispute is rejected when the card was reported stolen. Otherwise the bank refunds the customer.', 'card reported stolen', 'Refund customer'],
    ['The editor reads the manuscript. The manuscript is declined when the topic is unsuitable. Otherwise the editor sends it to review.', 'topic unsuitable', 'Send manuscript'],
  ])('a trailing "when" after a refusal is its condition: %s', (text, condition, other) => {
    const m = read(text);
    expect(branches(m)).toEqual([condition, 'otherwise']);
    expect(tasks(m)).toContain(other);
    expect(ends(m).some((e) => / (rejected|declined)$/.test(e))).toBe(true);
  });
});

describe('conditions under other words than "if"', () => {
  it.each<[string, string]>([
    ['The customer places an order. Unless the item is in stock, the shop orders it from the supplier. The shop ships the item.', 'item not in stock'],
    ['The tenant reports a leak. The caretaker fixes the leak unless the damage requires a plumber. The caretaker informs the tenant.', 'damage does not require plumber'],
    ['Unless the customer has a valid account, the agent creates an account. The agent books the flight.', 'customer does not have valid account'],
  ])('"unless X" is "if not X": %s', (text, condition) => {
    expect(branches(read(text))).toEqual([condition, 'otherwise']);
  });

  it.each<[string, string]>([
    ['The agent logs the complaint. When needed, the agent escalates the complaint. The agent closes the complaint.', 'Escalate complaint'],
    ['The engineer restarts the server. The engineer updates the firmware as required. The engineer writes a report.', 'Update firmware'],
    ['The nurse records the symptoms. Whenever necessary, the nurse orders a blood test. The doctor examines the patient.', 'Order blood test'],
  ])('"when needed", "as required" make the step conditional: %s', (text, step) => {
    const m = read(text);
    const split = splits(m).find((g) => next(m, g.id).some((n) => n.label === step))!;
    expect(m.flows.filter((f) => f.from === split.id).map((f) => f.label)).toContain('otherwise');
  });

  it.each<[string, string, string]>([
    ['Supplier onboarding\n- procurement checks the tax certificate\n- certificate missing -> reject\n- procurement creates the vendor record', 'certificate missing', 'Create vendor record'],
    ['Claims intake\n1. handler checks the policy\n2. policy not active → reject the claim\n3. handler registers the claim', 'policy not active', 'Register claim'],
    ['Access requests\n- admin checks the request\n- manager unknown = reject\n- admin grants access', 'manager unknown', 'Grant access'],
  ])('a short state before an arrow or "=" in notes is a condition: %s', (text, condition, onward) => {
    const m = read(text);
    expect(branches(m)).toEqual([condition, 'otherwise']);
    expect(tasks(m)).toContain(onward);
  });

  it.each<[string, string[]]>([
    ['The student submits the thesis. Depending on the grade, the office awards a distinction or a pass. The office issues the certificate.', ['Award distinction', 'Award pass']],
    ['The customer returns the jacket. The clerk offers a refund or a voucher, depending on the receipt. The clerk restocks the jacket.', ['Offer refund', 'Offer voucher']],
    ['The lab tests the sample. Depending on the result, the doctor prescribes antibiotics or a follow-up test. The nurse informs the patient.', ['Prescribe antibiotics', 'Prescribe follow-up test']],
  ])('"Depending on X, V A or B": one choice between the two steps: %s', (text, ways) => {
    const m = read(text);
    const split = splits(m).find((g) => next(m, g.id).some((n) => n.label === ways[0]))!;
    expect(next(m, split.id).map((n) => n.label)).toEqual(ways);
  });

  it('a lead in the middle ("Otherwise, depending on the fault, …") keeps its place, and its choice has the two ways only', () => {
    const m = read('The clerk looks up the receipt. If the kettle is older than two years, the clerk refuses the claim. Otherwise, depending on the fault, the clerk swaps the kettle or sends it to the workshop. The clerk logs the outcome.');
    const split = splits(m).find((g) => next(m, g.id).some((n) => n.label === 'Swap kettle'))!;
    expect(next(m, split.id).map((n) => n.label)).toEqual(['Swap kettle', 'Send kettle']);
  });

  it.each([
    'The bank checks the transaction. If the transaction is older than 90 days, the bank declines the dispute. Otherwise the bank refunds the customer.',
    'The shop checks the purchase. If the purchase is older than 30 days, the clerk refuses the return. Otherwise the clerk takes the item back.',
    'The registry checks the certificate. If the certificate is more than 5 years old, the clerk asks for a new one. Otherwise the clerk files it.',
  ])('an age is a condition, not a timer: %s', (text) => {
    const m = read(text);
    expect(m.nodes.some((n) => n.kind === 'boundary')).toBe(false);
    expect(branches(m)[1]).toBe('otherwise');
  });
});

describe('an approval told only as a condition is the approver\'s step', () => {
  it.each<[string, string, string, string]>([
    ['The employee submits the expense report. If the manager approves, the report is forwarded to accounting; otherwise it is returned to the employee.', 'Approve expense report', 'Manager', 'Submit expense report'],
    ['The buyer drafts the order. If the manager approves the order, purchasing places it. If the manager rejects it, the buyer is informed and the process ends.', 'Approve order', 'Manager', 'Draft order'],
    ['The technician prepares a quote. If the customer accepts the quote, the technician schedules the repair. Otherwise the technician files the quote.', 'Accept quote', 'Customer', 'Prepare quote'],
  ])('%s', (text, step, lane, before) => {
    const m = read(text);
    expect(laneOf(m, step)).toBe(lane);
    expect(next(m, node(m, before).id).map((n) => n.label)).toEqual([step]);
    expect(next(m, node(m, step).id).map((n) => n.kind)).toEqual(['exclusive']);
  });

  it('a party that already checked or voted branches on that step', () => {
    expect(tasks(read('The manager reviews the order. If the manager approves it, purchasing places the order. Otherwise the buyer revises it.'))).not.toContain('Approve order');
    expect(tasks(read('The council votes on the proposal. If the council accepts the proposal, the clerk publishes it. Otherwise the process ends.'))).not.toContain('Accept proposal');
  });
});

describe('condition labels and choices that follow each other', () => {
  it.each<[string, string]>([
    ['The receptionist checks the ID. If the visitor has no valid ID, the receptionist denies access. Otherwise the receptionist prints a badge.', 'visitor has no valid ID'],
    ['The pharmacist checks the prescription. If the patient has an allergy, the pharmacist calls the doctor. Otherwise the pharmacist dispenses the drug.', 'patient has allergy'],
    ['The clerk checks the invoice. If the supplier has no tax number, the clerk rejects the invoice. Otherwise the clerk books the invoice.', 'supplier has no tax number'],
  ])('"has" stays in the condition: %s', (text, condition) => {
    expect(branches(read(text))[0]).toBe(condition);
  });

  it.each([
    'The clerk checks the application form. Where the form is incomplete, the clerk returns it to the applicant. Where something is unclear, the clerk asks the applicant. The clerk registers the application.',
    'The clerk checks the form. If the fee is unpaid, the clerk rejects the application. Where something is unclear, the clerk calls the applicant. The clerk registers the application.',
    'The agent logs the complaint. Should a refund be due, the agent informs finance. If needed, the agent escalates the complaint. The agent closes the complaint.',
  ])('a case about another thing is a choice of its own, with its own "otherwise": %s', (text) => {
    const m = read(text);
    expect(splits(m)).toHaveLength(2);
    for (const g of splits(m)) expect(m.flows.filter((f) => f.from === g.id).length).toBe(2);
  });
});
