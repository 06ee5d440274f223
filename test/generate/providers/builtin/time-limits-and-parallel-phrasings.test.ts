// Deadlines and parallel work said in other words than "within N days" and "meanwhile" (issue 13: time, and
// concurrent work drawn in sequence).
import { describe, expect, it } from 'vitest';
import type { ModelNode, ProcessModel } from '../../../../src/generate/model.ts';
import { downstream, laneOf, next, node, read, tasks } from './model-reading.ts';

const boundaryOn = (m: ProcessModel, label: string) => m.nodes.find((n) => n.kind === 'boundary' && n.attachedTo === node(m, label).id);
const splits = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'parallel' && next(m, n.id).length >= 2);
const branchesOf = (m: ProcessModel, split: ModelNode) => next(m, split.id).map((n) => n.label).sort();

// A time limit nobody says the consequence of is a service level: a modeller writes it on the step. A timer whose
// path ends in an unnamed "Deadline missed" reads as an outcome the text never gave.
const noTimers = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'boundary' || (n.kind === 'end' && n.label !== ''));

describe('a time limit with nothing said about missing it is written on its step, with no timer', () => {
  it.each([
    ['The clinic receives a referral. The patient is asked to complete the intake form within 30 days. The nurse books an appointment.', 'Complete intake form within 30 days'],
    ['The landlord sends the lease. The tenant is given 10 days to sign the lease. The landlord hands over the keys.', 'Sign lease within 10 days'],
    ['The shop sends the invoice. The customer must pay the invoice no later than 14 days after delivery. The shop closes the order.', 'Pay invoice within 14 days'],
    ['A customer orders office supplies. The warehouse packs the order. The accounts team settles the courier invoice within 45 days.', 'Settle courier invoice within 45 days'],
  ])('%s', (text, step) => {
    const m = read(text);
    expect(tasks(m)).toContain(step);
    expect(noTimers(m)).toEqual([]);
  });
});

describe('a time limit set before a choice that ends the text stays on its step', () => {
  it.each([
    ['The manager must approve the request within 5 days. If the amount exceeds 1000 euros, the director also approves it.', 'Approve request within 5 days'],
    ['The lab must analyse the sample within 48 hours. If the result is positive, the doctor calls the patient.', 'Analyse sample within 48 hours'],
    ['The agent must answer the complaint within 2 weeks. If the customer is a business, the key account manager reviews the answer.', 'Answer complaint within 2 weeks'],
  ])('%s', (text, step) => {
    const m = read(text);
    expect(tasks(m)[0]).toBe(step);
    expect(noTimers(m)).toEqual([]);
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(true);
  });
});

describe('a deadline on a date', () => {
  it.each([
    ['The contractor must submit the invoice no later than the 5th of the month. The accountant pays the invoice.', 'Submit invoice by 5th of month'],
    ['The landlord must return the deposit by 15 March. The tenant confirms the receipt.', 'Return deposit by 15 March'],
    ['The supplier must deliver the parts no later than March 3. The plant assembles the pumps.', 'Deliver parts by March 3'],
  ])('%s', (text, step) => {
    expect(tasks(read(text))[0]).toBe(step);
  });
});

describe('a step said with only its deadline after the verb keeps its object in hand', () => {
  it.each([
    ['The customer opens a ticket. The agent answers within 2 days.', 'Answer ticket within 2 days'],
    ['The landlord receives the complaint. The landlord must respond within 5 days.', 'Respond to complaint within 5 days'],
  ])('%s', (text, step) => {
    expect(tasks(read(text))).toContain(step);
  });

  it('and a stated lapse puts the timer on it, with the lapse as its path (banking)', () => {
    const m = read('The bank sends the offer. The client must accept within 10 days; otherwise the offer lapses.');
    expect(tasks(m)).toContain('Accept offer');
    expect(boundaryOn(m, 'Accept offer')?.timer?.value).toBe('P10D');
  });
});

describe('a plural party opening a deadline sentence gets its lane', () => {
  it.each([
    ['The school sends the form. Parents must return the signed form within a week.', 'Return signed form within 1 week', 'Parents'],
    ['Applicants are asked to upload their documents within two weeks. The committee then evaluates the application.', 'Upload documents within 2 weeks', 'Applicants'],
    ['The clinic sends the invitation. Patients must confirm the appointment within 3 days.', 'Confirm appointment within 3 days', 'Patients'],
  ])('%s', (text, step, lane) => {
    expect(laneOf(read(text), step)).toBe(lane);
  });
});

describe('"has until … to" is a deadline at that point', () => {
  it('keeps the step with its point in time (audit)', () => {
    const m = read('The auditor requests the bank statements. The client has until the end of the month to upload the statements. The auditor reviews the statements.');
    expect(tasks(m)).toEqual(['Request bank statements', 'Upload statements by end of month', 'Review statements']);
    expect(laneOf(m, 'Upload statements by end of month')).toBe('Client');
  });

  it('gives a later "if not … by then" the timer\'s path (public admin)', () => {
    const m = read('The citizen requests a parking permit. The officer has until Friday to decide on the request. If no decision is made by then, the request is approved automatically.');
    const timer = boundaryOn(m, 'Decide on request')!;
    expect(timer.label).toBe('Friday');
    expect(next(m, timer.id).map((n) => n.label)).toEqual(['Approve request']);
  });

  it('reads "is given until" the same way (procurement)', () => {
    expect(tasks(read('The buyer requests a quote. The supplier is given until Friday to submit a quote. The buyer compares the quotes.'))).toEqual(['Request quote', 'Submit quote by Friday', 'Compare quotes']);
  });
});

describe('a span that has passed, in a condition, is tested, not timed', () => {
  it.each([
    ['The engineer restores the service. If the outage lasted more than 12 hours, the account manager offers the customer a credit. The engineer then closes the ticket.', 'Offer credit'],
    ['The courier delivers the parcel. If the delivery took longer than 5 days, the shop refunds the shipping fee. The shop closes the order.', 'Refund shipping fee'],
    ['The patient is discharged. If the stay was longer than 3 days, the nurse schedules a follow-up call. The ward updates the record.', 'Schedule follow-up call'],
  ])('%s', (text, step) => {
    const m = read(text);
    expect(m.nodes.filter((n) => n.kind === 'boundary')).toEqual([]);
    const choice = m.nodes.find((n) => n.kind === 'exclusive' && next(m, n.id).length === 2)!;
    expect(next(m, choice.id).map((n) => n.label)).toContain(step);
  });
});

describe('a reminder after a wait chases the answer to the step before', () => {
  it('makes the wait a receive step whose timer leads to the reminder, counted by "after two reminders" (public admin)', () => {
    const m = read('The office asks the citizen for the missing papers. The clerk sends a reminder after one week. After two reminders without reply, the file is closed.');
    const timer = boundaryOn(m, 'Wait for reply')!;
    expect(timer.timer?.value).toBe('P1W');
    expect(downstream(m, timer)).toEqual(expect.arrayContaining(['Send reminder', 'Close file']));
    expect(next(m, node(m, 'Send reminder').id).map((n) => n.label)).toEqual(['Wait for reply']);
  });

  it('puts a weekly reminder on a cycle timer beside the wait (HR)', () => {
    const m = read('The recruiter emails the interview invitation. The recruiter sends a reminder every week. The recruiter books the room.');
    const timer = boundaryOn(m, 'Wait for reply')!;
    expect(timer.timer).toEqual({ kind: 'cycle', value: 'R/P1W' });
    expect(timer.interrupting).toBe(false);
    expect(next(m, timer.id).map((n) => n.label)).toEqual(['Send reminder']);
  });

  it('gives counted weekly reminders a week on each wait, back to the wait until the count (finance)', () => {
    const m = read('The accounts clerk sends an invoice to the customer. The clerk sends a reminder every week. After two reminders without reply, the clerk hands the case over to the collection agency.');
    const timer = boundaryOn(m, 'Wait for reply')!;
    expect(timer.timer).toEqual({ kind: 'duration', value: 'P1W' });
    expect(downstream(m, timer)).toEqual(expect.arrayContaining(['Send reminder', 'Hand over case']));
    expect(next(m, node(m, 'Send reminder').id).map((n) => n.label)).toEqual(['Wait for reply']);
  });
});

describe('the answer that ends a wait is not waited for twice', () => {
  it.each([
    ['The support agent sends a questionnaire to the customer. If the customer hasn\'t replied after a week, the agent closes the ticket. When the answer arrives, the agent updates the ticket.', 'Update ticket'],
    ['The recruiter sends the offer. If the candidate has not answered after three days, the recruiter calls the candidate. When the reply arrives, the recruiter prepares the contract.', 'Prepare contract'],
    ['The bank asks the customer for the payslip. The bank sends a reminder after one week. When the response arrives, the bank checks the payslip.', 'Check payslip'],
  ])('%s', (text, after) => {
    const m = read(text);
    const wait = m.nodes.find((n) => n.taskType === 'receive')!;
    expect(next(m, wait.id).map((n) => n.label)).toEqual([after]);
    expect(m.nodes.filter((n) => n.kind === 'intermediate')).toEqual([]);
  });
});

describe('parallel work in other words', () => {
  it('reads "A does X at the same time as B does Y" as two bands, each in its lane (banking)', () => {
    const m = read('The bank receives the loan application. The credit officer checks the credit score at the same time as the risk analyst evaluates the collateral. After that the credit officer decides on the loan.');
    const [split] = splits(m);
    expect(branchesOf(m, split!)).toEqual(['Check credit score', 'Evaluate collateral']);
    expect(laneOf(m, 'Evaluate collateral')).toBe('Risk analyst');
    // The work after it comes after the join.
    const join = next(m, node(m, 'Evaluate collateral').id)[0]!;
    expect(join.kind).toBe('parallel');
    expect(next(m, node(m, 'Check credit score').id)[0]).toBe(join);
    expect(next(m, join.id).map((n) => n.label)).toEqual(['Decide on loan']);
  });

  it('reads a lone step that ends in "concurrently" as a band beside the sentence before (insurance)', () => {
    const m = read('The insurer registers the claim. In the meantime, the assessor inspects the damaged car. The claims handler calculates the payout concurrently. Once both are done, the claims handler pays the customer.');
    const [split] = splits(m);
    expect(branchesOf(m, split!)).toEqual(['Calculate payout', 'Inspect damaged car', 'Register claim']);
    expect(next(m, node(m, 'Calculate payout').id)[0]!.kind).toBe('parallel');
  });

  it.each([
    ['The agency receives the brief. The teams work in parallel: the design team drafts the layout and the content team writes the copy. The account manager presents the proposal.', ['Draft layout', 'Write copy']],
    ['The patient is admitted. Two checks happen in parallel: the nurse measures the blood pressure and the lab tests the blood. The doctor then decides on the treatment.', ['Measure blood pressure', 'Test blood']],
  ])('reads a lead "X work / happen in parallel:" before the steps: %s', (text, band) => {
    const m = read(text);
    const [split] = splits(m);
    expect(branchesOf(m, split!)).toEqual(band);
  });

  it('reads "simultaneously" at the end of a sentence the same way (logistics)', () => {
    const m = read('The warehouse picks the items. The carrier books a truck simultaneously. The driver loads the truck.');
    const [split] = splits(m);
    expect(branchesOf(m, split!)).toEqual(['Book truck', 'Pick items']);
  });

  it('gives "A while B and at the same time C" one split into three (IT ops)', () => {
    const m = read('The operator restarts the server while the engineer analyses the logs and at the same time the support lead informs the customers. Afterwards the engineer writes the incident report.');
    const [split] = splits(m);
    expect(branchesOf(m, split!)).toEqual(['Analyse logs', 'Inform customers', 'Restart server']);
    for (const step of ['Analyse logs', 'Inform customers', 'Restart server']) expect(downstream(m, node(m, step))).toContain('Write incident report');
  });

  it('keeps the step after "both … must be ready before" (software delivery)', () => {
    const m = read('The developers build the package. In parallel, the testers prepare the environment. Both the package and the environment must be ready before the release manager deploys the release.');
    const [split] = splits(m);
    expect(branchesOf(m, split!)).toEqual(['Build package', 'Prepare environment']);
    for (const step of ['Build package', 'Prepare environment']) expect(downstream(m, node(m, step))).toContain('Deploy release');
  });

  it.each([
    ['HR prepares the contract and IT sets up the laptop. Once both the contract and the laptop are ready, the manager welcomes the new hire.', ['Prepare contract', 'Set up laptop'], 'Welcome new hire'],
    ['The developers build the package and the testers prepare the environment. Both the package and the environment must be ready before the release manager deploys the release.', ['Build package', 'Prepare environment'], 'Deploy release'],
    ['The nurse takes a blood sample. The radiographer takes an X-ray. When both are done, the doctor makes the diagnosis.', ['Take X-ray', 'Take blood sample'], 'Make diagnosis'],
  ])('reads a "both … done" join as the two steps before running side by side: %s', (text, band, after) => {
    const m = read(text);
    const [split] = splits(m);
    expect(branchesOf(m, split!)).toEqual(band);
    const join = next(m, node(m, band[0]!).id)[0]!;
    expect(join.kind).toBe('parallel');
    expect(next(m, node(m, band[1]!).id)[0]).toBe(join);
    expect(next(m, join.id).map((n) => n.label)).toEqual([after]);
  });

  it('keeps one party\'s two steps in sequence before "once both are done" (finance)', () => {
    const m = read('The clerk checks the ID and verifies the address. Once both are done, the clerk opens the account.');
    expect(splits(m)).toEqual([]);
  });
});
